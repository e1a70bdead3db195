package io.ffmipc.posix;

import io.ffmipc.SystemVKeys;
import io.ffmipc.spi.Durations;
import io.ffmipc.IpcAccessDeniedException;
import io.ffmipc.IpcException;
import io.ffmipc.IpcObjectExistsException;
import io.ffmipc.NoSuchIpcObjectException;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.OptionalInt;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Gives a System V object (keyed by a number) a portable name: a small <em>anchor file</em> holds
 * the key, chosen at random when the object is created. Random keys created with
 * {@code IPC_EXCL} (a taken key is simply drawn again) never collide, unlike keys hashed from
 * names ({@code ftok}); and the file's own permissions and lifetime follow the object's.
 *
 * <h2>Protocol</h2>
 * Every open, create and remove runs while holding an exclusive lock on the anchor file
 * ({@link FileChannel#lock()}, a POSIX record lock, which the kernel drops when the holder dies)
 * — and, in this JVM, a process-wide lock, since record locks belong to the process. Under it:
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
 * A {@link Probe#FOREIGN} object (the key names something of another shape — someone reused a key
 * after {@code ipcrm}) is never touched: it is reported as an error.
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
        FOREIGN
    }

    /** The OS side: the System V objects the anchors name. */
    public interface KeyedObjects {
        /** Creates and initialises an object with {@code key}, exclusively; false if the key is taken. */
        boolean create(int key, Permissions permissions);

        Probe probe(int key);

        /** Removes the object with {@code key}; false if there was none. */
        boolean remove(int key);
    }

    private final Path file;
    private final String kind;
    private final String name;
    private final KeyedObjects objects;
    private final Duration lockTimeout;

    /**
     * @param file    the anchor file
     * @param kind    what the anchor names, one word ({@code mutex}), written into the file
     * @param name    the object's portable name, for messages
     */
    public KeyAnchor(Path file, String kind, String name, KeyedObjects objects) {
        this(file, kind, name, objects, LOCK_TIMEOUT);
    }

    /** As above, waiting at most {@code lockTimeout} for the anchor file's lock. */
    public KeyAnchor(Path file, String kind, String name, KeyedObjects objects, Duration lockTimeout) {
        this.file = file;
        this.kind = kind;
        this.name = name;
        this.objects = objects;
        this.lockTimeout = lockTimeout;
    }

    /**
     * The anchor file's exclusive lock, waiting at most {@link #lockTimeout}: polled with
     * {@code tryLock} (1 ms apart) because a blocking {@code lock()} could wait forever on a stopped
     * holder and cannot be interrupted without closing the channel.
     */
    private FileLock lock(FileChannel ch, String operation) throws IOException {
        long deadline = System.nanoTime() + lockTimeout.toNanos();
        while (true) {
            FileLock lock = ch.tryLock();
            if (lock != null) {
                return lock;
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
                throw new io.ffmipc.IpcInterruptedException(operation, name);
            }
        }
    }

    /** Opens, creates or repairs per {@code mode}; returns the object's key. */
    public int open(OpenMode mode, Permissions permissions) {
        JVM_LOCK.lock();
        try {
            for (int round = 0; round < MAX_ROUNDS; round++) {
                FileChannel ch = openFile(mode, permissions);
                if (ch == null) {
                    continue; // removed between our attempts: start again
                }
                try (ch; FileLock ignored = lock(ch, "open " + kind)) {
                    String text = read(ch);
                    if (text.equals(tombstone())) {
                        clearDeadTombstone(round);
                        continue; // removed while we waited for the lock: start again from the path
                    }
                    OptionalInt key = parse(text);
                    Probe probe = key.isPresent() ? objects.probe(key.getAsInt()) : Probe.MISSING;
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
                        case MISSING, UNINITIALISED -> {
                            if (mode == OpenMode.OPEN) {
                                throw new NoSuchIpcObjectException("open " + kind, name, null, text.isEmpty()
                                        ? "its anchor " + file + " is empty (being created, or its creator died)"
                                        : "its anchor " + file + " names key 0x" + Integer.toHexString(key.getAsInt())
                                        + ", whose object is " + (probe == Probe.MISSING ? "gone" : "not initialised")
                                        + " (OpenMode.OPEN does not create)");
                            }
                            if (probe == Probe.UNINITIALISED) {
                                objects.remove(key.getAsInt()); // its creator died initialising it
                            }
                            return create(ch, permissions);
                        }
                        default -> throw new IllegalStateException(probe.toString());
                    }
                } catch (IOException e) {
                    throw ioFailure("open " + kind, e);
                }
            }
            throw new IpcException("open " + kind, name, null, "the anchor " + file
                    + " kept being removed by other processes; gave up after " + MAX_ROUNDS + " attempts");
        } finally {
            JVM_LOCK.unlock();
        }
    }

    /** Removes the object and the anchor; false if there was no anchor. */
    public boolean remove() {
        JVM_LOCK.lock();
        try {
            for (int round = 0; round < MAX_ROUNDS; round++) {
                FileChannel ch;
                try {
                    ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                } catch (NoSuchFileException gone) {
                    return false;
                } catch (IOException e) {
                    throw ioFailure("remove " + kind, e);
                }
                try (ch; FileLock ignored = lock(ch, "remove " + kind)) {
                    String text = read(ch);
                    if (text.equals(tombstone())) {
                        clearDeadTombstone(round);
                        continue; // someone else removed it; the path may hold a new anchor by now
                    }
                    OptionalInt key = parse(text);
                    if (key.isPresent() && objects.probe(key.getAsInt()) != Probe.FOREIGN) {
                        objects.remove(key.getAsInt());
                    }
                    write(ch, tombstone());
                    Files.deleteIfExists(file);
                    return true;
                } catch (IOException e) {
                    throw ioFailure("remove " + kind, e);
                }
            }
            throw new IpcException("remove " + kind, name, null, "the anchor " + file
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
     * is deleted.
     */
    private void clearDeadTombstone(int round) throws IOException {
        if (round < TOMBSTONE_ROUNDS) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new io.ffmipc.IpcInterruptedException("open " + kind, name);
            }
            return;
        }
        try {
            if (Files.readString(file, StandardCharsets.US_ASCII).equals(tombstone())) {
                Files.deleteIfExists(file);
            }
        } catch (NoSuchFileException gone) {
            // already cleared
        }
    }

    /**
     * The key an anchor file names, without the file lock (for listings); empty if none or
     * unreadable. It still takes this JVM's anchor lock: closing any descriptor of a file drops
     * every POSIX record lock the process holds on it, so a read must never overlap an open.
     */
    public static OptionalInt readKey(Path file) {
        JVM_LOCK.lock();
        try {
            return parse(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        } finally {
            JVM_LOCK.unlock();
        }
    }

    /** Draws keys until one is free; the key is in the file before the object exists. */
    private int create(FileChannel ch, Permissions permissions) throws IOException {
        for (int draw = 0; draw < MAX_KEY_DRAWS; draw++) {
            int key = ThreadLocalRandom.current().nextInt();
            if (!SystemVKeys.isShareable(key)) {
                continue; // IPC_PRIVATE or -1
            }
            write(ch, MAGIC + kind + " key=" + String.format("0x%08x", key) + "\n");
            if (objects.create(key, permissions)) {
                return key;
            }
        }
        throw new IpcException("create " + kind, name, null, MAX_KEY_DRAWS
                + " random System V keys in a row were taken; the key space is unexpectedly full");
    }

    /** The file, opened read-write; null if it vanished between an exclusive create and the open. */
    private FileChannel openFile(OpenMode mode, Permissions permissions) {
        try {
            if (mode == OpenMode.OPEN) {
                try {
                    return FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                } catch (NoSuchFileException e) {
                    throw new NoSuchIpcObjectException("open " + kind, name, null,
                            "no " + kind + " with this name (no anchor " + file + "; OpenMode.OPEN does not create)");
                }
            }
            try {
                FileChannel ch = FileChannel.open(file, Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE,
                        StandardOpenOption.CREATE_NEW), PosixFilePermissions.asFileAttribute(toSet(permissions.mode())));
                try {
                    Files.setPosixFilePermissions(file, toSet(permissions.mode())); // exact, whatever the umask
                } catch (IOException | RuntimeException e) {
                    ch.close();
                    Files.deleteIfExists(file);
                    throw e;
                }
                return ch;
            } catch (FileAlreadyExistsException exists) {
                try {
                    return FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                } catch (NoSuchFileException removedMeanwhile) {
                    return null;
                }
            }
        } catch (IOException e) {
            throw ioFailure("open " + kind, e);
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

    private String read(FileChannel ch) throws IOException {
        long size = ch.size();
        if (size > 256) {
            throw notAnAnchor(size + " bytes");
        }
        ByteBuffer b = ByteBuffer.allocate((int) size);
        while (b.hasRemaining() && ch.read(b, b.position()) >= 0) {
            // read until full
        }
        String text = new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII);
        if (!text.isEmpty() && !text.equals(tombstone()) && parse(text).isEmpty()) {
            throw notAnAnchor("'" + text.strip() + "'");
        }
        if (!text.isEmpty() && !text.startsWith(MAGIC + kind + " ")) {
            throw notAnAnchor("'" + text.strip() + "'");
        }
        return text;
    }

    private static void write(FileChannel ch, String text) throws IOException {
        ch.truncate(0);
        ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
        long at = 0;
        while (b.hasRemaining()) {
            at += ch.write(b, at);
        }
    }

    private IpcException notAnAnchor(String found) {
        return new IpcException("open " + kind, name, null, file + " is not an ffm-ipc " + kind
                + " anchor (it holds " + found + "); remove it if nothing else uses it");
    }

    private IpcException ioFailure(String operation, IOException e) {
        if (e instanceof AccessDeniedException) {
            return new IpcAccessDeniedException(operation, name, null, "cannot open its anchor " + file
                    + " for reading and writing (a " + kind + " needs both)");
        }
        return new IpcException(operation, name, null, "anchor " + file + ": " + e);
    }

    static Set<PosixFilePermission> toSet(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE, from bit 8 down
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (0400 >> i)) != 0) {
                set.add(bits[i]);
            }
        }
        return set;
    }

    @Override
    public String toString() {
        return "KeyAnchor[" + file + "]";
    }
}
