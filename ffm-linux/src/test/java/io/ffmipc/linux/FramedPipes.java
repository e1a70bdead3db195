package io.ffmipc.linux;

import io.ffmipc.core.PortablePlatform;
import io.ffmipc.IpcPlatform;
import io.ffmipc.posix.PosixMessagePipeSeam;

/**
 * Test-only: the Linux platform with the message pipes an OS without {@code SOCK_SEQPACKET} for Unix
 * sockets gets (macOS): {@code SOCK_STREAM} with length framing, over {@link MacosShapedLibC}, names
 * as socket files in {@link LinuxSeams#PIPE_DIRECTORY}. Peer credentials are still Linux's
 * (SO_PEERCRED works on stream sockets too).
 */
final class FramedPipes {
    private static IpcPlatform platform;

    private FramedPipes() {
    }

    static synchronized IpcPlatform platform() {
        if (platform == null) {
            var matrix = new LinuxProvider().matrix();
            var pipes = new PosixMessagePipeSeam(MacosShapedLibC.create(), PosixMessagePipeSeam.Framing.STREAM,
                    LinuxSeams.PIPE_DIRECTORY);
            platform = new PortablePlatform(new LinuxSeams(matrix, pipes));
        }
        return platform;
    }
}
