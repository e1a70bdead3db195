package io.ffmipc.macos;

import io.ffmipc.IpcObjectInfo;
import io.ffmipc.ObjectKind;
import io.ffmipc.spi.ObjectLister;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The System V objects of macOS, as {@code /usr/bin/ipcs} lists them. The kernel's own interface
 * for this (the {@code kern.sysv.ipcs.*} sysctls of {@code sys/ipcs.h}) is one that header tells
 * programs not to use: "popen(3) the ipcs(2) command and parse its output, or your program may not
 * work on future OS releases". So this runs {@code ipcs} and reads its rows,
 * {@code T ID KEY MODE OWNER GROUP} under the headings of the three tables; a row it cannot read is
 * left out, and without {@code ipcs} nothing is listed.
 */
final class IpcsListing implements ObjectLister {
    static final Path IPCS = Path.of("/usr/bin/ipcs");

    @Override
    public List<IpcObjectInfo> list() {
        if (!Files.isExecutable(IPCS)) {
            return List.of();
        }
        try {
            Process p = new ProcessBuilder(IPCS.toString()).redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return List.of();
            }
            return p.exitValue() == 0 ? parse(out) : List.of();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /**
     * The rows of an {@code ipcs} listing: type letter ({@code q}, {@code m}, {@code s}), id, key
     * ({@code 0x} hexadecimal or decimal), mode ({@code --rw-------}: two flag characters, then
     * owner, group and other permissions, {@code a} meaning alter, i.e. write; {@code D} first: a
     * removed segment still attached), owner, group.
     */
    static List<IpcObjectInfo> parse(String listing) {
        List<IpcObjectInfo> out = new ArrayList<>();
        for (String line : listing.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 6 || f[0].length() != 1 || "qms".indexOf(f[0].charAt(0)) < 0 || f[3].length() != 11) {
                continue; // a heading, or a row this does not read
            }
            ObjectKind kind = switch (f[0].charAt(0)) {
                case 'q' -> ObjectKind.SYSV_MESSAGE_QUEUE;
                case 'm' -> ObjectKind.SYSV_SHARED_MEMORY;
                default -> ObjectKind.SYSV_SEMAPHORE_SET;
            };
            try {
                long id = Long.parseLong(f[1]);
                long key = f[2].startsWith("0x") ? Long.parseLong(f[2].substring(2), 16) : Long.parseLong(f[2]);
                String mode = f[3];
                out.add(new IpcObjectInfo(kind, String.format("0x%08x", (int) key), id, f[4], permissions(mode), -1,
                        "group " + f[5] + (mode.charAt(0) == 'D' ? " removed" : "")));
            } catch (NumberFormatException unreadable) {
                // not a row of this format
            }
        }
        return out;
    }

    /** {@code rw-r--r--} after the two flag characters, as octal permission bits ({@code a}, alter, is write). */
    static int permissions(String mode) {
        int bits = 0;
        for (int i = 2; i < 11; i++) {
            bits <<= 1;
            if (mode.charAt(i) != '-') {
                bits |= 1;
            }
        }
        return bits;
    }
}
