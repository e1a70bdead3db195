package io.ffmipc.channel;

import io.ffmipc.ChannelCorruptedException;
import io.ffmipc.IpcException;
import io.ffmipc.SharedMemory;
import io.ffmipc.spi.PlatformSeams;
import io.ffmipc.spi.PresenceSeam;
import io.ffmipc.spi.PresenceSlots;

import java.lang.foreign.MemorySegment;
import java.util.Optional;

import static io.ffmipc.channel.Shared.LONG;

/**
 * How the handles of one channel or portable queue tell whether another handle still lives: the
 * rule its creator chose, recorded in its header, so every handle of it follows the same one.
 * <ul>
 *   <li>{@link #PRESENCE}: each handle holds a presence slot of the shared memory object
 *       ({@link PresenceSeam}), which the OS ends when the handle closes or its process dies; a
 *       handle lives while its slot is held. True in any pid namespace.</li>
 *   <li>{@link #STAMPS}, where the platform offers no presence seam: a handle lives while a process
 *       with the pid and start time it recorded runs ({@link ProcessStamp}). True only where all the
 *       processes sharing the memory see one pid namespace: across pid namespaces the pid names
 *       another process or none.</li>
 * </ul>
 * The channel's pid words hold process stamps under both rules: messages name the peer's pid (as
 * its own pid namespace numbers it). Nothing here runs on a hot path: at open, at close, and when a
 * waiting call has waited a while.
 */
abstract sealed class Liveness permits Liveness.Stamps, Liveness.Presence {
    /** Rule code: pid and start time. */
    static final int STAMPS = 1;
    /** Rule code: presence slots of the provider's {@link PresenceSeam}. */
    static final int PRESENCE = 2;

    final ProcessStamp stamps;

    private Liveness(ProcessStamp stamps) {
        this.stamps = stamps;
    }

    /** The rule a creator records: presence where the platform offers it. */
    static int ruleFor(PlatformSeams seams) {
        return seams.presence().isPresent() ? PRESENCE : STAMPS;
    }

    /**
     * The handle {@code memory}'s liveness under the rule its header records.
     *
     * @throws ChannelCorruptedException the code is no rule
     * @throws IpcException              the rule is presence and this platform offers none
     */
    static Liveness of(int rule, PlatformSeams seams, SharedMemory memory, String operation, String what,
                       String name) {
        ProcessStamp stamps = new ProcessStamp(seams.processes());
        if (rule == STAMPS) {
            return new Stamps(stamps);
        }
        if (rule != PRESENCE) {
            throw new ChannelCorruptedException(operation, what, name, "header liveness rule", rule,
                    "it must be " + STAMPS + " (pid and start time) or " + PRESENCE + " (presence slots)");
        }
        Optional<PresenceSeam> seam = seams.presence();
        if (seam.isEmpty()) {
            throw new IpcException(operation, name, null, "its creator tells live handles by presence slots"
                    + " (kernel-released locks), which this platform does not offer; open it with the provider that"
                    + " created it");
        }
        return new Presence(stamps, seam.get().slots(memory));
    }

    /** The code recorded in the header. */
    abstract int rule();

    /**
     * Channel: takes {@code slot} (whose process stamp is the word at {@code wordOffset}) for this
     * handle, writing this process's stamp there; {@code false} if a live handle has it.
     */
    abstract boolean claim(MemorySegment seg, long wordOffset, long slot);

    /** Channel: whether the handle in {@code slot}, whose word holds {@code stamp} (positive: open), lives. */
    abstract boolean alive(long slot, long stamp);

    /** Gives up a slot this handle claimed (when it closes). */
    abstract void release(long slot);

    /**
     * Queue: this handle's token for the words that name a handle (never 0), taking a presence slot
     * from the counter at {@code counterOffset} where the rule needs one.
     */
    abstract long enter(MemorySegment seg, long counterOffset, String operation, String name);

    /** Queue: whether the handle whose token is {@code token} lives. */
    abstract boolean holderAlive(long token);

    /** Queue: ends what {@link #enter} took. */
    abstract void leave();

    /** Pid and start time in the words themselves. */
    static final class Stamps extends Liveness {
        Stamps(ProcessStamp stamps) {
            super(stamps);
        }

        @Override
        int rule() {
            return STAMPS;
        }

        @Override
        boolean claim(MemorySegment seg, long wordOffset, long slot) {
            long word = (long) LONG.getVolatile(seg, wordOffset);
            return (word <= 0 || !stamps.alive(word)) && LONG.compareAndSet(seg, wordOffset, word, stamps.self());
        }

        @Override
        boolean alive(long slot, long stamp) {
            return stamps.alive(stamp);
        }

        @Override
        void release(long slot) {
            // nothing is held: the word's sign says closed
        }

        @Override
        long enter(MemorySegment seg, long counterOffset, String operation, String name) {
            return stamps.self();
        }

        @Override
        boolean holderAlive(long token) {
            return stamps.alive(token);
        }

        @Override
        void leave() {
        }
    }

    /**
     * Presence slots. A queue handle's slot comes from a counter that only grows, so a slot is
     * never held by two handles in turn and a token names one handle for the object's life: a turn
     * left by a dead handle cannot look held by a later one.
     */
    static final class Presence extends Liveness {
        /** How many slots a queue handle tries before it reports the counter corrupted. */
        private static final int ENTER_ATTEMPTS = 64;
        private final PresenceSlots slots;
        private long entered = -1;

        Presence(ProcessStamp stamps, PresenceSlots slots) {
            super(stamps);
            this.slots = slots;
        }

        @Override
        int rule() {
            return PRESENCE;
        }

        @Override
        boolean claim(MemorySegment seg, long wordOffset, long slot) {
            // The hold is the claim (the kernel's, atomic); the word follows for messages and for
            // the sign that says "closed". Held first, so a positive word always had a holder.
            if (!slots.tryHold(slot)) {
                return false;
            }
            LONG.setVolatile(seg, wordOffset, stamps.self());
            return true;
        }

        @Override
        boolean alive(long slot, long stamp) {
            return slots.heldByAnother(slot);
        }

        @Override
        void release(long slot) {
            slots.release(slot);
        }

        @Override
        long enter(MemorySegment seg, long counterOffset, String operation, String name) {
            for (int attempt = 0; attempt < ENTER_ATTEMPTS; attempt++) {
                long slot = (long) LONG.getAndAdd(seg, counterOffset, 1L);
                if (slot < 0 || slot >= PresenceSlots.MAX_SLOT) {
                    throw new ChannelCorruptedException(operation, "message queue", name, "presence slot counter",
                            slot, "it counts up from 0 and stays below " + PresenceSlots.MAX_SLOT);
                }
                if (slots.tryHold(slot)) {
                    entered = slot;
                    return slot + 1;
                }
                // Held already: the counter was set back (only a hostile writer does that); take the next.
            }
            throw new ChannelCorruptedException(operation, "message queue", name, "presence slot counter",
                    (long) LONG.getVolatile(seg, counterOffset), ENTER_ATTEMPTS
                            + " slots in a row from it were held by other handles: it was set back");
        }

        @Override
        boolean holderAlive(long token) {
            return token >= 1 && token - 1 < PresenceSlots.MAX_SLOT && slots.heldByAnother(token - 1);
        }

        @Override
        void leave() {
            if (entered >= 0) {
                slots.release(entered);
                entered = -1;
            }
        }
    }
}
