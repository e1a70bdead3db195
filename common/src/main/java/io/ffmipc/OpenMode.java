package io.ffmipc;

/** How a named object is opened. */
public enum OpenMode {
    /** Create the object; fail with {@link IpcObjectExistsException} if it already exists. */
    CREATE,
    /** Open an existing object; fail with {@link NoSuchIpcObjectException} if it is missing. */
    OPEN,
    /** Open the object if it exists, otherwise create it. */
    OPEN_OR_CREATE
}
