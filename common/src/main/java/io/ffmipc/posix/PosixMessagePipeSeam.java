package io.ffmipc.posix;

import io.ffmipc.NoSuchIpcObjectException;
import io.ffmipc.PeerIdentity;
import io.ffmipc.Permissions;
import io.ffmipc.ffi.NativeBinder;
import io.ffmipc.spi.MessagePipeSeam;
import io.ffmipc.spi.NativeMessagePipe;
import io.ffmipc.spi.NativePipeListener;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;

/**
 * Message pipes on Unix-domain sockets, written once for every POSIX OS. Where the OS keeps message
 * boundaries for Unix sockets ({@link Framing#SEQPACKET}: Linux) each frame is one
 * {@code SOCK_SEQPACKET} message ({@link SeqPacketConnection}); where it does not (macOS) frames are
 * length-prefixed on a {@code SOCK_STREAM} socket ({@link FramedStreamConnection}). Peer identity
 * comes from the kernel ({@link PosixLibrary#peerCredentials}); descriptors travel as
 * {@code SCM_RIGHTS}.
 *
 * <p>Portable names are bound in the abstract namespace where the OS has one, otherwise as socket
 * files in a directory. A socket file is created with exact permissions: fchmod on the socket before
 * bind narrows what bind creates (Linux applies the socket inode's mode less the umask; an OS where a
 * socket has no mode of its own refuses with EINVAL and only the second step applies), chmod after
 * bind sets it exactly.
 */
public final class PosixMessagePipeSeam implements MessagePipeSeam {
    /** How connections keep message boundaries. */
    public enum Framing {
        /** {@code SOCK_SEQPACKET}: the kernel keeps them. */
        SEQPACKET,
        /** {@code SOCK_STREAM} with a kind and length before every payload. */
        STREAM
    }

    private static final int BACKLOG = 64;
    final PosixLibrary lib;
    final SocketAbi abi;
    final UnixSockets sockets;
    final PosixPoll poll;
    private final PosixDescriptors descriptors;
    private final Framing framing;
    private final Path nameDirectory;

    /**
     * @param framing       how connections keep message boundaries (SEQPACKET where the OS has it for Unix sockets)
     * @param nameDirectory where servers of portable names make their socket files, on an OS without
     *                      the abstract namespace ({@link PosixLibrary#abstractSockets()})
     */
    public PosixMessagePipeSeam(PosixLibrary lib, Framing framing, Path nameDirectory) {
        this.lib = lib;
        this.abi = new SocketAbi(lib);
        this.framing = framing;
        this.sockets = new UnixSockets(abi, lib.constant(framing == Framing.SEQPACKET ? "SOCK_SEQPACKET" : "SOCK_STREAM"));
        this.poll = new PosixPoll(lib);
        this.descriptors = new PosixDescriptors(lib);
        this.nameDirectory = nameDirectory;
    }

    /** The address of a server under a portable name (validated; {@link io.ffmipc.InvalidNameException} if the OS cannot hold it). */
    public UnixAddress address(String name) {
        return UnixAddress.named(lib, nameDirectory, name);
    }

    @Override
    public NativePipeListener listen(String name, Permissions permissions) {
        return listen(address(name), permissions);
    }

    @Override
    public NativePipeListener listen(Path socketPath, Permissions permissions) {
        return listen(UnixAddress.file(lib, socketPath), permissions);
    }

    @Override
    public NativeMessagePipe tryConnect(String name) {
        return tryConnect(address(name));
    }

    @Override
    public NativeMessagePipe tryConnect(Path socketPath) {
        return tryConnect(UnixAddress.file(lib, socketPath));
    }

    private NativePipeListener listen(UnixAddress address, Permissions permissions) {
        String label = address.label();
        int fd = sockets.open(label);
        boolean bound = false;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = NativeBinder.callState();
            if (address.path() != null && lib.fchmod(st, fd, permissions.mode()) != 0 && lib.errno(st) != abi.einval) {
                throw lib.error("fchmod", label, lib.errno(st), "setting mode " + permissions + " on the socket");
            }
            if (lib.bind(st, fd, address.allocate(lib, a), address.length(lib)) != 0) {
                int err = lib.errno(st);
                throw lib.error("bind", label, err, err != abi.eaddrinuse ? null
                        : address.path() == null ? "another server has this name"
                        : "the socket file exists (if no server uses it any more, remove it)");
            }
            bound = true;
            if (address.path() != null && lib.chmod(st, a.allocateFrom(address.path().toString()), permissions.mode()) != 0) {
                throw lib.error("chmod", label, lib.errno(st), "setting mode " + permissions);
            }
            if (lib.listen(st, fd, BACKLOG) != 0) {
                throw lib.error("listen", label, lib.errno(st), null);
            }
            return new UnixSocketListener(this, fd, address);
        } catch (RuntimeException e) {
            descriptors.closeQuietly(fd);
            if (bound) {
                removeSocketFile(address);
            }
            throw e;
        }
    }

    /**
     * One connect on a fresh socket (a failed connect leaves a socket unusable): the connection, or
     * null while the server's backlog is full (EAGAIN) or a signal interrupted the call;
     * {@link NoSuchIpcObjectException} while nobody listens there (ECONNREFUSED, or ENOENT for a
     * missing socket file).
     */
    private NativeMessagePipe tryConnect(UnixAddress address) {
        String label = address.label();
        int fd = sockets.open(label);
        int err;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = NativeBinder.callState();
            if (lib.connect(st, fd, address.allocate(lib, a), address.length(lib)) == 0) {
                return connection(fd, label);
            }
            err = lib.errno(st);
        }
        descriptors.closeQuietly(fd);
        if (err == abi.econnrefused || err == abi.enoent) {
            throw new NoSuchIpcObjectException("connect", label, lib.osError(err),
                    "no server is listening on '" + label + "'");
        }
        if (err == abi.eagain || err == abi.eintr) {
            return null;
        }
        throw lib.error("connect", label, err, null);
    }

    /** Wraps a connected socket; closes it if it cannot be set up. */
    NativeMessagePipe connection(int fd, String label) {
        try {
            PeerIdentity peer = lib.peerCredentials(fd, label);
            return framing == Framing.SEQPACKET
                    ? new SeqPacketConnection(abi, sockets, poll, fd, label, peer, sockets.sendBufferSize(fd, label))
                    : new FramedStreamConnection(abi, sockets, poll, fd, label, peer);
        } catch (RuntimeException e) {
            descriptors.closeQuietly(fd);
            throw e;
        }
    }

    void removeSocketFile(UnixAddress address) {
        if (address.path() != null) {
            try (Arena a = Arena.ofConfined()) {
                lib.unlink(NativeBinder.callState(), a.allocateFrom(address.path().toString()));
            }
        }
    }
}
