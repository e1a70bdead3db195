package io.ffmipc.spi;

import io.ffmipc.Permissions;

/**
 * The OS half of named byte-stream pipes (FIFOs; byte-mode named pipes on Windows). Each call is
 * one attempt. Opening the write end within a timeout, reads and writes with deadlines,
 * interrupts, close guards, owner checks and the {@code byte[]} forms are the portable layer's
 * ({@code io.ffmipc.core.SeamStreamPipe}).
 */
public interface StreamPipeSeam {

    /** Where the OS keeps the pipe of this name, for messages ({@code /tmp/NAME}). */
    String location(String name);

    /** Creates the name with exactly {@code permissions}; {@link io.ffmipc.IpcObjectExistsException} if taken. */
    void create(String name, Permissions permissions);

    /** Removes the name; false if there was none. Refuses to remove something that is not a pipe. */
    boolean remove(String name);

    /**
     * Opens the read end at once ({@link io.ffmipc.NoSuchIpcObjectException} if there is no such
     * pipe), never following a symbolic link; refuses an object that is not a pipe with a typed
     * error. The owner is reported ({@link NativeStreamPipe#owner()}), not checked.
     */
    NativeStreamPipe openRead(String name);

    /** One attempt to open the write end, as {@link #openRead}: null while no reader has the pipe open. */
    NativeStreamPipe tryOpenWrite(String name);
}
