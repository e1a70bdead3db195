package io.ffmipc.cli;

import io.ffmipc.Capability;
import io.ffmipc.ChildLauncher;
import io.ffmipc.ChildProcess;
import io.ffmipc.IpcPlatform;
import io.ffmipc.LockResult;
import io.ffmipc.MutexStatus;
import io.ffmipc.OpenMode;
import io.ffmipc.RobustMutex;
import io.ffmipc.spi.Durations;

import java.time.Duration;
import java.util.List;

/**
 * Robust mutex: a peer takes the mutex and is killed (SIGKILL) holding it; the tour then takes it
 * and is told the owner died. Killing ends a peer, and the tour's main peer is still needed by the
 * SEM_UNDO step, so this step starts a second peer of its own that does nothing else.
 */
final class RobustMutexStep extends TourStep {
    /** What the main peer is told: the second peer has the real argument. */
    private static final String NOTHING_FOR_THE_MAIN_PEER = "-";
    private RobustMutex mutex;
    private ChildProcess holder;

    @Override
    String id() {
        return "mutex";
    }

    @Override
    String title() {
        return "robust mutex, owner killed";
    }

    @Override
    List<Capability> capabilities() {
        return List.of(Capability.ROBUST_MUTEX);
    }

    @Override
    String prepare(Tour tour, ChildLauncher launcher) {
        mutex = tour.platform().mutex(tour.name("mutex"), OpenMode.CREATE);
        return NOTHING_FOR_THE_MAIN_PEER;
    }

    @Override
    String run(Tour tour) {
        Duration timeout = tour.settings().timeout();
        holder = tour.platform().launcher(tour.peerCommand()).argument(id() + "=" + mutex.name()).start();
        long end = System.nanoTime() + timeout.toNanos();
        while (!mutex.status().equals(new MutexStatus(MutexStatus.State.HELD, holder.pid()))) {
            if (System.nanoTime() > end) {
                throw new TourTimeoutException("the mutex peer (pid " + holder.pid() + ") did not take the mutex within "
                        + Durations.format(timeout) + " (" + mutex.status() + ")");
            }
            Thread.onSpinWait();
        }
        holder.kill();
        if (holder.waitFor(timeout).isEmpty()) {
            throw new TourTimeoutException("the mutex peer (pid " + holder.pid() + ") was killed but did not exit within " + Durations.format(timeout));
        }
        long t0 = System.nanoTime();
        LockResult r = mutex.tryLock(timeout);
        double ms = (System.nanoTime() - t0) / 1e6;
        if (r != LockResult.OWNER_DIED) {
            throw new IllegalStateException("the holder was killed, yet the tour's acquire returned " + r + ", not OWNER_DIED");
        }
        mutex.unlock();
        return String.format("'%s': the peer (pid %d) took it and was killed holding it; the tour got it %.2f ms later, "
                + "told OWNER_DIED", mutex.name(), holder.pid(), ms);
    }

    @Override
    void cleanup(Tour tour) {
        if (holder != null) {
            holder.close();
        }
        if (mutex != null) {
            mutex.close();
            tour.platform().removeMutex(mutex.name());
        }
    }

    @Override
    void peer(IpcPlatform platform, String argument, TourSettings settings) {
        if (argument.equals(NOTHING_FOR_THE_MAIN_PEER)) {
            return;
        }
        RobustMutex m = platform.mutex(argument, OpenMode.OPEN);
        if (!m.tryLock(settings.timeout()).acquired()) {
            throw new TourTimeoutException("mutex '" + argument + "' was not free within " + Durations.format(settings.timeout()));
        }
        // hold it until the tour kills this process; if it never does, give up after the timeout
        try {
            Thread.sleep(settings.timeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new TourTimeoutException("the tour did not kill this mutex holder within " + Durations.format(settings.timeout()));
    }
}
