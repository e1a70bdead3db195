package io.ffmipc.macos.ffi;

import io.ffmipc.spi.ErrorKind;
import io.ffmipc.ffi.CConstant;

import java.util.Map;

/**
 * Every errno value of macOS ({@code sys/errno.h}, 1 to ELAST = 106), with its symbolic name and,
 * for the codes the provider meets, what it means to the portable error model. Many values differ
 * from Linux (EAGAIN is 35 here and 11 there, where 11 is EDEADLK here), so a Linux table must never
 * be reused. Declarations only: the text comes from {@code strerror} ({@link LibSystem#STRERROR}).
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
    public static final CConstant ENOEXEC = CConstant.of("ENOEXEC", 8);
    public static final CConstant EBADF = CConstant.of("EBADF", 9);
    public static final CConstant ECHILD = CConstant.of("ECHILD", 10);
    public static final CConstant EDEADLK = CConstant.of("EDEADLK", 11);
    public static final CConstant ENOMEM = CConstant.of("ENOMEM", 12);
    public static final CConstant EACCES = CConstant.of("EACCES", 13);
    public static final CConstant EFAULT = CConstant.of("EFAULT", 14);
    public static final CConstant ENOTBLK = CConstant.of("ENOTBLK", 15);
    public static final CConstant EBUSY = CConstant.of("EBUSY", 16);
    public static final CConstant EEXIST = CConstant.of("EEXIST", 17);
    public static final CConstant EXDEV = CConstant.of("EXDEV", 18);
    public static final CConstant ENODEV = CConstant.of("ENODEV", 19);
    public static final CConstant ENOTDIR = CConstant.of("ENOTDIR", 20);
    public static final CConstant EISDIR = CConstant.of("EISDIR", 21);
    public static final CConstant EINVAL = CConstant.of("EINVAL", 22);
    public static final CConstant ENFILE = CConstant.of("ENFILE", 23);
    public static final CConstant EMFILE = CConstant.of("EMFILE", 24);
    public static final CConstant ENOTTY = CConstant.of("ENOTTY", 25);
    public static final CConstant ETXTBSY = CConstant.of("ETXTBSY", 26);
    public static final CConstant EFBIG = CConstant.of("EFBIG", 27);
    public static final CConstant ENOSPC = CConstant.of("ENOSPC", 28);
    public static final CConstant ESPIPE = CConstant.of("ESPIPE", 29);
    public static final CConstant EROFS = CConstant.of("EROFS", 30);
    public static final CConstant EMLINK = CConstant.of("EMLINK", 31);
    public static final CConstant EPIPE = CConstant.of("EPIPE", 32);
    public static final CConstant EDOM = CConstant.of("EDOM", 33);
    public static final CConstant ERANGE = CConstant.of("ERANGE", 34);
    public static final CConstant EAGAIN = CConstant.of("EAGAIN", 35);
    public static final CConstant EINPROGRESS = CConstant.of("EINPROGRESS", 36);
    public static final CConstant EALREADY = CConstant.of("EALREADY", 37);
    public static final CConstant ENOTSOCK = CConstant.of("ENOTSOCK", 38);
    public static final CConstant EDESTADDRREQ = CConstant.of("EDESTADDRREQ", 39);
    public static final CConstant EMSGSIZE = CConstant.of("EMSGSIZE", 40);
    public static final CConstant EPROTOTYPE = CConstant.of("EPROTOTYPE", 41);
    public static final CConstant ENOPROTOOPT = CConstant.of("ENOPROTOOPT", 42);
    public static final CConstant EPROTONOSUPPORT = CConstant.of("EPROTONOSUPPORT", 43);
    public static final CConstant ESOCKTNOSUPPORT = CConstant.of("ESOCKTNOSUPPORT", 44);
    public static final CConstant ENOTSUP = CConstant.of("ENOTSUP", 45);
    public static final CConstant EPFNOSUPPORT = CConstant.of("EPFNOSUPPORT", 46);
    public static final CConstant EAFNOSUPPORT = CConstant.of("EAFNOSUPPORT", 47);
    public static final CConstant EADDRINUSE = CConstant.of("EADDRINUSE", 48);
    public static final CConstant EADDRNOTAVAIL = CConstant.of("EADDRNOTAVAIL", 49);
    public static final CConstant ENETDOWN = CConstant.of("ENETDOWN", 50);
    public static final CConstant ENETUNREACH = CConstant.of("ENETUNREACH", 51);
    public static final CConstant ENETRESET = CConstant.of("ENETRESET", 52);
    public static final CConstant ECONNABORTED = CConstant.of("ECONNABORTED", 53);
    public static final CConstant ECONNRESET = CConstant.of("ECONNRESET", 54);
    public static final CConstant ENOBUFS = CConstant.of("ENOBUFS", 55);
    public static final CConstant EISCONN = CConstant.of("EISCONN", 56);
    public static final CConstant ENOTCONN = CConstant.of("ENOTCONN", 57);
    public static final CConstant ESHUTDOWN = CConstant.of("ESHUTDOWN", 58);
    public static final CConstant ETOOMANYREFS = CConstant.of("ETOOMANYREFS", 59);
    public static final CConstant ETIMEDOUT = CConstant.of("ETIMEDOUT", 60);
    public static final CConstant ECONNREFUSED = CConstant.of("ECONNREFUSED", 61);
    public static final CConstant ELOOP = CConstant.of("ELOOP", 62);
    public static final CConstant ENAMETOOLONG = CConstant.of("ENAMETOOLONG", 63);
    public static final CConstant EHOSTDOWN = CConstant.of("EHOSTDOWN", 64);
    public static final CConstant EHOSTUNREACH = CConstant.of("EHOSTUNREACH", 65);
    public static final CConstant ENOTEMPTY = CConstant.of("ENOTEMPTY", 66);
    public static final CConstant EPROCLIM = CConstant.of("EPROCLIM", 67);
    public static final CConstant EUSERS = CConstant.of("EUSERS", 68);
    public static final CConstant EDQUOT = CConstant.of("EDQUOT", 69);
    public static final CConstant ESTALE = CConstant.of("ESTALE", 70);
    public static final CConstant EREMOTE = CConstant.of("EREMOTE", 71);
    public static final CConstant EBADRPC = CConstant.of("EBADRPC", 72);
    public static final CConstant ERPCMISMATCH = CConstant.of("ERPCMISMATCH", 73);
    public static final CConstant EPROGUNAVAIL = CConstant.of("EPROGUNAVAIL", 74);
    public static final CConstant EPROGMISMATCH = CConstant.of("EPROGMISMATCH", 75);
    public static final CConstant EPROCUNAVAIL = CConstant.of("EPROCUNAVAIL", 76);
    public static final CConstant ENOLCK = CConstant.of("ENOLCK", 77);
    public static final CConstant ENOSYS = CConstant.of("ENOSYS", 78);
    public static final CConstant EFTYPE = CConstant.of("EFTYPE", 79);
    public static final CConstant EAUTH = CConstant.of("EAUTH", 80);
    public static final CConstant ENEEDAUTH = CConstant.of("ENEEDAUTH", 81);
    public static final CConstant EPWROFF = CConstant.of("EPWROFF", 82);
    public static final CConstant EDEVERR = CConstant.of("EDEVERR", 83);
    public static final CConstant EOVERFLOW = CConstant.of("EOVERFLOW", 84);
    public static final CConstant EBADEXEC = CConstant.of("EBADEXEC", 85);
    public static final CConstant EBADARCH = CConstant.of("EBADARCH", 86);
    public static final CConstant ESHLIBVERS = CConstant.of("ESHLIBVERS", 87);
    public static final CConstant EBADMACHO = CConstant.of("EBADMACHO", 88);
    public static final CConstant ECANCELED = CConstant.of("ECANCELED", 89);
    public static final CConstant EIDRM = CConstant.of("EIDRM", 90);
    public static final CConstant ENOMSG = CConstant.of("ENOMSG", 91);
    public static final CConstant EILSEQ = CConstant.of("EILSEQ", 92);
    public static final CConstant ENOATTR = CConstant.of("ENOATTR", 93);
    public static final CConstant EBADMSG = CConstant.of("EBADMSG", 94);
    public static final CConstant EMULTIHOP = CConstant.of("EMULTIHOP", 95);
    public static final CConstant ENODATA = CConstant.of("ENODATA", 96);
    public static final CConstant ENOLINK = CConstant.of("ENOLINK", 97);
    public static final CConstant ENOSR = CConstant.of("ENOSR", 98);
    public static final CConstant ENOSTR = CConstant.of("ENOSTR", 99);
    public static final CConstant EPROTO = CConstant.of("EPROTO", 100);
    public static final CConstant ETIME = CConstant.of("ETIME", 101);
    public static final CConstant EOPNOTSUPP = CConstant.of("EOPNOTSUPP", 102);
    public static final CConstant ENOPOLICY = CConstant.of("ENOPOLICY", 103);
    public static final CConstant ENOTRECOVERABLE = CConstant.of("ENOTRECOVERABLE", 104);
    public static final CConstant EOWNERDEAD = CConstant.of("EOWNERDEAD", 105);
    public static final CConstant EQFULL = CConstant.of("EQFULL", 106);
    /** The same value as EAGAIN; declared so a binding may use the other name. */
    public static final CConstant EWOULDBLOCK = CConstant.of("EWOULDBLOCK", 35);

    /** What a code means to the portable error model; every other code is {@link ErrorKind#OTHER}. */
    private static final Map<CConstant, ErrorKind> KINDS = Map.ofEntries(
            Map.entry(EPERM, ErrorKind.ACCESS_DENIED), Map.entry(EACCES, ErrorKind.ACCESS_DENIED),
            Map.entry(ENOENT, ErrorKind.NOT_FOUND), Map.entry(ESRCH, ErrorKind.NOT_FOUND),
            Map.entry(EIDRM, ErrorKind.NOT_FOUND),
            Map.entry(EEXIST, ErrorKind.EXISTS),
            Map.entry(E2BIG, ErrorKind.LIMIT), Map.entry(ENOMEM, ErrorKind.LIMIT), Map.entry(ENFILE, ErrorKind.LIMIT),
            Map.entry(EMFILE, ErrorKind.LIMIT), Map.entry(EFBIG, ErrorKind.LIMIT), Map.entry(ENOSPC, ErrorKind.LIMIT),
            Map.entry(ERANGE, ErrorKind.LIMIT), Map.entry(ENAMETOOLONG, ErrorKind.LIMIT),
            Map.entry(EOVERFLOW, ErrorKind.LIMIT), Map.entry(EMSGSIZE, ErrorKind.LIMIT),
            Map.entry(ENOBUFS, ErrorKind.LIMIT),
            // pipes and sockets: no reader / no server is "not found", a vanished peer is its own kind
            Map.entry(ENXIO, ErrorKind.NOT_FOUND), Map.entry(ECONNREFUSED, ErrorKind.NOT_FOUND),
            Map.entry(EPIPE, ErrorKind.PEER_CLOSED), Map.entry(ECONNRESET, ErrorKind.PEER_CLOSED),
            Map.entry(ECONNABORTED, ErrorKind.PEER_CLOSED), Map.entry(ENOTCONN, ErrorKind.PEER_CLOSED),
            Map.entry(EADDRINUSE, ErrorKind.EXISTS));

    /** Names and kinds by value: {@code CODES.symbol(35)} is EAGAIN, {@code CODES.kind(2)} NOT_FOUND. */
    public static final CodeTable CODES = CodeTable.of(Errno.class, KINDS);
}
