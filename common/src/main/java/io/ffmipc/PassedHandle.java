package io.ffmipc;

/**
 * An OS handle received from another process ({@link MessagePipe#receiveHandle}): a file
 * descriptor on Linux and macOS, a duplicated HANDLE on Windows. It is owned by this object until
 * closed. Turn it into a typed object with {@link IpcPlatform#sharedMemoryFromHandle} or
 * {@link IpcPlatform#eventFromHandle}; those take their own copy, so close this one afterwards
 * (try-with-resources).
 */
public interface PassedHandle extends Inheritable, AutoCloseable {

    /** The handle's value in this process; {@link IllegalStateException} once closed. */
    @Override
    long osHandle();

    /** Closes the handle. Safe to call twice. */
    @Override
    void close();
}
