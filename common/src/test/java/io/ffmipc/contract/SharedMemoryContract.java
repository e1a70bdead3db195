package io.ffmipc.contract;

import io.ffmipc.ChildLauncher;
import io.ffmipc.ChildProcess;
import io.ffmipc.InvalidNameException;
import io.ffmipc.IpcLimitException;
import io.ffmipc.IpcNames;
import io.ffmipc.IpcObjectExistsException;
import io.ffmipc.IpcPlatform;
import io.ffmipc.NoSuchIpcObjectException;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.SharedMemory;
import io.ffmipc.testkit.ChildJvm;
import io.ffmipc.testkit.LeakCheck;
import io.ffmipc.testkit.NameLifetime;
import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What named shared memory must do on every OS. A provider's test extends this and says which
 * platform it tests; OS-specific checks go in the subclass.
 */
@ExtendWith(LeakCheck.class)
public abstract class SharedMemoryContract {
    static final long MESSAGE_OFFSET = 0;
    static final long REPLY_OFFSET = 2048;
    /**
     * A whole number of pages on every OS (4 KiB on Linux and x86_64 macOS, 16 KiB on arm64 macOS):
     * macOS rounds an object's size up to whole pages, and an opener sees the rounded size.
     */
    private static final int SIZE = 16384;

    private final List<String> names = new ArrayList<>();
    private final List<SharedMemory> opened = new ArrayList<>();

    /** The platform under test. */
    protected abstract IpcPlatform platform();

    /**
     * The permission bits of the named object as the OS shows them, where it can be observed
     * (a file in {@code /dev/shm}); empty where it cannot.
     */
    protected OptionalInt observedMode(String name) {
        return OptionalInt.empty();
    }

    /** A fresh name, removed after the test. */
    protected final String newName() {
        String n = TestNames.unique("shm");
        names.add(n);
        return n;
    }

    /** Opens and remembers the object, so it is closed after the test even if an assertion fails. */
    protected final SharedMemory open(String name, OpenMode mode, long size) {
        return track(platform().sharedMemory(name, mode, size));
    }

    protected final SharedMemory track(SharedMemory shm) {
        opened.add(shm);
        return shm;
    }

    @AfterEach
    final void cleanUp() {
        for (SharedMemory shm : opened) {
            shm.close();
        }
        for (String n : names) {
            platform().removeSharedMemory(n);
        }
    }

    @Test
    void createThenOpenShareTheSameBytes() {
        String name = newName();
        SharedMemory a = open(name, OpenMode.CREATE, SIZE);
        assertTrue(a.created());
        assertEquals(SIZE, a.size());
        assertEquals(SIZE, a.segment().byteSize());
        assertEquals(name, a.name());

        SharedMemory b = open(name, OpenMode.OPEN, 0);
        assertFalse(b.created());
        assertEquals(SIZE, b.size(), "size 0 on open maps the whole object");

        a.segment().set(JAVA_LONG, 8, 0x1122334455667788L);
        assertEquals(0x1122334455667788L, b.segment().get(JAVA_LONG, 8));
        b.segment().set(JAVA_INT, SIZE - 4, 42);
        assertEquals(42, a.segment().get(JAVA_INT, SIZE - 4));
    }

    @Test
    void newObjectIsZeroFilled() {
        SharedMemory a = open(newName(), OpenMode.CREATE, SIZE);
        for (long i = 0; i < SIZE; i += 8) {
            assertEquals(0L, a.segment().get(JAVA_LONG, i), "byte " + i);
        }
    }

    @Test
    void openOrCreateCreatesOnceThenOpens() {
        String name = newName();
        SharedMemory first = open(name, OpenMode.OPEN_OR_CREATE, SIZE);
        assertTrue(first.created());
        SharedMemory second = open(name, OpenMode.OPEN_OR_CREATE, SIZE);
        assertFalse(second.created());
        first.segment().set(JAVA_BYTE, 100, (byte) 7);
        assertEquals(7, second.segment().get(JAVA_BYTE, 100));
    }

    @Test
    void openMapsOnlyTheRequestedPrefix() {
        String name = newName();
        open(name, OpenMode.CREATE, SIZE);
        SharedMemory part = open(name, OpenMode.OPEN, 100);
        assertEquals(100, part.size());
        assertEquals(100, part.segment().byteSize());
    }

