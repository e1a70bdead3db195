package io.ffmipc;

/** An object whose OS handle a child process can inherit (a file descriptor or Windows HANDLE). */
public interface Inheritable {

    /** The OS handle value in this process. */
    long osHandle();
}
