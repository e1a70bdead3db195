package io.ffmipc.core;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Hands over, in the background, the rest of messages that message pipes committed but could not
 * hand to the OS before their sender's time ran out. A pipe that is a byte stream underneath (the
 * framing macOS needs) may take only the beginning of a message; the message then counts as sent,
 * and its rest must reach the peer as soon as the peer reads — not only when the sender happens to
 * call the pipe again, or a sender that goes on to wait for its peer by other means would wait for
 * ever. One daemon thread for the whole process, started the first time it is needed (never where
 * the OS keeps messages whole: Linux {@code SOCK_SEQPACKET}, Windows message-mode pipes), parked
 * while it has nothing to do.
 */
final class PipeSendFlusher {
    /** Longest wait for room on one pipe before the thread looks at the next. */
    static final long SLICE_NANOS = 10_000_000L;
    /** Pause after a round in which nothing finished (a sender held its pipe, or none had room). */
    private static final long IDLE_NANOS = 1_000_000L;

    /** A pipe with something left to hand over. */
    interface Pending {
        /** One attempt of at most {@code nanos}: true when nothing is left, or nothing more can be done (closed, peer gone). */
        boolean flushSome(long nanos);
    }

    private static final Set<Pending> PENDING = ConcurrentHashMap.newKeySet();
    private static volatile Thread thread;

    private PipeSendFlusher() {
    }

    /** Makes sure what {@code pipe} has left is handed over. */
    static void hand(Pending pipe) {
        PENDING.add(pipe);
        LockSupport.unpark(started());
    }

    private static Thread started() {
        Thread t = thread;
        if (t == null) {
            synchronized (PipeSendFlusher.class) {
                t = thread;
                if (t == null) {
                    t = new Thread(PipeSendFlusher::run, "ffm-ipc pipe flusher");
                    t.setDaemon(true);
                    t.start();
                    thread = t;
                }
            }
        }
        return t;
    }

    private static void run() {
        while (true) {
            if (PENDING.isEmpty()) {
                LockSupport.park(); // hand() adds before it unparks, so no pipe is missed
                continue;
            }
            boolean finished = false;
            for (Pending p : PENDING) {
                boolean done;
                try {
                    done = p.flushSome(SLICE_NANOS);
                } catch (RuntimeException unexpected) {
                    done = true; // the pipe's own next call reports what is wrong with it
                }
                if (done) {
                    PENDING.remove(p);
                    finished = true;
                }
            }
            if (!finished) {
                LockSupport.parkNanos(IDLE_NANOS);
            }
        }
    }
}
