package io.ffmipc.posix;

import io.ffmipc.ffi.NativeBinder;
import io.ffmipc.spi.Attempt;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * Unix-domain socket set-up shared by the message-pipe server and client: every socket is
 * non-blocking and close-on-exec, and a send to a vanished peer is an error, never SIGPIPE. Where
 * the OS has them this takes one call ({@code SOCK_NONBLOCK | SOCK_CLOEXEC}, {@code accept4},
 * {@code MSG_NOSIGNAL}); elsewhere (macOS) the portable way: {@code fcntl} for both flags after
 * {@code socket}/{@code accept}, and the {@code SO_NOSIGPIPE} option.
 */
final class UnixSockets {
    private final SocketAbi abi;
    private final PosixLibrary lib;
    private final PosixDescriptors descriptors;
    private final int type;
    /** SOCK_NONBLOCK | SOCK_CLOEXEC, or 0 where socket() takes no such flags. */
    private final int typeFlags;
    private final boolean accept4;
    private final int fSetfd;
    private final int fdCloexec;
    private final int fGetfl;
    private final int fSetfl;
    private final int oNonblock;

    /** @param type {@code SOCK_SEQPACKET} or {@code SOCK_STREAM} */
    UnixSockets(SocketAbi abi, int type) {
        this.abi = abi;
        this.lib = abi.lib;
        this.descriptors = new PosixDescriptors(lib);
        this.type = type;
        this.typeFlags = lib.hasConstant("SOCK_NONBLOCK") && lib.hasConstant("SOCK_CLOEXEC")
                ? lib.constant("SOCK_NONBLOCK") | lib.constant("SOCK_CLOEXEC") : 0;
        this.accept4 = typeFlags != 0 && lib.has("accept4");
        this.fSetfd = lib.constant("F_SETFD");
        this.fdCloexec = lib.constant("FD_CLOEXEC");
        this.fGetfl = lib.constant("F_GETFL");
        this.fSetfl = lib.constant("F_SETFL");
        this.oNonblock = lib.constant("O_NONBLOCK");
    }

    /** A new socket of this kind, non-blocking and close-on-exec. */
    int open(String label) {
        MemorySegment st = NativeBinder.callState();
        int fd = lib.socket(st, abi.afUnix, type | typeFlags, 0);
        if (fd < 0) {
            throw lib.error("socket", label, lib.errno(st), null);
        }
        return setUp(fd, typeFlags == 0, label);
    }

    /**
     * Takes one connection off a listening socket: its descriptor, set up like {@link #open}, or
     * {@link Attempt#WOULD_BLOCK} if none is waiting, {@link Attempt#INTERRUPTED} if a signal or a
     * client that gave up ended the call.
     */
    int accept(int listener, String label) {
        MemorySegment st = NativeBinder.callState();
        int fd = accept4 ? lib.accept4(st, listener, MemorySegment.NULL, MemorySegment.NULL, typeFlags)
                : lib.accept(st, listener, MemorySegment.NULL, MemorySegment.NULL);
        if (fd >= 0) {
            return setUp(fd, !accept4, label);
        }
        int err = lib.errno(st);
        if (err == abi.eagain) {
            return Attempt.WOULD_BLOCK;
        }
        if (err == abi.eintr || err == abi.econnaborted) {
            return Attempt.INTERRUPTED;
        }
        throw lib.error(accept4 ? "accept4" : "accept", label, err, null);
    }

    /** Makes a new socket close-on-exec and non-blocking where the call that made it could not, and never SIGPIPE. */
    private int setUp(int fd, boolean needFlags, String label) {
        try {
            if (needFlags) {
                closeOnExec(fd, label);
                MemorySegment st = NativeBinder.callState();
                int flags = lib.fcntl(st, fd, fGetfl, 0);
                if (flags < 0 || lib.fcntl(st, fd, fSetfl, flags | oNonblock) < 0) {
                    throw lib.error("fcntl", label, lib.errno(st), "making the socket non-blocking");
                }
            }
            if (abi.soNosigpipe != 0) {
                setIntOption(fd, abi.soNosigpipe, 1, "SO_NOSIGPIPE", label);
            }
            return fd;
        } catch (RuntimeException e) {
            descriptors.closeQuietly(fd);
            throw e;
        }
    }

    /**
     * Sets close-on-exec on a descriptor that arrived without it (one received where the OS has no
     * {@code MSG_CMSG_CLOEXEC}). Until this call a child spawned by another thread could inherit it.
     */
    void closeOnExec(int fd, String label) {
        MemorySegment st = NativeBinder.callState();
        if (lib.fcntl(st, fd, fSetfd, fdCloexec) < 0) {
            throw lib.error("fcntl", label, lib.errno(st), "setting FD_CLOEXEC on descriptor " + fd);
        }
    }

    /** SO_SNDBUF as the kernel reports it (on Linux twice the value set, its bookkeeping included). */
    int sendBufferSize(int fd, String label) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment value = a.allocate(JAVA_INT);
            MemorySegment len = a.allocateFrom(JAVA_INT, 4);
            MemorySegment st = NativeBinder.callState();
            if (lib.getsockopt(st, fd, abi.solSocket, abi.soSndbuf, value, len) != 0) {
                throw lib.error("getsockopt SO_SNDBUF", label, lib.errno(st), null);
            }
            return value.get(JAVA_INT, 0);
        }
    }

    private void setIntOption(int fd, int option, int value, String optionName, String label) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment v = a.allocateFrom(JAVA_INT, value);
            MemorySegment st = NativeBinder.callState();
            if (lib.setsockopt(st, fd, abi.solSocket, option, v, 4) != 0) {
                throw lib.error("setsockopt " + optionName, label, lib.errno(st), null);
            }
        }
    }
}