    @Test
    void exclusiveCreateOfAnExistingObjectFails() {
        String name = newName();
        open(name, OpenMode.CREATE, SIZE);
        IpcObjectExistsException e = assertThrows(IpcObjectExistsException.class,
                () -> open(name, OpenMode.CREATE, SIZE));
        assertTrue(e.getMessage().contains(name), e.getMessage());
        assertEquals(name, e.objectName().orElseThrow());
    }

    @Test
    void openOfAMissingObjectFails() {
        String name = newName();
        NoSuchIpcObjectException e = assertThrows(NoSuchIpcObjectException.class,
                () -> open(name, OpenMode.OPEN, SIZE));
        assertTrue(e.getMessage().contains(name), e.getMessage());
        assertTrue(e.osError().isPresent(), "the OS error is carried");
        // worded like every kind's missing object, without the OS's own name for it (/NAME on Linux)
        assertTrue(e.getMessage().endsWith("no shared memory with this name (OpenMode.OPEN does not create)"),
                e.getMessage());
        assertFalse(e.getMessage().contains("/" + name), e.getMessage());
    }

    @Test
    void sizeZeroOrNegativeIsRefusedWithTheRule() {
        String name = newName();
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> open(name, OpenMode.CREATE, 0));
        assertTrue(zero.getMessage().contains("at least 1 byte"), zero.getMessage());
        IllegalArgumentException zeroMaybeCreate = assertThrows(IllegalArgumentException.class,
                () -> open(name, OpenMode.OPEN_OR_CREATE, 0));
        assertTrue(zeroMaybeCreate.getMessage().contains("at least 1 byte"), zeroMaybeCreate.getMessage());
        for (OpenMode mode : OpenMode.values()) {
            IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                    () -> open(name, mode, -5));
            assertTrue(negative.getMessage().contains("must not be negative, got -5"), negative.getMessage());
        }
        assertThrows(NoSuchIpcObjectException.class, () -> open(name, OpenMode.OPEN, 0),
                "a refused request creates nothing");
    }

    @Test
    void sizeOverTheLimitIsRefusedNamingBothSizes() {
        String name = newName();
        long limit = platform().limits().maxSharedMemorySize();
        long tooBig = limit == Long.MAX_VALUE ? Long.MAX_VALUE : limit + 1;
        if (tooBig > limit) {
            IpcLimitException e = assertThrows(IpcLimitException.class, () -> open(name, OpenMode.CREATE, tooBig));
            assertTrue(e.getMessage().contains(Long.toString(tooBig)), e.getMessage());
            assertTrue(e.getMessage().contains(Long.toString(limit)), e.getMessage());
        }
        open(name, OpenMode.CREATE, SIZE);
        IpcLimitException larger = assertThrows(IpcLimitException.class, () -> open(name, OpenMode.OPEN, SIZE + 1));
        assertTrue(larger.getMessage().contains(Integer.toString(SIZE + 1)), larger.getMessage());
        assertTrue(larger.getMessage().contains(Integer.toString(SIZE)), larger.getMessage());
        assertTrue(larger.getMessage().contains(name), larger.getMessage());
    }

    @Test
    void invalidAndOverLongNamesAreRefused() {
        for (String bad : List.of("", "a/b", "-lead", "sp ace", "slash/", "über")) {
            InvalidNameException e = assertThrows(InvalidNameException.class,
                    () -> platform().sharedMemory(bad, OpenMode.OPEN_OR_CREATE, SIZE), bad);
            assertTrue(e.getMessage().contains("name"), e.getMessage());
        }
        String tooLong = TestNames.PREFIX + "x".repeat(IpcNames.MAX_LENGTH);
        InvalidNameException e = assertThrows(InvalidNameException.class,
                () -> platform().sharedMemory(tooLong, OpenMode.CREATE, SIZE));
        assertTrue(e.getMessage().contains("at most " + IpcNames.MAX_LENGTH), e.getMessage());
        assertTrue(IpcNames.MAX_LENGTH <= platform().limits().maxNameLength());
        assertThrows(InvalidNameException.class, () -> platform().removeSharedMemory("a/b"));
        assertThrows(InvalidNameException.class, () -> platform().sharedMemory(null, OpenMode.OPEN, 0));
    }

    @Test
    void longestPortableNameWorks() {
        String base = newName();
        String longest = base + "x".repeat(IpcNames.MAX_LENGTH - base.length());
        names.add(longest);
        SharedMemory shm = open(longest, OpenMode.CREATE, SIZE);
        assertEquals(longest, shm.name());
    }

    @Test
    void useAfterCloseThrowsAndCloseTwiceIsSafe() {
        String name = newName();
        SharedMemory shm = open(name, OpenMode.CREATE, SIZE);
        if (!NameLifetime.persistent(platform())) {
            open(name, OpenMode.OPEN, 0); // where names die with their last handle, keep one open
        }
        MemorySegment segment = shm.segment();
        segment.set(JAVA_INT, 0, 1);
        shm.close();
        assertThrows(IllegalStateException.class, () -> segment.get(JAVA_INT, 0));
        assertThrows(IllegalStateException.class, () -> segment.set(JAVA_INT, 0, 2));
        assertThrows(IllegalStateException.class, shm::segment);
        assertThrows(IllegalStateException.class, shm::unlink);
        shm.close();
        assertEquals(SIZE, shm.size(), "plain facts stay readable");
        SharedMemory again = open(name, OpenMode.OPEN, 0);
        assertEquals(1, again.segment().get(JAVA_INT, 0), "closing unmaps; it does not remove the object");
    }

    @Test
    void unlinkRemovesTheNameButNotTheMapping() {
        String name = newName();
        SharedMemory first = open(name, OpenMode.CREATE, SIZE);
        first.segment().set(JAVA_INT, 0, 99);
        first.unlink();
        if (!NameLifetime.persistent(platform())) {
            // Nothing to unlink: the name lives while a handle does, and goes with the last one.
            SharedMemory still = open(name, OpenMode.OPEN, 0);
            assertEquals(99, still.segment().get(JAVA_INT, 0), "unlink did nothing");
            assertFalse(platform().removeSharedMemory(name), "nothing persists, so there is nothing to remove");
            still.close();
            first.close();
            assertThrows(NoSuchIpcObjectException.class, () -> open(name, OpenMode.OPEN, 0),
                    "the name went with its last handle");
            return;
        }
        assertThrows(NoSuchIpcObjectException.class, () -> open(name, OpenMode.OPEN, 0));
        assertEquals(99, first.segment().get(JAVA_INT, 0), "the mapping outlives the name");
        first.unlink(); // already gone: nothing to do
        assertFalse(platform().removeSharedMemory(name));

        SharedMemory second = open(name, OpenMode.CREATE, SIZE);
        assertTrue(second.created());
        assertEquals(0, second.segment().get(JAVA_INT, 0), "a new object under the old name");
        second.segment().set(JAVA_INT, 0, 5);
        assertEquals(99, first.segment().get(JAVA_INT, 0), "the unlinked object is separate");
    }

    @Test
    void removeReportsWhetherThereWasAnObject() {
        String name = newName();
        assertFalse(platform().removeSharedMemory(name));
        open(name, OpenMode.CREATE, SIZE).close();
        if (NameLifetime.persistent(platform())) {
            assertTrue(platform().removeSharedMemory(name));
        } else {
            assertFalse(platform().removeSharedMemory(name), "nothing persists, so there is nothing to remove");
            assertThrows(NoSuchIpcObjectException.class, () -> open(name, OpenMode.OPEN, 0),
                    "the name went with its last handle");
        }
        assertFalse(platform().removeSharedMemory(name));
    }

    @Test
    void createdObjectsAreOwnerOnlyByDefault() {
        String name = newName();
        open(name, OpenMode.CREATE, SIZE);
        OptionalInt mode = observedMode(name);
        if (mode.isPresent()) {
            assertEquals(0600, mode.getAsInt(), "mode 0" + Integer.toOctalString(mode.getAsInt()));
        }
        assertEquals(0600, Permissions.OWNER_ONLY.mode());
    }

    @Test
    void childProcessOpensByNameReadsAndAnswers() {
        String name = newName();
        SharedMemory shm = open(name, OpenMode.CREATE, SIZE);
        String message = "hello from " + ProcessHandle.current().pid();
        writeText(shm.segment(), MESSAGE_OFFSET, message);
        try (ChildJvm child = ChildJvm.start(SharedMemoryPeer.class, name, Integer.toString(SIZE))) {
            child.assertSuccess(Duration.ofSeconds(60));
        }
        assertEquals("reply:" + message, readText(shm.segment(), REPLY_OFFSET));
    }

    // ------------------------------------------------------------ unnamed (anonymous) shared memory

    @Test
    void anonymousMemoryIsZeroedUnnamedAndRefusesBadSizes() {
        SharedMemory shm = track(platform().anonymousSharedMemory(SIZE));
        assertEquals(SIZE, shm.size());
        assertTrue(shm.created());
        assertEquals(-1, shm.segment().mismatch(MemorySegment.ofArray(new byte[SIZE])), "zero-filled");
        assertTrue(shm.handle().isPresent(), "it can only be shared through its handle");
        assertTrue(platform().list().stream().noneMatch(i -> i.name().equals(shm.name())),
                "it is in no namespace: " + shm.name());
        shm.unlink(); // nothing to remove: does nothing
        shm.segment().set(JAVA_LONG, SIZE - 8, 42L);
        assertEquals(42L, shm.segment().get(JAVA_LONG, SIZE - 8));

        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> platform().anonymousSharedMemory(0));
        assertTrue(zero.getMessage().contains("at least 1 byte"), zero.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> platform().anonymousSharedMemory(-1));
        assertTrue(negative.getMessage().contains("must not be negative"), negative.getMessage());
        IpcLimitException huge = assertThrows(IpcLimitException.class,
                () -> platform().anonymousSharedMemory(Long.MAX_VALUE / 2));
        assertTrue(huge.getMessage().contains(Long.toString(Long.MAX_VALUE / 2)), huge.getMessage());

        MemorySegment segment = shm.segment();
        shm.close();
        assertThrows(IllegalStateException.class, () -> segment.get(JAVA_INT, 0));
        assertThrows(IllegalStateException.class, shm::handle);
        shm.close();
    }

    /**
     * A child started through the platform's launcher inherits unnamed shared memory by token and
     * maps it whole: both see the same bytes, with no name anywhere.
     */
    @Test
    void aChildInheritsAnonymousMemoryAndAnswersThroughIt() throws Exception {
        SharedMemory shm = track(platform().anonymousSharedMemory(SIZE));
        String message = "unnamed hello from " + ProcessHandle.current().pid();
        writeText(shm.segment(), MESSAGE_OFFSET, message);
        Path out = Files.createTempFile("ffmipc-anon-child-", ".out");
        try {
            ChildLauncher launcher = platform().launcher(ChildJvm.command(InheritedSharedMemoryPeer.class));
            String token = launcher.inherit(shm.handle().orElseThrow());
            launcher.argument(token).argument(Integer.toString(SIZE)).stdout(out).stderr(out);
            try (ChildProcess child = launcher.start()) {
                assertEquals(OptionalInt.of(0), child.waitFor(Duration.ofSeconds(60)),
                        "child said:\n" + Files.readString(out));
            }
            assertEquals("reply:" + message, readText(shm.segment(), REPLY_OFFSET), Files.readString(out));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    @Test
    void aBadInheritanceTokenIsRefusedWithTheExpectedForm() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> platform().inheritedSharedMemory("not-a-token"));
        assertTrue(e.getMessage().contains("not-a-token") && e.getMessage().contains("shared memory"), e.getMessage());
    }

    /** Writes a length-prefixed UTF-8 string. */
    static void writeText(MemorySegment segment, long offset, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        MemorySegment.copy(b, 0, segment, JAVA_BYTE, offset + 4, b.length);
        segment.set(JAVA_INT, offset, b.length);
    }

    static String readText(MemorySegment segment, long offset) {
        int n = segment.get(JAVA_INT, offset);
        byte[] b = new byte[n];
        MemorySegment.copy(segment, JAVA_BYTE, offset + 4, b, 0, n);
        return new String(b, StandardCharsets.UTF_8);
    }
}
