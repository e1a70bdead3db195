package io.ffmipc.macos;

import io.ffmipc.Ipc;
import io.ffmipc.IpcLimitException;
import io.ffmipc.IpcPlatform;
import io.ffmipc.OpenMode;
import io.ffmipc.RobustMutex;
import io.ffmipc.contract.RobustMutexContract;
import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The robust mutex contract on the macOS seams (on Linux: over glibc answering like libSystem). */
class MacosRobustMutexTest extends RobustMutexContract {

    @Override
    protected IpcPlatform platform() {
        return Ipc.platform();
    }

    /**
     * macOS keeps at most kern.sysv.semume (10 by default) SEM_UNDO entries per process, one per
     * robust mutex held, and fails the next lock with EINVAL as if its set were removed: the lock
     * past the limit is a limit error naming it, and with one mutex released the next is taken.
     * (On Linux the limit is emulated by the macOS-shaped binding; on macOS it is the kernel's.)
     */
    @Test
    void holdingMoreMutexesThanTheProcessKeepsUndoEntriesForIsALimitErrorNamingIt() {
        List<String> names = new ArrayList<>();
        List<RobustMutex> mutexes = new ArrayList<>();
        List<RobustMutex> held = new ArrayList<>();
        try {
            IpcLimitException refused = null;
            for (int i = 0; i < 64 && refused == null; i++) {
                String name = TestNames.unique("mutex-undo");
                names.add(name);
                RobustMutex m = platform().mutex(name, OpenMode.CREATE);
                mutexes.add(m);
                try {
                    assertTrue(m.tryLock().acquired());
                    held.add(m);
                } catch (IpcLimitException e) {
                    refused = e;
                }
            }
            assertNotNull(refused, "64 mutexes held at once and no limit reached");
            assertTrue(refused.getMessage().contains("kern.sysv.semume"), refused.getMessage());
            RobustMutex last = mutexes.getLast();
            held.removeFirst().unlock();
            assertTrue(last.tryLock(Duration.ofSeconds(1)).acquired(), "with one released, the next is taken");
            held.add(last);
        } finally {
            for (RobustMutex m : held) {
                m.unlock();
            }
            for (RobustMutex m : mutexes) {
                m.close();
            }
            for (String name : names) {
                platform().removeMutex(name);
            }
        }
    }
}
