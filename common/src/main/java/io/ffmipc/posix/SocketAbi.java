package io.ffmipc.posix;

import io.ffmipc.ffi.CStruct;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The socket facts of one OS, looked up once by name so connections read plain fields: the
 * {@code msghdr}, {@code iovec} and {@code cmsghdr} fields (their widths differ: {@code msg_iovlen}
 * and {@code cmsg_len} are {@code size_t} in glibc, {@code int}/{@code socklen_t} in musl and on
 * macOS), the ancillary-data sizes, and the flags and error numbers the message pipes use. Flags one
 * OS lacks ({@code MSG_CMSG_CLOEXEC}, {@code SOCK_CLOEXEC} on macOS; {@code SO_NOSIGPIPE} on Linux)
 * are 0 here, and the code that needs them takes the portable way instead.
 */
final class SocketAbi {
    final PosixLibrary lib;
    final long msghdrSize;
    final long iovecSize;
    final long msgIov;
    final long msgControl;
    final StructField msgIovlen;
    final StructField msgControllen;
    final StructField msgFlags;
    final long iovBase;
    final StructField iovLen;
    final StructField cmsgLen;
    final StructField cmsgLevel;
    final StructField cmsgType;
    /** Where {@code CMSG_DATA} starts from the header: {@code CMSG_LEN(0)}. */
    final long cmsgData;
    /** What {@code CMSG_ALIGN} rounds to: {@code CMSG_SPACE(sizeof(int)) - CMSG_LEN(0)} (8 on Linux, 4 on macOS). */
    final long cmsgAlign;

    final int afUnix;
    final int solSocket;
    final int scmRights;
    final int msgPeek;
    final int msgTrunc;
    final int msgCtrunc;
    /** 0 where the OS has no such flag. */
    final int msgNosignal;
    /** 0 where the OS has no such flag: received descriptors are then made close-on-exec with fcntl. */
    final int msgCmsgCloexec;
    /** 0 where the OS has no such option: sends then rely on {@link #msgNosignal}. */
    final int soNosigpipe;
    final int soSndbuf;
    final int eagain;
    final int eintr;
    final int epipe;
    final int econnreset;
    final int econnrefused;
    final int econnaborted;
    final int enoent;
    final int eaddrinuse;
    final int einval;

    SocketAbi(PosixLibrary lib) {
        this.lib = lib;
        CStruct msghdr = lib.struct("struct msghdr");
        CStruct iovec = lib.struct("struct iovec");
        CStruct cmsghdr = lib.struct("struct cmsghdr");
        this.msghdrSize = msghdr.layout().byteSize();
        this.iovecSize = iovec.layout().byteSize();
        this.msgIov = msghdr.offset("msg_iov");
        this.msgControl = msghdr.offset("msg_control");
        this.msgIovlen = StructField.of(msghdr, "msg_iovlen");
        this.msgControllen = StructField.of(msghdr, "msg_controllen");
        this.msgFlags = StructField.of(msghdr, "msg_flags");
        this.iovBase = iovec.offset("iov_base");
        this.iovLen = StructField.of(iovec, "iov_len");
        this.cmsgLen = StructField.of(cmsghdr, "cmsg_len");
        this.cmsgLevel = StructField.of(cmsghdr, "cmsg_level");
        this.cmsgType = StructField.of(cmsghdr, "cmsg_type");
        this.cmsgData = lib.constant("CMSG_LEN(0)");
        this.cmsgAlign = lib.constant("CMSG_SPACE(sizeof(int))") - cmsgData;
        this.afUnix = lib.constant("AF_UNIX");
        this.solSocket = lib.constant("SOL_SOCKET");
        this.scmRights = lib.constant("SCM_RIGHTS");
        this.msgPeek = lib.constant("MSG_PEEK");
        this.msgTrunc = lib.constant("MSG_TRUNC");
        this.msgCtrunc = lib.constant("MSG_CTRUNC");
        this.msgNosignal = optional(lib, "MSG_NOSIGNAL");
        this.msgCmsgCloexec = optional(lib, "MSG_CMSG_CLOEXEC");
        this.soNosigpipe = optional(lib, "SO_NOSIGPIPE");
        this.soSndbuf = lib.constant("SO_SNDBUF");
        this.eagain = lib.constant("EAGAIN");
        this.eintr = lib.constant("EINTR");
        this.epipe = lib.constant("EPIPE");
        this.econnreset = lib.constant("ECONNRESET");
        this.econnrefused = lib.constant("ECONNREFUSED");
        this.econnaborted = lib.constant("ECONNABORTED");
        this.enoent = lib.constant("ENOENT");
        this.eaddrinuse = lib.constant("EADDRINUSE");
        this.einval = lib.constant("EINVAL");
    }

    static int optional(PosixLibrary lib, String macro) {
        return lib.hasConstant(macro) ? lib.constant(macro) : 0;
    }

    /** {@code CMSG_SPACE(n * sizeof(int))}: control-buffer bytes for {@code n} descriptors in one message. */
    long cmsgSpace(int descriptors) {
        return cmsgData + roundUp(4L * descriptors, cmsgAlign);
    }

    /** {@code CMSG_LEN(n * sizeof(int))}. */
    long cmsgLength(int descriptors) {
        return cmsgData + 4L * descriptors;
    }

    static long roundUp(long n, long to) {
        return (n + to - 1) / to * to;
    }

    /** Writes a pointer field as a raw address (so no segment is made for it). */
    static void setPointer(MemorySegment s, long offset, long address) {
        if (ValueLayout.ADDRESS.byteSize() == 8) {
            s.set(ValueLayout.JAVA_LONG_UNALIGNED, offset, address);
        } else {
            s.set(ValueLayout.JAVA_INT_UNALIGNED, offset, (int) address);
        }
    }
}
