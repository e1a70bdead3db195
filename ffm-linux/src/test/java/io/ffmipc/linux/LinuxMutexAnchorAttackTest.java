package io.ffmipc.linux;

import io.ffmipc.Ipc;
import io.ffmipc.IpcAccessDeniedException;
import io.ffmipc.IpcPlatform;
import io.ffmipc.LockResult;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.RobustMutex;
import io.ffmipc.linux.ffi.LibC;
import io.ffmipc.posix.PosixMutexSeams;
import io.ffmipc.testkit.LeakCheck;
import io.ffmipc.testkit.OtherUser;
import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 8 §1: the anchor file of a robust mutex ({@code /dev/shm/.mutex.NAME}) lives in a directory
 * every user may write to, so another user can put something under its name first. Each test plays
 * that user ({@link OtherUser}, uid 65534, through {@code setpriv}) and checks that root's
 * {@code mutex(...)} and {@code removeMutex(...)} refuse with {@link IpcAccessDeniedException} naming
 * the file, its owner and mode, and change nothing.
 *
 * <p>What the kernel's own protections would change: with {@code fs.protected_symlinks=1} root
 * could not follow a link that uid 65534 planted in the sticky {@code /dev/shm} (owned by root), so
 * the link attacks would end in EACCES instead of writing through the link; with
 * {@code fs.protected_regular=1} an {@code O_CREAT} open of another user's regular file there is
 * refused — but the library's second open (after {@code O_EXCL} found the name taken) has no
 * {@code O_CREAT}, so the planted-file attack would not be stopped by it; {@code fs.protected_hardlinks=1}
 * stops the other user from hard-linking root's anchor. This machine has the first two at 0 (many
 * containers do), so the tests show the library's own defence; they hold with the settings at 1 too.
 */
