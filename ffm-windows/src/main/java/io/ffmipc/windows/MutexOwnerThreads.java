package io.ffmipc.windows;

import io.ffmipc.LockResult;

import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * The threads that wait for, hold and release one Windows mutex on this process's behalf.
 *
 * <p>A Windows mutex belongs to the OS thread whose wait took it: only that thread may
 * ReleaseMutex it, a second wait by that thread succeeds at once (the mutex is recursive for its
 * owner), and the thread's end abandons it (the next wait gets WAIT_ABANDONED). The portable layer
 * ({@code io.ffmipc.core.SeamRobustMutex}) calls acquire and release from any thread — a virtual
 * thread may even move between carriers while it holds the lock — so the OS calls cannot be made on
 * the caller's thread. Here every wait runs on a platform thread of its own:
 * <ul>
 *   <li>a wait runs on an <em>idle</em> thread (one that holds nothing, so its wait cannot succeed
 *       by recursion); if it takes the mutex, that thread becomes the <em>holder</em> and does
 *       nothing else until it is told to release (it calls ReleaseMutex and is idle again) or to
 *       abandon (it ends, and the OS reports the mutex abandoned);</li>
 *   <li>the holder belongs to the OS mutex, not to the object the wait came through: every seam on
 *       the same mutex in this process shares one {@link Shared} record (by the seam's identity),
 *       so the portable layer may release through another object than the one that acquired (it
 *       does when a Java thread takes over the hold of one that ended);</li>
 *   <li>the caller waits for the thread's answer without giving up on an interrupt (a wait is at
 *       most one slice): a wait that took the mutex after its caller left would hold it for
 *       nobody.</li>
 * </ul>
 * The Win32 calls are behind {@link Calls}, so the protocol is tested on any OS against a fake
 * mutex that enforces the same thread rules.
 */
final class MutexOwnerThreads {
    /** The Win32 calls on the mutex. */
    interface Calls {
        /** One WaitForSingleObject of at most {@code millis} on {@code handle}: ACQUIRED, OWNER_DIED or TIMED_OUT. */
        LockResult await(long handle, int millis);

        /** ReleaseMutex on {@code handle}, by the thread that holds the mutex. */
        void release(long handle);
    }

    private static final ConcurrentHashMap<String, Shared> SHARED = new ConcurrentHashMap<>();

    /** The threads of one OS mutex in this process. */
    static final class Shared {
        private final String label;
        private final Calls calls;
        private final ArrayDeque<OwnerThread> idle = new ArrayDeque<>();
        private OwnerThread holder;
        private int users; // changed only inside SHARED.compute
        private int started;

        private Shared(String label, Calls calls) {
            this.label = label;
            this.calls = calls;
        }

        /** One attempt to take the mutex through {@code handle}, waiting at most {@code millis}. */
        LockResult acquire(long handle, int millis) {
            OwnerThread t;
            synchronized (this) {
                t = idle.poll();
                if (t == null) {
                    t = new OwnerThread(this, label + " #" + (++started));
                }
            }
            LockResult r;
            try {
                r = t.call(Op.WAIT, handle, millis);
            } catch (RuntimeException e) {
                t.stop();
                throw e;
            }
            synchronized (this) {
                if (r == LockResult.TIMED_OUT) {
                    idle.push(t);
                } else {
                    holder = t;
                }
            }
            return r;
        }

        /** Releases the mutex this process holds, properly, through {@code handle} (any handle on it). */
        void release(long handle) {
            OwnerThread t;
            synchronized (this) {
                t = holder;
                if (t == null) {
                    throw new IllegalStateException(label + ": this process does not hold the mutex");
                }
            }
            t.call(Op.RELEASE, handle, 0); // throws if ReleaseMutex failed: still the holder then
            synchronized (this) {
                // Another thread's wait may have taken the mutex the moment it was released, and be
                // the holder already: only this thread's hold ends here.
                if (holder == t) {
                    holder = null;
                }
                idle.push(t);
            }
        }

        /** Ends the holding thread without releasing: the OS abandons the mutex, and the next wait is told so. */
        void abandon() {
            OwnerThread t;
            synchronized (this) {
                t = holder;
                holder = null;
            }
            if (t != null) {
                t.stop();
            }
        }

        /** Whether a thread of this process holds the mutex. */
        synchronized boolean held() {
            return holder != null;
        }

        /** Threads started so far (for tests). */
        synchronized int threadsStarted() {
            return started;
        }

        private void endIdleThreads() {
            OwnerThread t;
            while (true) {
                synchronized (this) {
                    t = idle.poll();
                }
                if (t == null) {
                    return;
                }
                t.stop();
            }
        }
    }

    private MutexOwnerThreads() {
    }

    /**
     * The record of the OS mutex {@code identity} (the same text for every seam on it in this
     * process); each call must be matched by one {@link #leave}.
     */
    static Shared join(String identity, Calls calls) {
        return SHARED.compute(identity, (k, s) -> {
            Shared used = s == null ? new Shared(identity, calls) : s;
            used.users++;
            return used;
        });
    }

    /** Gives the record up; the last user ends the idle threads (a holder is ended by abandon, not here). */
    static void leave(String identity) {
        Shared[] last = new Shared[1];
        SHARED.computeIfPresent(identity, (k, s) -> {
            if (--s.users == 0) {
                last[0] = s;
                return null;
            }
            return s;
        });
        if (last[0] != null) {
            last[0].endIdleThreads();
        }
    }

    private enum Op { WAIT, RELEASE, STOP }

    /** A platform thread that makes the mutex calls it is handed, one at a time. */
    private static final class OwnerThread {
        private final Shared shared;
        private final Semaphore requested = new Semaphore(0);
        private final Semaphore answered = new Semaphore(0);
        private volatile Op op;
        private volatile long handle;
        private volatile int millis;
        private volatile LockResult result;
        private volatile RuntimeException failure;
        private final Thread thread;

        OwnerThread(Shared shared, String name) {
            this.shared = shared;
            this.thread = Thread.ofPlatform().daemon().name("ffmipc mutex " + name).start(this::serve);
        }

        /** Hands the thread one call and waits for its answer, whatever interrupts come meanwhile. */
        LockResult call(Op what, long h, int ms) {
            op = what;
            handle = h;
            millis = ms;
            result = null;
            failure = null;
            requested.release();
            answered.acquireUninterruptibly();
            RuntimeException f = failure;
            if (f != null) {
                throw f;
            }
            return result;
        }

        /** Ends the thread (abandoning the mutex if it holds it) and waits until it has ended. */
        void stop() {
            op = Op.STOP;
            requested.release();
            boolean interrupted = false;
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        private void serve() {
            while (true) {
                requested.acquireUninterruptibly();
                Op what = op;
                if (what == Op.STOP) {
                    return; // the thread ends: a mutex it holds is abandoned by the OS
                }
                try {
                    if (what == Op.WAIT) {
                        result = shared.calls.await(handle, millis);
                    } else {
                        shared.calls.release(handle);
                        result = LockResult.ACQUIRED;
                    }
                } catch (RuntimeException e) {
                    failure = e;
                } catch (Error e) {
                    failure = new IllegalStateException("mutex call failed on its owner thread", e);
                } finally {
                    answered.release();
                }
            }
        }
    }
}
