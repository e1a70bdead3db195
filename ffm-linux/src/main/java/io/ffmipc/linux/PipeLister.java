package io.ffmipc.linux;

import io.ffmipc.ObjectKind;
import io.ffmipc.IpcObjectInfo;
import io.ffmipc.posix.FileObjectLister;
import io.ffmipc.posix.UnixAddress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The named pipes {@code ffmipc ls} shows: byte-stream pipes, FIFOs in {@link LinuxSeams#PIPE_DIRECTORY}
 * (every FIFO there, as the kernel does not record who made it), and message-pipe servers, the
 * listening {@code SOCK_SEQPACKET} sockets bound to an abstract name with the library's prefix, from
 * {@code /proc/net/unix}. That table shows neither owner nor mode of a socket, so those columns stay
 * unknown. A server bound to a socket file in that directory is listed from the file
 * ({@link io.ffmipc.posix.FileObjectLister}); one elsewhere is not.
 */
final class PipeLister {
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
        FileObjectLister.pipes(fifoDir, owner, out);
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
