package io.ffmipc.contract;

import io.ffmipc.IpcException;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.posix.KeyAnchor;
import io.ffmipc.posix.PosixLibrary;
import io.ffmipc.spi.ProcessSeam;
import io.ffmipc.testkit.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The anchor protocol ({@link KeyAnchor}) over a provider's {@link PosixLibrary}, with keyed objects
 * kept in a map so no System V is involved. It relies on POSIX record locks (Linux, macOS); Windows
 * names objects otherwise.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
public abstract class KeyAnchorContract {

    /** The binding under test. */
    protected abstract PosixLibrary library();

    /** This process and its user, as the provider sees them. */
    protected abstract ProcessSeam processes();

    /** Keyed objects in a map: what the anchor protocol needs, without System V. */
    private static final class Objects implements KeyAnchor.KeyedObjects {
        final Map<Integer, KeyAnchor.Probe> made = new HashMap<>();

        @Override
        public boolean create(int key, Permissions permissions) {
            return made.putIfAbsent(key, KeyAnchor.Probe.READY) == null;
        }

        @Override
        public KeyAnchor.Probe probe(int key, long anchorOwner) {
            return made.getOrDefault(key, KeyAnchor.Probe.MISSING);
        }

        @Override
        public boolean remove(int key) {
            return made.remove(key) != null;
        }
    }

    /**
     * Another process holding the anchor's lock (stopped, say) makes open and remove fail after the
     * lock timeout with an error naming the anchor, instead of hanging; once that process is gone the
     * kernel has dropped its lock and the same calls work.
     */
    @Test
    void aLockHeldByAnotherProcessEndsInATypedErrorNotAHang(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("anchor");
        Objects objects = new Objects();
        Duration timeout = Duration.ofMillis(300);
        KeyAnchor anchor = new KeyAnchor(library(), processes(), file.toString(), "thing", "held", objects, timeout);
        int key = anchor.open(OpenMode.CREATE, Permissions.OWNER_ONLY);

        try (ChildJvm holder = ChildJvm.start(AnchorLockHolder.class, file.toString())) {
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!holder.output().contains("locked")) {
                assertTrue(System.nanoTime() < until && holder.process().isAlive(), "holder: " + holder.output());
                Thread.sleep(10);
            }
            long start = System.nanoTime();
            IpcException open = assertThrows(IpcException.class, () -> anchor.open(OpenMode.OPEN, Permissions.OWNER_ONLY));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(open.getMessage().contains(file.toString()) && open.getMessage().contains("held the lock"),
                    open.getMessage());
            assertTrue(took.compareTo(timeout) >= 0 && took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
            IpcException remove = assertThrows(IpcException.class, anchor::remove);
            assertTrue(remove.getMessage().contains("remove thing"), remove.getMessage());
            holder.kill();
        }
        assertEquals(key, anchor.open(OpenMode.OPEN, Permissions.OWNER_ONLY), "the dead holder's lock is gone");
        assertTrue(anchor.remove());
        assertTrue(Files.notExists(file));
        assertEquals(Map.of(), objects.made);
    }
}
