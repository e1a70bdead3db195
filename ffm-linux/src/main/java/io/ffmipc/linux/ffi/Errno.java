package io.ffmipc.linux.ffi;

import io.ffmipc.IpcException;
import io.ffmipc.OsError;
import io.ffmipc.spi.ErrorKind;
import io.ffmipc.spi.IpcErrors;
import io.ffmipc.ffi.CConstant;

import java.util.HashMap;
import java.util.Map;

import static io.ffmipc.spi.ErrorKind.ACCESS_DENIED;
import static io.ffmipc.spi.ErrorKind.EXISTS;
import static io.ffmipc.spi.ErrorKind.LIMIT;
import static io.ffmipc.spi.ErrorKind.NOT_FOUND;
import static io.ffmipc.spi.ErrorKind.OTHER;
import static io.ffmipc.spi.ErrorKind.PEER_CLOSED;

/**
 * Every errno value Linux defines, each with what it means to the portable error model, so any
 * code the library meets prints its symbolic name ({@code ELOOP (40): Too many levels of symbolic
 * links}), never {@code ? (40)}.
 *
 * <p>The list is the kernel's {@code asm-generic/errno-base.h} and {@code asm-generic/errno.h}
 * (1 to 133), which glibc's {@code <errno.h>} includes through {@code asm/errno.h} on both x86_64
 * and aarch64 — the values are the same on the two targets (the ones that differ are MIPS, SPARC,
 * Alpha and PA-RISC, which this library does not target). The ABI check compiles every value against
 * both targets' headers, and {@code ErrnoTest} checks that no errno macro of those headers is
 * missing here. Most codes have no special meaning ({@link ErrorKind#OTHER}); the kinds below are
 * those that decide an exception type.
 */
public final class Errno {
    private Errno() {
    }

    private record Named(String macro, ErrorKind kind) {
    }

    /** Code → primary name and kind; filled as the fields below initialise, so it is declared first. */
    private static final Map<Integer, Named> BY_CODE = new HashMap<>();

    /** A primary errno name: it names its code in messages. */
    private static CConstant errno(String macro, int code, ErrorKind kind) {
        if (BY_CODE.putIfAbsent(code, new Named(macro, kind)) != null) {
            throw new IllegalStateException(macro + " = " + code + " is already " + BY_CODE.get(code).macro()
                    + "; declare it with alias()");
        }
        return CConstant.of(macro, code);
    }

    private static CConstant errno(String macro, int code) {
        return errno(macro, code, OTHER);
    }

    /** A second name for a code (checked by the ABI check like any constant); messages use the primary name. */
    private static CConstant alias(String macro, int code) {
        return CConstant.of(macro, code);
    }

