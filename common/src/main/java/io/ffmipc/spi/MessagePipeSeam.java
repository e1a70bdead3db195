package io.ffmipc.spi;

import io.ffmipc.Permissions;

import java.nio.file.Path;

/**
 * The OS half of message pipes: listen, accept once, connect once, and connections that move whole
 * messages ({@code SOCK_SEQPACKET} on Linux; a message-mode named pipe on Windows; a stream socket
 * with length framing on macOS). The admission check, the {@link io.ffmipc.core.PipeFrames framing}
 * of kinds, timeouts, interrupts and close guards are the portable layer's.
 */
public interface MessagePipeSeam {

    /** The largest message (payload plus frame header) a connection carries. */
    int maxMessageSize();

    /** Listens under a name of the OS's pipe namespace; {@link io.ffmipc.IpcObjectExistsException} if a server has it. */
    NativePipeListener listen(String name, Permissions permissions);

    /** Listens at a socket file created with exactly {@code permissions} and removed when the listener closes. */
    NativePipeListener listen(Path socketPath, Permissions permissions);

    /** One attempt to connect: null while no server listens under the name. */
    NativeMessagePipe tryConnect(String name);

    /** One attempt to connect to a socket file: null while no server listens there. */
    NativeMessagePipe tryConnect(Path socketPath);
}
