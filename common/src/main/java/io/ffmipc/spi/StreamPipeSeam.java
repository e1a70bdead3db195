package io.ffmipc.spi;

import io.ffmipc.Permissions;

/**
 * The OS half of named byte-stream pipes (FIFOs; byte-mode named pipes on Windows). Opening the
 * write end within a timeout, reads and writes with deadlines, interrupts, close guards and the
 * {@code byte[]} forms are the portable layer's ({@code io.ffmipc.core.SeamStreamPipe}).
 */
public interface StreamPipeSeam {

    /** Creates the name with exactly {@code permissions}; {@link io.ffmipc.IpcObjectExistsException} if taken. */
    void create(String name, Permissions permissions);

    /** Removes the name; false if there was none. Refuses to remove something that is not a pipe. */
    boolean remove(String name);

    /** Opens the read end at once ({@link io.ffmipc.NoSuchIpcObjectException} if there is no such pipe). */
    NativeStreamPipe openRead(String name);

    /** One attempt to open the write end: null while no reader has the pipe open. */
    NativeStreamPipe tryOpenWrite(String name);
}