@ExtendWith(LeakCheck.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LinuxMutexAnchorAttackTest {
    private final List<String> names = new ArrayList<>();
    private final List<Path> files = new ArrayList<>();

    private static IpcPlatform platform() {
        return Ipc.platform();
    }

    @BeforeEach
    void asAnotherUser() {
        OtherUser.assumeAvailable();
    }

    private String newName() {
        String n = TestNames.unique("mutex");
        names.add(n);
        return n;
    }

    /** Where the mutex's anchor is. */
    private Path anchor(String name) {
        Path p = Path.of(PosixMutexSeams.anchorFile(LibC.INSTANCE, name));
        files.add(p);
        return p;
    }

    /** A file of root's that the other user aims at: empty, mode 0644, outside the anchor directory. */
    private Path rootFile() throws IOException {
        Path p = Files.createTempFile(TestNames.unique("victim"), "");
        files.add(p);
        return p;
    }

    @AfterEach
    void cleanUp() throws IOException {
        for (Path p : files) {
            removeKeysNamedIn(p); // what today's code wrote through a link must not leak a System V set
            Files.deleteIfExists(p);
        }
        for (String n : names) {
            try {
                platform().removeMutex(n);
            } catch (RuntimeException ignored) {
                // refused or already gone: the files above are removed by hand
            }
        }
    }

    private static void removeKeysNamedIn(Path p) throws IOException {
        if (!Files.isRegularFile(p) || Files.size(p) > 4096) {
            return;
        }
        Matcher m = Pattern.compile("key=0x([0-9a-f]{8})").matcher(Files.readString(p));
        while (m.find()) {
            platform().systemV().orElseThrow().removeSemaphoreSet(Integer.parseUnsignedInt(m.group(1), 16));
        }
    }

    private static IpcAccessDeniedException refused(Executable call, String... mentions) {
        IpcAccessDeniedException e = assertThrows(IpcAccessDeniedException.class, call);
        for (String m : mentions) {
            assertTrue(e.getMessage().contains(m), "should mention '" + m + "': " + e.getMessage());
        }
        return e;
    }

    /** (a) A link under the anchor's name to a file of root's: neither open nor remove writes through it. */
    @Test
    void aLinkToRootsFilePlantedAsTheAnchorIsRefusedAndTheFileStaysUnchanged() throws IOException {
        String name = newName();
        Path anchor = anchor(name);
        Path target = rootFile();
        FileTime before = Files.getLastModifiedTime(target);
        OtherUser.sh("ln -s " + target + " " + anchor);

        refused(() -> platform().mutex(name, OpenMode.CREATE), anchor.toString(), "symbolic link", target.toString(),
                "uid 65534");
        refused(() -> platform().mutex(name, OpenMode.OPEN_OR_CREATE), "symbolic link");
        refused(() -> platform().removeMutex(name), "symbolic link");

        assertEquals(0, Files.size(target), "nothing was written into the link's target");
        assertEquals(before, Files.getLastModifiedTime(target));
        assertTrue(Files.isSymbolicLink(anchor), "the planted link is left for a person to look at");
    }

    /** (b) removeMutex(A) where A's anchor is a link to B's: refused, and B keeps working. */
    @Test
    void removingAMutexWhoseAnchorLinksToAnothersIsRefusedAndTheOtherKeepsWorking() throws IOException {
        String a = newName();
        String b = newName();
        try (RobustMutex mb = platform().mutex(b, OpenMode.CREATE)) {
            assertEquals(LockResult.ACQUIRED, mb.tryLock());
            String anchorB = Files.readString(anchor(b));
            OtherUser.sh("ln -s " + anchor(b) + " " + anchor(a));

            refused(() -> platform().removeMutex(a), anchor(a).toString(), "symbolic link", anchor(b).toString());

            assertEquals(anchorB, Files.readString(anchor(b)), "B's anchor is untouched");
            mb.unlock(); // B's System V set is still there: no "EINVAL … the mutex's System V set was removed"
            try (RobustMutex again = platform().mutex(b, OpenMode.OPEN)) {
                assertEquals(LockResult.ACQUIRED, again.tryLock());
                again.unlock();
            }
        }
    }

    /**
     * (c) An anchor the other user created first (mode 0666), which they could empty while root holds
     * the mutex so that a second root process makes a second set and holds "the same" mutex: refused
     * at open, so there is no first holder; accepting another owner does not let this process make a
     * set under the other user's anchor either.
     */
    @Test
    void anAnchorAnotherUserCreatedIsRefusedSoNobodyHoldsAMutexTheyCanEmpty() throws IOException {
        String name = newName();
        Path anchor = anchor(name);
        OtherUser.sh("touch " + anchor + " && chmod 0666 " + anchor);

        refused(() -> platform().mutex(name, OpenMode.OPEN_OR_CREATE), anchor.toString(), "uid 65534", "0666",
                "Permissions.acceptingForeignOwner()");
        refused(() -> platform().mutex(name, OpenMode.OPEN), "uid 65534");
        refused(() -> platform().mutex(name, OpenMode.OPEN_OR_CREATE, Permissions.everyone().acceptingForeignOwner()),
                "only its owner can make one anew");
        refused(() -> platform().removeMutex(name), "uid 65534", "its owner can remove it");
        assertEquals(0, Files.size(anchor), "nothing was written into the other user's file");
    }

    /** (c) A link to /dev/zero under the anchor's name (a file that always reads as empty): refused. */
    @Test
    void aLinkToDevZeroIsRefused() {
        String name = newName();
        Path anchor = anchor(name);
        OtherUser.sh("ln -s /dev/zero " + anchor);
        refused(() -> platform().mutex(name, OpenMode.OPEN_OR_CREATE), "symbolic link", "/dev/zero");
        refused(() -> platform().removeMutex(name), "symbolic link", "/dev/zero");
    }

    /** A FIFO under the anchor's name: refused on the descriptor's file type, without blocking. */
    @Test
    void aFifoIsRefused() {
        String name = newName();
        Path anchor = anchor(name);
        OtherUser.sh("mkfifo -m 0666 " + anchor);
        refused(() -> platform().mutex(name, OpenMode.OPEN_OR_CREATE), "not a regular file", "uid 65534", "0666");
        refused(() -> platform().removeMutex(name), "not a regular file");
        assertTrue(Files.exists(anchor, LinkOption.NOFOLLOW_LINKS));
    }

    /** (d) A dangling link says what it is, instead of "kept being removed … gave up after 1000 attempts". */
    @Test
    void aDanglingLinkIsNamedAsSuch() {
        String name = newName();
        Path anchor = anchor(name);
        Path nowhere = Path.of("/tmp", TestNames.unique("nowhere"));
        OtherUser.sh("ln -s " + nowhere + " " + anchor);
        IpcAccessDeniedException e = refused(() -> platform().mutex(name, OpenMode.OPEN_OR_CREATE), anchor.toString(),
                "dangling", nowhere.toString(), "uid 65534");
        assertFalse(e.getMessage().contains("gave up"), e.getMessage());
        refused(() -> platform().mutex(name, OpenMode.OPEN), "dangling");
        assertFalse(Files.exists(nowhere, LinkOption.NOFOLLOW_LINKS), "nothing was created where the link points");
    }

    /**
     * A second name for B's anchor (what another user could make where {@code fs.protected_hardlinks}
     * is 0; made here by root, since it is 1 on this machine): removing through it is refused.
     */
    @Test
    void anAnchorWithASecondNameIsRefused() throws IOException {
        String a = newName();
        String b = newName();
        try (RobustMutex mb = platform().mutex(b, OpenMode.CREATE)) {
            Files.createLink(anchor(a), anchor(b));
            refused(() -> platform().removeMutex(a), "2 names");
            refused(() -> platform().mutex(a, OpenMode.OPEN_OR_CREATE), "2 names");
            Files.delete(anchor(a));
            assertEquals(LockResult.ACQUIRED, mb.tryLock(), "B is untouched");
            mb.unlock();
        }
    }
}
