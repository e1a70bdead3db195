package io.ffmipc.spi;

import io.ffmipc.Permissions;

import java.nio.file.Path;

/**
 * The OS half of message pipes: listen, accept once, connect once, and connections that move whole
 * frames ({@code SOCK_SEQPACKET} on Linux; a message-mode named pipe on Windows; a stream socket
 * with length framing on macOS). The admission check and its answer, the
 * {@link io.ffmipc.core.PipeFrames kinds} of frames, timeouts, interrupts, close guards, argument
 * rules and the {@code byte[]} forms are the portable layer's ({@code io.ffmipc.core.SeamMessagePipe},
 * {@code io.ffmipc.core.SeamPipeServer}).
 */
public interface MessagePipeSeam {

    /**
     * Listens under a portable name in the OS's pipe namespace ({@link io.ffmipc.IpcObjectExistsException}
     * if a server has it; {@link io.ffmipc.InvalidNameException} if the OS cannot hold the name).
     * {@code permissions} apply where such a name is a file; a name without a file has none.
     */
    NativePipeListener listen(String name, Permissions permissions);

    /** Listens at a socket file created with exactly {@code permissions} and removed when the listener closes. */
    NativePipeListener listen(Path socketPath, Permissions permissions);

    /**
     * One attempt to connect: the connection (its peer known, the server's answer not yet read);
     * null while a server is there but cannot take the connection now (its backlog is full);
     * {@link io.ffmipc.NoSuchIpcObjectException}, carrying the OS error, while no server listens
     * under the name.
     */
    NativeMessagePipe tryConnect(String name);

    /** {@link #tryConnect(String)} for a server at a socket file. */
    NativeMessagePipe tryConnect(Path socketPath);
}
