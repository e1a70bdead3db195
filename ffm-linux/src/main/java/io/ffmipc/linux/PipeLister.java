package io.ffmipc.linux;

import io.ffmipc.ObjectKind;
import io.ffmipc.IpcObjectInfo;
import io.ffmipc.posix.UnixAddress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * The named pipes {@code ffmipc ls} shows: byte-stream pipes, FIFOs in {@link LinuxSeams#PIPE_DIRECTORY}
 * (every FIFO there, as the kernel does not record who made it), and message-pipe servers, the
 * listening {@code SOCK_SEQPACKET} sockets bound to an abstract name with the library's prefix, from
 * {@code /proc/net/unix}. That table shows neither owner nor mode of a socket, so those columns stay
 * unknown; a server bound to a socket file is not listed (it is in the file system under its path).
 */
final class PipeLister {
    /** {@code S_IFIFO} in {@code st_mode}. */
    private static final int FIFO_TYPE = 0010000;
    private static final int SOCKET_TYPE = 0140000;
    private static final int TYPE_MASK = 0170000;
    /** {@code __SO_ACCEPTCON} in the Flags column: the socket listens. */
    private static final int LISTENING = 0x10000;
    /** {@code SOCK_SEQPACKET} in the Type column. */
    private static final int SEQPACKET = 5;

    private final Path fifoDir;
    private final Path procNetUnix;

    PipeLister(Path fifoDir, Path procNetUnix) {
        this.fifoDir = fifoDir;
        this.procNetUnix = procNetUnix;
    }

    void list(IntFunction<String> owner, List<IpcObjectInfo> out) {
        listFifos(owner, out);
        listServers(out);
    }

    private void listFifos(IntFunction<String> owner, List<IpcObjectInfo> out) {
        if (!Files.isDirectory(fifoDir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(fifoDir)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                Map<String, Object> a;
                try {
                    a = Files.readAttributes(p, "unix:mode,uid", LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException gone) {
                    continue; // removed while we listed
                } catch (java.nio.file.AccessDeniedException unreadable) {
                    continue;
                }
                int mode = (Integer) a.get("mode");
                if ((mode & TYPE_MASK) == FIFO_TYPE) {
                    out.add(new IpcObjectInfo(ObjectKind.STREAM_PIPE, p.getFileName().toString(), -1,
                            owner.apply((Integer) a.get("uid")), mode & 0777, -1, p.toString()));
                } else if ((mode & TYPE_MASK) == SOCKET_TYPE) {
                    // A socket file: a message-pipe server listening at a path (or one that died without removing it).
                    out.add(new IpcObjectInfo(ObjectKind.MESSAGE_PIPE, p.getFileName().toString(), -1,
                            owner.apply((Integer) a.get("uid")), mode & 0777, -1, "socket file " + p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + fifoDir, e);
        }
    }

    /**
     * Lines of /proc/net/unix: {@code Num RefCount Protocol Flags Type St Inode Path}, the numbers in
     * hexadecimal but the inode in decimal; an abstract name is shown with '@' for its leading NUL.
     */
    private void listServers(List<IpcObjectInfo> out) {
        if (!Files.isReadable(procNetUnix)) {
            return;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(procNetUnix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + procNetUnix, e);
        }
        String ours = "@" + UnixAddress.PREFIX;
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] f = line.trim().split("\\s+", 8);
            if (f.length < 8 || !f[7].startsWith(ours)) {
                continue;
            }
            try {
                int flags = Integer.parseInt(f[3], 16);
                int type = Integer.parseInt(f[4], 16);
                if ((flags & LISTENING) != 0 && type == SEQPACKET) {
                    out.add(new IpcObjectInfo(ObjectKind.MESSAGE_PIPE, f[7].substring(ours.length()), Long.parseLong(f[6]), "?",
                            -1, -1, "listening, abstract socket " + f[7]));
                }
            } catch (NumberFormatException malformed) {
                // a line this kernel formats differently is not ours to guess at
            }
        }
    }
}