    public static final CConstant EPERM = errno("EPERM", 1, ACCESS_DENIED);
    public static final CConstant ENOENT = errno("ENOENT", 2, NOT_FOUND);
    public static final CConstant ESRCH = errno("ESRCH", 3, NOT_FOUND);
    public static final CConstant EINTR = errno("EINTR", 4);
    public static final CConstant EIO = errno("EIO", 5);
    public static final CConstant ENXIO = errno("ENXIO", 6, NOT_FOUND);
    public static final CConstant E2BIG = errno("E2BIG", 7, LIMIT);
    public static final CConstant ENOEXEC = errno("ENOEXEC", 8);
    public static final CConstant EBADF = errno("EBADF", 9);
    public static final CConstant ECHILD = errno("ECHILD", 10);
    public static final CConstant EAGAIN = errno("EAGAIN", 11);
    public static final CConstant ENOMEM = errno("ENOMEM", 12, LIMIT);
    public static final CConstant EACCES = errno("EACCES", 13, ACCESS_DENIED);
    public static final CConstant EFAULT = errno("EFAULT", 14);
    public static final CConstant ENOTBLK = errno("ENOTBLK", 15);
    public static final CConstant EBUSY = errno("EBUSY", 16);
    public static final CConstant EEXIST = errno("EEXIST", 17, EXISTS);
    public static final CConstant EXDEV = errno("EXDEV", 18);
    public static final CConstant ENODEV = errno("ENODEV", 19);
    public static final CConstant ENOTDIR = errno("ENOTDIR", 20);
    public static final CConstant EISDIR = errno("EISDIR", 21);
    public static final CConstant EINVAL = errno("EINVAL", 22);
    public static final CConstant ENFILE = errno("ENFILE", 23, LIMIT);
    public static final CConstant EMFILE = errno("EMFILE", 24, LIMIT);
    public static final CConstant ENOTTY = errno("ENOTTY", 25);
    public static final CConstant ETXTBSY = errno("ETXTBSY", 26);
    public static final CConstant EFBIG = errno("EFBIG", 27, LIMIT);
    public static final CConstant ENOSPC = errno("ENOSPC", 28, LIMIT);
    public static final CConstant ESPIPE = errno("ESPIPE", 29);
    public static final CConstant EROFS = errno("EROFS", 30);
    public static final CConstant EMLINK = errno("EMLINK", 31, LIMIT);
    public static final CConstant EPIPE = errno("EPIPE", 32, PEER_CLOSED);
    public static final CConstant EDOM = errno("EDOM", 33);
    public static final CConstant ERANGE = errno("ERANGE", 34, LIMIT);
    public static final CConstant EDEADLK = errno("EDEADLK", 35);
    public static final CConstant ENAMETOOLONG = errno("ENAMETOOLONG", 36, LIMIT);
    public static final CConstant ENOLCK = errno("ENOLCK", 37, LIMIT);
    public static final CConstant ENOSYS = errno("ENOSYS", 38);
    public static final CConstant ENOTEMPTY = errno("ENOTEMPTY", 39);
    public static final CConstant ELOOP = errno("ELOOP", 40);
    public static final CConstant ENOMSG = errno("ENOMSG", 42);
    public static final CConstant EIDRM = errno("EIDRM", 43, NOT_FOUND);
    public static final CConstant ECHRNG = errno("ECHRNG", 44);
    public static final CConstant EL2NSYNC = errno("EL2NSYNC", 45);
    public static final CConstant EL3HLT = errno("EL3HLT", 46);
    public static final CConstant EL3RST = errno("EL3RST", 47);
    public static final CConstant ELNRNG = errno("ELNRNG", 48);
    public static final CConstant EUNATCH = errno("EUNATCH", 49);
    public static final CConstant ENOCSI = errno("ENOCSI", 50);
    public static final CConstant EL2HLT = errno("EL2HLT", 51);
    public static final CConstant EBADE = errno("EBADE", 52);
    public static final CConstant EBADR = errno("EBADR", 53);
    public static final CConstant EXFULL = errno("EXFULL", 54);
    public static final CConstant ENOANO = errno("ENOANO", 55);
    public static final CConstant EBADRQC = errno("EBADRQC", 56);
    public static final CConstant EBADSLT = errno("EBADSLT", 57);
    public static final CConstant EBFONT = errno("EBFONT", 59);
    public static final CConstant ENOSTR = errno("ENOSTR", 60);
    public static final CConstant ENODATA = errno("ENODATA", 61);
    public static final CConstant ETIME = errno("ETIME", 62);
    public static final CConstant ENOSR = errno("ENOSR", 63);
    public static final CConstant ENONET = errno("ENONET", 64);
    public static final CConstant ENOPKG = errno("ENOPKG", 65);
    public static final CConstant EREMOTE = errno("EREMOTE", 66);
    public static final CConstant ENOLINK = errno("ENOLINK", 67);
    public static final CConstant EADV = errno("EADV", 68);
    public static final CConstant ESRMNT = errno("ESRMNT", 69);
    public static final CConstant ECOMM = errno("ECOMM", 70);
    public static final CConstant EPROTO = errno("EPROTO", 71);
    public static final CConstant EMULTIHOP = errno("EMULTIHOP", 72);
    public static final CConstant EDOTDOT = errno("EDOTDOT", 73);
    public static final CConstant EBADMSG = errno("EBADMSG", 74);
    public static final CConstant EOVERFLOW = errno("EOVERFLOW", 75, LIMIT);
    public static final CConstant ENOTUNIQ = errno("ENOTUNIQ", 76);
    public static final CConstant EBADFD = errno("EBADFD", 77);
    public static final CConstant EREMCHG = errno("EREMCHG", 78);
    public static final CConstant ELIBACC = errno("ELIBACC", 79);
    public static final CConstant ELIBBAD = errno("ELIBBAD", 80);
    public static final CConstant ELIBSCN = errno("ELIBSCN", 81);
    public static final CConstant ELIBMAX = errno("ELIBMAX", 82);
    public static final CConstant ELIBEXEC = errno("ELIBEXEC", 83);
    public static final CConstant EILSEQ = errno("EILSEQ", 84);
    public static final CConstant ERESTART = errno("ERESTART", 85);
    public static final CConstant ESTRPIPE = errno("ESTRPIPE", 86);
    public static final CConstant EUSERS = errno("EUSERS", 87, LIMIT);
    public static final CConstant ENOTSOCK = errno("ENOTSOCK", 88);
    public static final CConstant EDESTADDRREQ = errno("EDESTADDRREQ", 89);
    public static final CConstant EMSGSIZE = errno("EMSGSIZE", 90, LIMIT);
    public static final CConstant EPROTOTYPE = errno("EPROTOTYPE", 91);
    public static final CConstant ENOPROTOOPT = errno("ENOPROTOOPT", 92);
    public static final CConstant EPROTONOSUPPORT = errno("EPROTONOSUPPORT", 93);
    public static final CConstant ESOCKTNOSUPPORT = errno("ESOCKTNOSUPPORT", 94);
    public static final CConstant EOPNOTSUPP = errno("EOPNOTSUPP", 95);
    public static final CConstant EPFNOSUPPORT = errno("EPFNOSUPPORT", 96);
    public static final CConstant EAFNOSUPPORT = errno("EAFNOSUPPORT", 97);
    public static final CConstant EADDRINUSE = errno("EADDRINUSE", 98, EXISTS);
    public static final CConstant EADDRNOTAVAIL = errno("EADDRNOTAVAIL", 99);
    public static final CConstant ENETDOWN = errno("ENETDOWN", 100);
    public static final CConstant ENETUNREACH = errno("ENETUNREACH", 101);
    public static final CConstant ENETRESET = errno("ENETRESET", 102);
    public static final CConstant ECONNABORTED = errno("ECONNABORTED", 103, PEER_CLOSED);
    public static final CConstant ECONNRESET = errno("ECONNRESET", 104, PEER_CLOSED);
    public static final CConstant ENOBUFS = errno("ENOBUFS", 105, LIMIT);
    public static final CConstant EISCONN = errno("EISCONN", 106);
    public static final CConstant ENOTCONN = errno("ENOTCONN", 107);
    public static final CConstant ESHUTDOWN = errno("ESHUTDOWN", 108);
    public static final CConstant ETOOMANYREFS = errno("ETOOMANYREFS", 109, LIMIT);
    public static final CConstant ETIMEDOUT = errno("ETIMEDOUT", 110);
    public static final CConstant ECONNREFUSED = errno("ECONNREFUSED", 111, NOT_FOUND);
    public static final CConstant EHOSTDOWN = errno("EHOSTDOWN", 112);
    public static final CConstant EHOSTUNREACH = errno("EHOSTUNREACH", 113);
    public static final CConstant EALREADY = errno("EALREADY", 114);
    public static final CConstant EINPROGRESS = errno("EINPROGRESS", 115);
    public static final CConstant ESTALE = errno("ESTALE", 116);
    public static final CConstant EUCLEAN = errno("EUCLEAN", 117);
    public static final CConstant ENOTNAM = errno("ENOTNAM", 118);
    public static final CConstant ENAVAIL = errno("ENAVAIL", 119);
    public static final CConstant EISNAM = errno("EISNAM", 120);
    public static final CConstant EREMOTEIO = errno("EREMOTEIO", 121);
    public static final CConstant EDQUOT = errno("EDQUOT", 122, LIMIT);
    public static final CConstant ENOMEDIUM = errno("ENOMEDIUM", 123);
    public static final CConstant EMEDIUMTYPE = errno("EMEDIUMTYPE", 124);
    public static final CConstant ECANCELED = errno("ECANCELED", 125);
    public static final CConstant ENOKEY = errno("ENOKEY", 126);
    public static final CConstant EKEYEXPIRED = errno("EKEYEXPIRED", 127);
    public static final CConstant EKEYREVOKED = errno("EKEYREVOKED", 128);
    public static final CConstant EKEYREJECTED = errno("EKEYREJECTED", 129);
    public static final CConstant EOWNERDEAD = errno("EOWNERDEAD", 130);
    public static final CConstant ENOTRECOVERABLE = errno("ENOTRECOVERABLE", 131);
    public static final CConstant ERFKILL = errno("ERFKILL", 132);
    public static final CConstant EHWPOISON = errno("EHWPOISON", 133);

    // Second names glibc defines for the same codes (EAGAIN, EDEADLK, EOPNOTSUPP print).
    public static final CConstant EWOULDBLOCK = alias("EWOULDBLOCK", 11);
    public static final CConstant EDEADLOCK = alias("EDEADLOCK", 35);
    public static final CConstant ENOTSUP = alias("ENOTSUP", 95);

    /** The OS error for a code: its symbolic name ("?" only for a code Linux does not define) and the C library's text. */
    public static OsError osError(int code) {
        Named n = BY_CODE.get(code);
        return new OsError(code, n == null ? "?" : n.macro(), LibC.INSTANCE.strerror(code));
    }

    /** What the code means to the portable error model. */
    public static ErrorKind kind(int code) {
        Named n = BY_CODE.get(code);
        return n == null ? OTHER : n.kind();
    }

    /** The typed exception for a failed call. */
    public static IpcException exception(String operation, String objectName, int code, String detail) {
        return IpcErrors.of(operation, objectName, osError(code), kind(code), detail);
    }

    public static IpcException exception(String operation, String objectName, int code) {
        return exception(operation, objectName, code, null);
    }
}
