package io.ffmipc.spi;

/** What an OS error code means to the portable error model; decides the exception type. */
public enum ErrorKind {
    /** The object exists (EEXIST, ERROR_ALREADY_EXISTS). */
    EXISTS,
    /** The object does not exist (ENOENT, ERROR_FILE_NOT_FOUND). */
    NOT_FOUND,
    /** Permission denied (EACCES, EPERM, ERROR_ACCESS_DENIED). */
    ACCESS_DENIED,
    /** A size, count or value limit (ENOSPC, EMFILE, ENFILE, ENOMEM, EOVERFLOW, ENAMETOOLONG, E2BIG). */
    LIMIT,
    /** The other end of a pipe or connection is gone (EPIPE, ECONNRESET, ERROR_BROKEN_PIPE, ERROR_NO_DATA). */
    PEER_CLOSED,
    /** Anything else. */
    OTHER
}
