package io.ffmipc.windows;

import io.ffmipc.IpcAccessDeniedException;
import io.ffmipc.IpcNames;
import io.ffmipc.IpcObjectExistsException;
import io.ffmipc.IpcPlatform;
import io.ffmipc.NoSuchIpcObjectException;
import io.ffmipc.Permissions;
import io.ffmipc.core.OwnerCheck;
import io.ffmipc.core.PortablePlatform;
import io.ffmipc.ffi.NativeBinder;
import io.ffmipc.spi.IpcErrors;
import io.ffmipc.spi.ObjectOwner;
import io.ffmipc.spi.ProcessSeam;
import io.ffmipc.windows.ffi.Kernel32;
import io.ffmipc.windows.ffi.Kernel32Abi;
import io.ffmipc.windows.ffi.WinError;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Objects;
import java.util.Optional;

/**
 * Windows mailslots, the Windows extension of the platform: one-way messages from any number of
 * writers to one reader, who created the mailslot ({@link Mailslot}). Reach it with
 * {@code Mailslots.of(Ipc.platform())}, empty on other OSes.
 *
 * <p>The rules (Microsoft's "About Mailslots"): only the process that created a mailslot reads from
 * it (or one it handed the handle to); any process that knows the name writes to it; message
 * boundaries are kept; the mailslot and every message in it are gone with the creator's last
 * handle. Messages between machines are at most 424 bytes; this library opens mailslots on this
 * machine only ({@code \\.\mailslot\}), where a message may be as long as the mailslot's maximum,
 * which this library caps at {@value #MAX_MESSAGE_SIZE} bytes (the reader keeps a buffer that
 * large). A mailslot is created with the creator's DACL (owner-only by default), and a writer
 * refuses a mailslot another user created unless told to accept that.
 */
public final class Mailslots {
    /** The largest message a mailslot of this library may take. */
    public static final int MAX_MESSAGE_SIZE = 1024 * 1024;
    private static final int ERROR_ALREADY_EXISTS = WinError.code(WinError.ERROR_ALREADY_EXISTS);
    private final Security security;
    private final ProcessSeam processes;

    Mailslots(Security security, ProcessSeam processes) {
        this.security = security;
        this.processes = processes;
    }

    /** The mailslots of a platform: present on Windows, empty on every other OS. */
    public static Optional<Mailslots> of(IpcPlatform platform) {
        Objects.requireNonNull(platform, "platform");
        return platform instanceof PortablePlatform p ? p.seams().extension(Mailslots.class) : Optional.empty();
    }

    /** Creates the mailslot {@code name} (owner-only), to read its messages of at most {@code maxMessageSize} bytes. */
    public Mailslot create(String name, int maxMessageSize) {
        return create(name, maxMessageSize, Permissions.OWNER_ONLY);
    }

    /**
     * Creates the mailslot {@code name} with {@code permissions} (who may write to it), to read its
     * messages of at most {@code maxMessageSize} bytes (1 to {@value #MAX_MESSAGE_SIZE}).
     *
     * @throws IpcObjectExistsException if a mailslot has the name
     */
    public Mailslot create(String name, int maxMessageSize, Permissions permissions) {
        IpcNames.validate(name);
        Objects.requireNonNull(permissions, "permissions");
        if (maxMessageSize < 1 || maxMessageSize > MAX_MESSAGE_SIZE) {
            throw new IllegalArgumentException("mailslot '" + name + "': the largest message must be 1 to "
                    + MAX_MESSAGE_SIZE + " bytes, got " + maxMessageSize);
        }
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = NativeBinder.callState();
            MemorySegment h = Kernel32.createMailslotW(st, Win32.wide(a, WindowsNames.mailslot(name)), maxMessageSize,
                    0, security.attributes(a, permissions));
            if (Win32.failed(h)) {
                int e = Win32.lastError(st);
                if (e == ERROR_ALREADY_EXISTS) {
                    throw new IpcObjectExistsException("create mailslot", name, WinError.osError(e),
                            "a mailslot with this name exists (its reader is another handle)");
                }
                throw WinError.exception("CreateMailslotW", name, e);
            }
            return new Mailslot(name, h, maxMessageSize);
        }
    }

    /** Opens the mailslot {@code name} to write to it; it must belong to this process's user. */
    public Mailslot.Writer open(String name) {
        return open(name, Permissions.OWNER_ONLY);
    }

    /**
     * Opens the mailslot {@code name} to write to it. A mailslot another user created is refused
     * unless {@code permissions} {@linkplain Permissions#acceptingForeignOwner() accept another owner}.
     *
     * @throws NoSuchIpcObjectException if no mailslot has the name
     * @throws IpcAccessDeniedException if another user created it
     */
    public Mailslot.Writer open(String name, Permissions permissions) {
        IpcNames.validate(name);
        Objects.requireNonNull(permissions, "permissions");
        MemorySegment h;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = NativeBinder.callState();
            h = Kernel32.createFileW(st, Win32.wide(a, WindowsNames.mailslot(name)),
                    Kernel32Abi.GENERIC_WRITE.intValue() | Kernel32Abi.READ_CONTROL.intValue(),
                    Kernel32Abi.FILE_SHARE_READ.intValue() | Kernel32Abi.FILE_SHARE_WRITE.intValue(), MemorySegment.NULL,
                    Kernel32Abi.OPEN_EXISTING.intValue(), Kernel32Abi.FILE_ATTRIBUTE_NORMAL.intValue(), MemorySegment.NULL);
            if (Win32.failed(h)) {
                int e = Win32.lastError(st);
                throw WinError.exception("open mailslot", name, e,
                        WinError.kind(e) == io.ffmipc.spi.ErrorKind.NOT_FOUND ? IpcErrors.missingOnOpen("mailslot") : null);
            }
        }
        try {
            ObjectOwner owner = Security.ownerOf(h, Security.FILE_OBJECT, name);
            OwnerCheck.require(processes, owner, permissions, "open mailslot", "mailslot", name);
            return new Mailslot.Writer(name, h);
        } catch (RuntimeException e) {
            Win32.closeQuietly(h);
            throw e;
        }
    }
}
