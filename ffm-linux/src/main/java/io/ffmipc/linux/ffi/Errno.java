package io.ffmipc.linux.ffi;

import io.ffmipc.IpcException;
import io.ffmipc.OsError;
import io.ffmipc.spi.ErrorKind;
import io.ffmipc.spi.IpcErrors;
import io.ffmipc.ffi.CConstant;

import java.util.List;

/**
 * The errno values the Linux provider names, with what each means to the portable error model.
 * Values are the same on x86_64 and aarch64 (asm-generic), and the ABI check confirms them.
 */
public final class Errno {
    private Errno() {
    }

    public static final CConstant EPERM = CConstant.of("EPERM", 1);
    public static final CConstant ENOENT = CConstant.of("ENOENT", 2);
    public static final CConstant ESRCH = CConstant.of("ESRCH", 3);
    public static final CConstant EINTR = CConstant.of("EINTR", 4);
    public static final CConstant EIO = CConstant.of("EIO", 5);
    public static final CConstant ENXIO = CConstant.of("ENXIO", 6);
    public static final CConstant E2BIG = CConstant.of("E2BIG", 7);
    public static final CConstant EBADF = CConstant.of("EBADF", 9);
    public static final CConstant ECHILD = CConstant.of("ECHILD", 10);
    public static final CConstant EAGAIN = CConstant.of("EAGAIN", 11);
    public static final CConstant ENOMEM = CConstant.of("ENOMEM", 12);
    public static final CConstant EACCES = CConstant.of("EACCES", 13);
    public static final CConstant EFAULT = CConstant.of("EFAULT", 14);
    public static final CConstant EEXIST = CConstant.of("EEXIST", 17);
    public static final CConstant ENOTDIR = CConstant.of("ENOTDIR", 20);
    public static final CConstant EISDIR = CConstant.of("EISDIR", 21);
    public static final CConstant EINVAL = CConstant.of("EINVAL", 22);
    public static final CConstant ENFILE = CConstant.of("ENFILE", 23);
    public static final CConstant EMFILE = CConstant.of("EMFILE", 24);
    public static final CConstant EFBIG = CConstant.of("EFBIG", 27);
    public static final CConstant ENOSPC = CConstant.of("ENOSPC", 28);
    public static final CConstant EPIPE = CConstant.of("EPIPE", 32);
    public static final CConstant ERANGE = CConstant.of("ERANGE", 34);
    public static final CConstant EDEADLK = CConstant.of("EDEADLK", 35);
    public static final CConstant ENAMETOOLONG = CConstant.of("ENAMETOOLONG", 36);
    public static final CConstant ENOSYS = CConstant.of("ENOSYS", 38);
    /** Too many symbolic links, or (with O_NOFOLLOW) the last component of the path is one. */
    public static final CConstant ELOOP = CConstant.of("ELOOP", 40);
    public static final CConstant ENOMSG = CConstant.of("ENOMSG", 42);
    public static final CConstant EIDRM = CConstant.of("EIDRM", 43);
    public static final CConstant EOVERFLOW = CConstant.of("EOVERFLOW", 75);
    public static final CConstant EMSGSIZE = CConstant.of("EMSGSIZE", 90);
    public static final CConstant EADDRINUSE = CConstant.of("EADDRINUSE", 98);
    public static final CConstant ECONNABORTED = CConstant.of("ECONNABORTED", 103);
    public static final CConstant ECONNRESET = CConstant.of("ECONNRESET", 104);
    public static final CConstant ETIMEDOUT = CConstant.of("ETIMEDOUT", 110);
    public static final CConstant ECONNREFUSED = CConstant.of("ECONNREFUSED", 111);

    private record Entry(CConstant constant, ErrorKind kind) {
    }

    private static final List<Entry> TABLE = List.of(
            new Entry(EPERM, ErrorKind.ACCESS_DENIED), new Entry(ENOENT, ErrorKind.NOT_FOUND),
            new Entry(ESRCH, ErrorKind.NOT_FOUND), new Entry(EINTR, ErrorKind.OTHER), new Entry(EIO, ErrorKind.OTHER),
            new Entry(E2BIG, ErrorKind.LIMIT), new Entry(EBADF, ErrorKind.OTHER), new Entry(ECHILD, ErrorKind.OTHER),
            new Entry(EAGAIN, ErrorKind.OTHER), new Entry(ENOMEM, ErrorKind.LIMIT),
            new Entry(EACCES, ErrorKind.ACCESS_DENIED), new Entry(EFAULT, ErrorKind.OTHER),
            new Entry(EEXIST, ErrorKind.EXISTS), new Entry(ENOTDIR, ErrorKind.OTHER), new Entry(EISDIR, ErrorKind.OTHER),
            new Entry(EINVAL, ErrorKind.OTHER), new Entry(ENFILE, ErrorKind.LIMIT), new Entry(EMFILE, ErrorKind.LIMIT),
            new Entry(EFBIG, ErrorKind.LIMIT), new Entry(ENOSPC, ErrorKind.LIMIT), new Entry(ERANGE, ErrorKind.LIMIT),
            new Entry(EDEADLK, ErrorKind.OTHER), new Entry(ENAMETOOLONG, ErrorKind.LIMIT),
            new Entry(ENOSYS, ErrorKind.OTHER), new Entry(ELOOP, ErrorKind.OTHER), new Entry(EIDRM, ErrorKind.NOT_FOUND),
            new Entry(EOVERFLOW, ErrorKind.LIMIT), new Entry(ETIMEDOUT, ErrorKind.OTHER),
            new Entry(ENOMSG, ErrorKind.OTHER), new Entry(EMSGSIZE, ErrorKind.LIMIT),
            // pipes and sockets: no reader / no server is "not found", a vanished peer is its own kind
            new Entry(ENXIO, ErrorKind.NOT_FOUND), new Entry(EPIPE, ErrorKind.PEER_CLOSED),
            new Entry(EADDRINUSE, ErrorKind.EXISTS),
            new Entry(ECONNRESET, ErrorKind.PEER_CLOSED), new Entry(ECONNREFUSED, ErrorKind.NOT_FOUND),
            new Entry(ECONNABORTED, ErrorKind.PEER_CLOSED));

    /** The OS error for a code: its symbolic name (or "?") and the C library's text. */
    public static OsError osError(int code) {
        for (Entry e : TABLE) {
            if (e.constant.longValue() == code) {
                return new OsError(code, e.constant.macro(), LibC.INSTANCE.strerror(code));
            }
        }
        return new OsError(code, "?", LibC.INSTANCE.strerror(code));
    }

    /** What the code means to the portable error model. */
    public static ErrorKind kind(int code) {
        for (Entry e : TABLE) {
            if (e.constant.longValue() == code) {
                return e.kind;
            }
        }
        return ErrorKind.OTHER;
    }

    /** The typed exception for a failed call. */
    public static IpcException exception(String operation, String objectName, int code, String detail) {
        return IpcErrors.of(operation, objectName, osError(code), kind(code), detail);
    }

    public static IpcException exception(String operation, String objectName, int code) {
        return exception(operation, objectName, code, null);
    }
}
