package io.ffmipc.posix;

import io.ffmipc.SystemVKeys;
import io.ffmipc.spi.Durations;
import io.ffmipc.IpcAccessDeniedException;
import io.ffmipc.IpcException;
import io.ffmipc.IpcInterruptedException;
import io.ffmipc.IpcObjectExistsException;
import io.ffmipc.NoSuchIpcObjectException;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.core.OwnerCheck;
import io.ffmipc.ffi.CStruct;
import io.ffmipc.ffi.NativeBinder;
import io.ffmipc.spi.ObjectOwner;
import io.ffmipc.spi.ProcessSeam;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Gives a System V object (keyed by a number) a portable name: a small <em>anchor file</em> holds
 * the key, chosen at random when the object is created. Random keys created with
 * {@code IPC_EXCL} (a taken key is simply drawn again) never collide, unlike keys hashed from
 * names ({@code ftok}); and the file's own permissions and lifetime follow the object's. Where the
 * file lives is the OS's choice ({@link PosixLibrary#anchorFile}).
 *
 * <h2>Trust</h2>
 * The anchor sits in a directory every user may write to, so another user may have put something
 * under its name first. The file is opened without following a symbolic link ({@code O_NOFOLLOW})
 * and without blocking on a FIFO ({@code O_NONBLOCK}), and everything is decided on the opened
 * descriptor ({@code fstat}, record locks, {@code pread}/{@code pwrite}/{@code ftruncate}), never
 * on the path again. A link, anything but a regular file, a file with a second name (a hard link
 * to another anchor) and a file of another user (unless the caller accepted another owner,
 * {@link Permissions#acceptingForeignOwner()}) are refused with {@link IpcAccessDeniedException}
 * naming the file, its owner and mode — before anything is read, written or removed. Otherwise a
 * planted link would make this process write anchor text into, or remove the System V object
 * named in, a file the planter chose; and a planted file could be emptied under a holder, so that
 * the next opener makes a second set for the same name. The object an anchor names must have the
 * anchor's owner ({@link Probe#OTHER_OWNER} otherwise): both are made by one process.
 *
 * <h2>Protocol</h2>
 * Every open, create and remove runs while holding an exclusive record lock on the anchor file
 * ({@code fcntl(F_SETLK)}, which the kernel drops when the holder dies) — and, in this JVM, a
 * process-wide lock, since record locks belong to the process and closing <em>any</em> descriptor
 * of a file drops all of the process's locks on it. Under it:
 * <ul>
 *   <li>the file holds {@code ffmipc-anchor 1 <kind> key=0x<8 hex digits>}, is empty (just
 *       created), or holds the tombstone {@code ffmipc-anchor 1 <kind> removed};</li>
 *   <li>a key whose object is {@link Probe#READY} is used (CREATE fails: it exists);</li>
 *   <li>empty, a key whose object is {@link Probe#MISSING} (removed behind our back, e.g. by
 *       {@code ipcrm}) or {@link Probe#UNINITIALISED} (its creator died half-way — under the lock
 *       nobody else can be initialising it) counts as no object: OPEN fails, the creating modes
 *       remove the remains and create anew;</li>
 *   <li>creating writes the new key into the file <em>before</em> creating the object, so a
 *       creator that dies at any point leaves a file that names its remains, never an object
 *       nobody can find;</li>
 *   <li>removing removes the object, writes the tombstone, then unlinks the file; anyone who
 *       opened the old file before the unlink and gets its lock afterwards reads the tombstone and
 *       starts again from the path. A remover that dies between the tombstone and the unlink
 *       leaves a tombstone at the path; the next opener deletes it after about 100 ms of
 *       finding it there (see {@link #clearDeadTombstone}).</li>
 * </ul>
 * A {@link Probe#FOREIGN} or {@link Probe#OTHER_OWNER} object (the key names something of another
 * shape or owner — someone reused a key after {@code ipcrm}) is never touched: it is reported as
 * an error.
 *
 * <p>The lock is held only for those few steps, so waiting for it is bounded: after
 * {@link #LOCK_TIMEOUT} (a process stopped with SIGSTOP while holding it, say) the call fails
 * with an {@link IpcException} naming the anchor instead of hanging.
 *
 * <p>The anchor file's permissions are set exactly (the umask does not narrow them); the object
 * gets the same permissions from its creator.
 */
public final class KeyAnchor {
    /** Serialises anchor work in this JVM: POSIX record locks do not exclude threads of one process. */
    private static final ReentrantLock JVM_LOCK = new ReentrantLock();
    private static final String MAGIC = "ffmipc-anchor 1 ";
    private static final int MAX_ROUNDS = 1000;
    private static final int MAX_KEY_DRAWS = 64;
    private static final int TOMBSTONE_ROUNDS = 100;
    /** An anchor is one short line; a larger file is not one. */
    private static final int MAX_TEXT = 256;
    /** The longest an open, create or remove waits for another process's lock on the anchor file. */
    public static final Duration LOCK_TIMEOUT = Duration.ofSeconds(10);

    /** What a key's object is, as {@link KeyedObjects#probe} finds it. */
    public enum Probe {
        /** Exists and is initialised. */
        READY,
        /** No object has this key. */
        MISSING,
        /** Exists, the right shape, but its creator never finished initialising it. */
        UNINITIALISED,
        /** Something of another shape has this key. */
        FOREIGN,
        /** Something of the right shape but of another owner than the anchor has this key: not the anchor's. */
        OTHER_OWNER
    }

    /** The OS side: the System V objects the anchors name. */
    public interface KeyedObjects {
        /** Creates and initialises an object with {@code key}, exclusively; false if the key is taken. */
        boolean create(int key, Permissions permissions);

        /**
         * What has {@code key} now.
         *
         * @param anchorOwner the uid that owns the anchor file: an object of another owner is
         *                    {@link Probe#OTHER_OWNER}
         */
        Probe probe(int key, long anchorOwner);

        /** Removes the object with {@code key}; false if there was none. */
        boolean remove(int key);
    }

    /** An anchor file opened for this call, with what {@code fstat} said when it was checked. */
    private record Opened(int fd, FileStatus status) {
    }

    private final PosixLibrary lib;
    private final ProcessSeam processes;
    private final String file;
    private final String kind;
    private final String name;
    private final KeyedObjects objects;
    private final Duration lockTimeout;
    private final int oRdwr;
    private final int oCreat;
    private final int oExcl;
    /** Never follow a link, never block on a FIFO, never leak the descriptor into a spawned child. */
    private final int oSafe;
    private final int sIfreg;
    private final int fSetlk;
    private final int fWrlck;
    private final int seekSet;
    private final int eexist;
    private final int enoent;
    private final int eloop;
    private final int eintr;
    private final int eagain;
    private final int eacces;
    private final CStruct flock;

    /**
     * @param file    the anchor file ({@link PosixLibrary#anchorFile})
     * @param kind    what the anchor names, one word ({@code mutex}), written into the file
     * @param name    the object's portable name, for messages
     */
    public KeyAnchor(PosixLibrary lib, ProcessSeam processes, String file, String kind, String name,
                     KeyedObjects objects) {
        this(lib, processes, file, kind, name, objects, LOCK_TIMEOUT);
    }

    /** As above, waiting at most {@code lockTimeout} for the anchor file's lock. */
    public KeyAnchor(PosixLibrary lib, ProcessSeam processes, String file, String kind, String name,
                     KeyedObjects objects, Duration lockTimeout) {
        this.lib = lib;
        this.processes = processes;
        this.file = file;
        this.kind = kind;
        this.name = name;
        this.objects = objects;
        this.lockTimeout = lockTimeout;
        this.oRdwr = lib.constant("O_RDWR");
        this.oCreat = lib.constant("O_CREAT");
        this.oExcl = lib.constant("O_EXCL");
        this.oSafe = safeOpenFlags(lib);
        this.sIfreg = lib.constant("S_IFREG");
        this.fSetlk = lib.constant("F_SETLK");
        this.fWrlck = lib.constant("F_WRLCK");
        this.seekSet = lib.constant("SEEK_SET");
        this.eexist = lib.constant("EEXIST");
        this.enoent = lib.constant("ENOENT");
        this.eloop = lib.constant("ELOOP");
        this.eintr = lib.constant("EINTR");
        this.eagain = lib.constant("EAGAIN");
        this.eacces = lib.constant("EACCES");
        this.flock = lib.struct("struct flock");
    }

    private static int safeOpenFlags(PosixLibrary lib) {
        return lib.constant("O_NOFOLLOW") | lib.constant("O_NONBLOCK") | lib.constant("O_CLOEXEC");
    }

    /** The anchor file this object works on. */
    public String file() {
        return file;
    }

    /** Opens, creates or repairs per {@code mode}; returns the object's key. */
    public int open(OpenMode mode, Permissions permissions) {
        String operation = "open " + kind;
        JVM_LOCK.lock();
        try {
            for (int round = 0; round < MAX_ROUNDS; round++) {
                Opened anchor = openFile(mode, permissions, operation);
                if (anchor == null) {
                    continue; // removed between our attempts: start again
                }
                try {
                    lock(anchor.fd, operation);
                    String text = read(anchor.fd);
                    if (!text.equals(tombstone())) {
                        return openLocked(anchor, text, mode, permissions);
                    }
                } finally {
                    close(anchor.fd); // drops the record lock too
                }
                clearDeadTombstone(round, operation); // removed while we waited for the lock: start again from the path
            }
            throw new IpcException(operation, name, null, "the anchor " + file
                    + " kept being removed by other processes; gave up after " + MAX_ROUNDS + " attempts");
        } finally {
            JVM_LOCK.unlock();
        }
    }

    /** The decisions of {@link #open}, under the anchor's lock, on text that is no tombstone. */
    private int openLocked(Opened anchor, String text, OpenMode mode, Permissions permissions) {
        OptionalInt key = parse(text);
        long owner = anchor.status.uid();
        Probe probe = key.isPresent() ? objects.probe(key.getAsInt(), owner) : Probe.MISSING;
        switch (probe) {
            case READY -> {
                if (mode == OpenMode.CREATE) {
                    throw new IpcObjectExistsException("create " + kind, name, null,
                            "a " + kind + " with this name exists (OpenMode.CREATE is exclusive)");
                }
                return key.getAsInt();
            }
            case FOREIGN -> throw new IpcException("open " + kind, name, null, "the anchor " + file
                    + " names System V key 0x" + Integer.toHexString(key.getAsInt())
                    + ", which belongs to an object that is not a " + kind + "; remove the anchor file");
            case OTHER_OWNER -> throw new IpcAccessDeniedException("open " + kind, name, null, "the anchor " + file
                    + " (owner " + describe(owner) + ") names System V key 0x" + Integer.toHexString(key.getAsInt())
                    + ", whose object belongs to another user: it is not this " + kind
                    + "'s (the key was taken by someone else after its object was removed); nothing was changed;"
                    + " remove the anchor file");
            case MISSING, UNINITIALISED -> {
                if (mode == OpenMode.OPEN) {
                    throw new NoSuchIpcObjectException("open " + kind, name, null, text.isEmpty()
                            ? "its anchor " + file + " is empty (being created, or its creator died)"
                            : "its anchor " + file + " names key 0x" + Integer.toHexString(key.getAsInt())
                            + ", whose object is " + (probe == Probe.MISSING ? "gone" : "not initialised")
                            + " (OpenMode.OPEN does not create)");
                }
                requireOwnAnchorToCreate(anchor);
                if (probe == Probe.UNINITIALISED) {
                    objects.remove(key.getAsInt()); // its creator died initialising it
                }
                return create(anchor.fd, permissions);
            }
            default -> throw new IllegalStateException(probe.toString());
        }
    }

    /** Removes the object and the anchor; false if there was no anchor. */
    public boolean remove() {
        String operation = "remove " + kind;
        JVM_LOCK.lock();
        try {
            for (int round = 0; round < MAX_ROUNDS; round++) {
                int fd = openExisting(operation);
                if (fd < 0) {
                    return false;
                }
                Opened anchor = checked(fd, operation);
                try {
                    OwnerCheck.require(processes, ObjectOwner.posix(anchor.status.uid()), Permissions.OWNER_ONLY,
                            operation, described(anchor.status), name, "removing it would remove another user's " + kind
                                    + " (or whatever object its anchor names); nothing was changed — its owner can remove it");
                    lock(fd, operation);
                    String text = read(fd);
                    if (!text.equals(tombstone())) {
                        OptionalInt key = parse(text);
                        if (key.isPresent()) {
                            Probe probe = objects.probe(key.getAsInt(), anchor.status.uid());
                            if (probe != Probe.FOREIGN && probe != Probe.OTHER_OWNER) {
                                objects.remove(key.getAsInt());
                            }
                        }
                        write(fd, tombstone());
                        unlink(operation);
                        return true;
                    }
                } finally {
                    close(fd);
                }
                clearDeadTombstone(round, operation); // someone else removed it; the path may hold a new anchor by now
            }
            throw new IpcException(operation, name, null, "the anchor " + file
                    + " kept being replaced by other processes; gave up after " + MAX_ROUNDS + " attempts");
        } finally {
            JVM_LOCK.unlock();
        }
    }

    /**
     * A remover holds the lock from writing the tombstone until the file is unlinked, so a
     * tombstone seen under the lock is normally an old, already unlinked file: retrying from the
     * path finds the new one. If the path keeps showing a tombstone, its remover died between the
     * two steps; after {@value #TOMBSTONE_ROUNDS} rounds (about as many milliseconds) the dead file
     * is deleted. Called with no anchor descriptor open, so it drops no lock of ours.
     */
    private void clearDeadTombstone(int round, String operation) {
        if (round < TOMBSTONE_ROUNDS) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IpcInterruptedException(operation, name);
            }
            return;
        }
        int fd = openExisting(operation);
        if (fd < 0) {
            return; // already cleared
        }
        try {
            checked(fd, operation);
            if (read(fd).equals(tombstone())) {
                unlink(operation);
            }
        } finally {
            close(fd);
        }
    }

    /**
     * The key an anchor file names, without the file lock (for listings); empty if none, unreadable,
     * or not a regular file (a link is not followed). It still takes this JVM's anchor lock: closing
     * any descriptor of a file drops every POSIX record lock the process holds on it, so a read must
     * never overlap an open.
     */
    public static OptionalInt readKey(PosixLibrary lib, String file) {
        JVM_LOCK.lock();
        try {
            MemorySegment st = NativeBinder.callState();
            int fd;
            try (Arena arena = Arena.ofConfined()) {
                fd = lib.open(st, arena.allocateFrom(file), lib.constant("O_RDONLY") | safeOpenFlags(lib), 0);
            }
            if (fd < 0) {
                return OptionalInt.empty();
            }
            try {
                FileStatus status = FileStatus.of(lib, fd, file);
                if (status.type() != lib.constant("S_IFREG") || status.size() > MAX_TEXT) {
                    return OptionalInt.empty();
                }
                return parse(readText(lib, fd, status.size(), file));
            } finally {
                lib.close(st, fd);
            }
        } catch (RuntimeException e) {
            return OptionalInt.empty();
        } finally {
            JVM_LOCK.unlock();
        }
    }

    /** Draws keys until one is free; the key is in the file before the object exists. */
    private int create(int fd, Permissions permissions) {
        for (int draw = 0; draw < MAX_KEY_DRAWS; draw++) {
            int key = ThreadLocalRandom.current().nextInt();
            if (!SystemVKeys.isShareable(key)) {
                continue; // IPC_PRIVATE or -1
            }
            write(fd, MAGIC + kind + " key=" + String.format("0x%08x", key) + "\n");
            if (objects.create(key, permissions)) {
                return key;
            }
        }
        throw new IpcException("create " + kind, name, null, MAX_KEY_DRAWS
                + " random System V keys in a row were taken; the key space is unexpectedly full");
    }

    /**
     * A new object under an anchor of another user (accepted with
     * {@link Permissions#acceptingForeignOwner()}) would belong to this process's user, not to the
     * anchor's owner, and so would never be taken for the anchor's: only the anchor's owner makes it.
     */
    private void requireOwnAnchorToCreate(Opened anchor) {
        ObjectOwner owner = ObjectOwner.posix(anchor.status.uid());
        if (!owner.sameUser(processes.currentUser())) {
            throw new IpcAccessDeniedException("create " + kind, name, null, "its anchor " + file + " belongs to "
                    + processes.describe(owner) + " and names no live " + kind + "; only its owner can make one anew"
                    + " (one made here would belong to " + processes.describe(processes.currentUser()) + ")");
        }
    }

    /**
     * The anchor, opened read-write and checked; null if it vanished between a failed exclusive
     * create and the open (the caller starts again).
     */
    private Opened openFile(OpenMode mode, Permissions permissions, String operation) {
        if (mode == OpenMode.OPEN) {
            int fd = openExisting(operation);
            if (fd < 0) {
                throw new NoSuchIpcObjectException(operation, name, null,
                        "no " + kind + " with this name (no anchor " + file + "; OpenMode.OPEN does not create)");
            }
            return ownedOrAccepted(checked(fd, operation), permissions, operation);
        }
        MemorySegment st = NativeBinder.callState();
        int fd;
        try (Arena arena = Arena.ofConfined()) {
            // O_EXCL never follows a link either: a link under the name is EEXIST, and the open below refuses it.
            fd = lib.open(st, arena.allocateFrom(file), oRdwr | oCreat | oExcl | oSafe, permissions.mode());
        }
        if (fd >= 0) {
            if (lib.fchmod(st, fd, permissions.mode()) != 0) { // exact, whatever the umask
                int errno = lib.errno(st);
                close(fd);
                unlink(operation);
                throw lib.error("fchmod", name, errno, "setting mode " + permissions + " on its anchor " + file);
            }
            return checked(fd, operation);
        }
        int errno = lib.errno(st);
        if (errno != eexist) {
            throw openFailure(operation, errno);
        }
        fd = openExisting(operation);
        return fd < 0 ? null : ownedOrAccepted(checked(fd, operation), permissions, operation);
    }

    /** Opens the existing anchor read-write; -1 if there is none. */
    private int openExisting(String operation) {
        MemorySegment st = NativeBinder.callState();
        int fd;
        try (Arena arena = Arena.ofConfined()) {
            fd = lib.open(st, arena.allocateFrom(file), oRdwr | oSafe, 0);
        }
        if (fd >= 0) {
            return fd;
        }
        int errno = lib.errno(st);
        if (errno == enoent) {
            return -1;
        }
        throw openFailure(operation, errno);
    }

    private IpcException openFailure(String operation, int errno) {
        if (errno == eloop) {
            return linkRefused(operation, errno);
        }
        if (errno == eacces) {
            return new IpcAccessDeniedException(operation, name, lib.osError(errno), "cannot open its anchor " + file
                    + " for reading and writing (a " + kind + " needs both)");
        }
        return lib.error("open", name, errno, "its anchor " + file);
    }

    /**
     * Checks what {@code fd} is, on the descriptor: a regular file with one name. Anything else is
     * refused (and {@code fd} closed) before a byte is read or written.
     */
    private Opened checked(int fd, String operation) {
        FileStatus status;
        try {
            status = FileStatus.of(lib, fd, name);
        } catch (RuntimeException e) {
            close(fd);
            throw e;
        }
        String refusal = status.type() != sIfreg
                ? "is not a regular file (file type 0" + Integer.toOctalString(status.type()) + ")"
                : status.links() != 1
                ? "has " + status.links() + " names (hard links) where an anchor has one: another name may be another"
                + " anchor, and writing or removing through this one would change that one"
                : null;
        if (refusal != null) {
            close(fd);
            throw new IpcAccessDeniedException(operation, name, null, "its anchor " + file + " " + refusal + "; owner "
                    + describe(status.uid()) + ", mode " + status.modeText() + " — another user may have put it there;"
                    + " nothing was changed; remove it if nothing uses it");
        }
        return new Opened(fd, status);
    }

    /** The owner check of issue 8 §2 on an anchor this call did not create; closes it when refused. */
    private Opened ownedOrAccepted(Opened anchor, Permissions permissions, String operation) {
        try {
            OwnerCheck.require(processes, ObjectOwner.posix(anchor.status.uid()), permissions, operation,
                    described(anchor.status), name);
        } catch (RuntimeException e) {
            close(anchor.fd);
            throw e;
        }
        return anchor;
    }

    /** How the owner check names the anchor: {@code mutex's anchor /dev/shm/.mutex.x (mode 0666)}. */
    private String described(FileStatus status) {
        return kind + "'s anchor " + file + " (mode " + status.modeText() + ")";
    }

    /**
     * A link where the anchor should be: say what it is, where it points and whose it is, for the
     * error (the path is read only for these words; nothing is opened through it).
     */
    private IpcAccessDeniedException linkRefused(String operation, int errno) {
        Path path = Path.of(file);
        String target;
        try {
            target = Files.readSymbolicLink(path).toString();
        } catch (Exception e) {
            target = null;
        }
        String owner;
        try {
            owner = describe(((Number) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue());
        } catch (Exception e) {
            owner = null;
        }
        boolean dangling = target != null && !Files.exists(path);
        return new IpcAccessDeniedException(operation, name, lib.osError(errno), "its anchor " + file
                + " is a symbolic link" + (target == null ? "" : " to " + target)
                + (dangling ? ", which points at nothing (a dangling link)" : "")
                + (owner == null ? "" : ", owned by " + owner)
                + ": an anchor is a regular file this library creates, never a link — another user may have planted it"
                + " to make this process write to or remove what it points at; nothing was changed; remove the link"
                + " if nothing uses it");
    }

    private String describe(long uid) {
        return processes.describe(ObjectOwner.posix(uid));
    }

    /**
     * The anchor's exclusive record lock, waiting at most {@link #lockTimeout}: polled with
     * {@code F_SETLK} (1 ms apart) because a blocking {@code F_SETLKW} could wait forever on a stopped
     * holder and cannot be interrupted from Java.
     */
    private void lock(int fd, String operation) {
        long deadline = System.nanoTime() + lockTimeout.toNanos();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment request = arena.allocate(flock.layout());
            PosixStructs.set(request, flock, "l_type", fWrlck);
            PosixStructs.set(request, flock, "l_whence", seekSet); // l_start 0, l_len 0: the whole file
            MemorySegment st = NativeBinder.callState();
            while (lib.fcntl(st, fd, fSetlk, request) != 0) {
                int errno = lib.errno(st);
                if (errno == eintr) {
                    continue;
                }
                if (errno != eagain && errno != eacces) { // POSIX allows either for "held by another process"
                    throw lib.error("fcntl(F_SETLK)", name, errno, "locking its anchor " + file);
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw new IpcException(operation, name, null, "another process has held the lock on the anchor "
                            + file + " for more than " + Durations.format(lockTimeout) + " (is it stopped, e.g. by SIGSTOP or a debugger,"
                            + " while opening or removing the " + kind + "?)");
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IpcInterruptedException(operation, name);
                }
            }
        }
    }

    private String tombstone() {
        return MAGIC + kind + " removed\n";
    }

    private static OptionalInt parse(String text) {
        if (text.isEmpty()) {
            return OptionalInt.empty();
        }
        int at = text.indexOf(" key=0x");
        if (!text.startsWith(MAGIC) || at < 0 || !text.endsWith("\n")) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseUnsignedInt(text.substring(at + 7, text.length() - 1), 16));
    }

    /** The anchor's text, read through the descriptor; anything that is no anchor of this kind is an error. */
    private String read(int fd) {
        long size = FileStatus.of(lib, fd, name).size();
        if (size > MAX_TEXT) {
            throw notAnAnchor(size + " bytes");
        }
        String text = readText(lib, fd, size, name);
        if (!text.isEmpty() && !text.equals(tombstone()) && parse(text).isEmpty()) {
            throw notAnAnchor("'" + text.strip() + "'");
        }
        if (!text.isEmpty() && !text.startsWith(MAGIC + kind + " ")) {
            throw notAnAnchor("'" + text.strip() + "'");
        }
        return text;
    }

    /** Up to {@code size} bytes from offset 0 ({@code pread}, so no file offset is shared or moved). */
    private static String readText(PosixLibrary lib, int fd, long size, String label) {
        int eintr = lib.constant("EINTR");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(Math.max(1, size));
            MemorySegment st = NativeBinder.callState();
            long done = 0;
            while (done < size) {
                long n = lib.pread(st, fd, buf.asSlice(done), size - done, done);
                if (n < 0) {
                    int errno = lib.errno(st);
                    if (errno == eintr) {
                        continue;
                    }
                    throw lib.error("pread", label, errno, "reading an anchor");
                }
                if (n == 0) {
                    break; // shorter than fstat said: truncated meanwhile
                }
                done += n;
            }
            return new String(buf.asSlice(0, done).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.US_ASCII);
        }
    }

    /** Replaces the anchor's text, through the descriptor. */
    private void write(int fd, String text) {
        MemorySegment st = NativeBinder.callState();
        if (lib.ftruncate(st, fd, 0) != 0) {
            throw lib.error("ftruncate", name, lib.errno(st), "emptying its anchor " + file);
        }
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(bytes.length);
            MemorySegment.copy(bytes, 0, buf, ValueLayout.JAVA_BYTE, 0, bytes.length);
            long done = 0;
            while (done < bytes.length) {
                long n = lib.pwrite(st, fd, buf.asSlice(done), bytes.length - done, done);
                if (n < 0) {
                    int errno = lib.errno(st);
                    if (errno == eintr) {
                        continue;
                    }
                    throw lib.error("pwrite", name, errno, "writing its anchor " + file);
                }
                done += n;
            }
        }
    }

    /** Unlinks the anchor's path; gone already is fine (a dead tombstone cleared by two processes at once). */
    private void unlink(String operation) {
        MemorySegment st = NativeBinder.callState();
        try (Arena arena = Arena.ofConfined()) {
            if (lib.unlink(st, arena.allocateFrom(file)) != 0) {
                int errno = lib.errno(st);
                if (errno != enoent) {
                    throw lib.error("unlink", name, errno, operation + ": its anchor " + file);
                }
            }
        }
    }

    private void close(int fd) {
        lib.close(NativeBinder.callState(), fd);
    }

    private IpcException notAnAnchor(String found) {
        return new IpcException("open " + kind, name, null, file + " is not an ffm-ipc " + kind
                + " anchor (it holds " + found + "); remove it if nothing else uses it");
    }

    @Override
    public String toString() {
        return "KeyAnchor[" + file + "]";
    }
}
