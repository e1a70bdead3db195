package io.ffmipc.channel;

import io.ffmipc.ChannelMode;
import io.ffmipc.IpcException;
import io.ffmipc.IpcLimitException;
import io.ffmipc.PeerState;

import java.lang.foreign.MemorySegment;

import static io.ffmipc.channel.ChannelHeaderDescriptor.CREATOR_PID_OFFSET;
import static io.ffmipc.channel.ChannelHeaderDescriptor.OPENER_SLOTS;
import static io.ffmipc.channel.Shared.LONG;

/**
 * The handles in a channel's header: who has it open (a process stamp, pid and start time, in the
 * creator's word and in each opener slot's), who closed it ({@code -stamp}), and whether a handle
 * that never closed still lives — by the channel's {@link Liveness} rule: its presence slot held
 * (the creator's is slot 0, opener slot {@code i}'s is slot {@code 1 + i}), or, where the platform
 * has no presence, a process with that pid and start time running. Not on any hot path: it runs
 * at open, at close and while a blocking call has waited a while.
 */
final class PeerTable {
    /** The creator's presence slot; opener slot {@code i} holds {@code 1 + i}. */
    static final int CREATOR_SLOT = 0;

    private final MemorySegment header;
    private final String name;
    private final Liveness liveness;
    private final long self;

    PeerTable(MemorySegment header, String name, Liveness liveness) {
        this.liveness = liveness;
        this.self = liveness.stamps.self();
        this.header = header;
        this.name = name;
    }

    private static long presenceSlot(int openerSlot) {
        return 1L + openerSlot;
    }

    long self() {
        return self;
    }

    void markCreatorOpen() {
        if (!liveness.claim(header, CREATOR_PID_OFFSET, CREATOR_SLOT)) {
            throw new IpcException("create channel", name, null, "another handle holds the creator's presence slot"
                    + " of the channel it just created");
        }
    }

    void markCreatorClosed() {
        LONG.setVolatile(header, (long) CREATOR_PID_OFFSET, -self);
        liveness.release(CREATOR_SLOT);
    }

    /** Takes an opener slot (SPSC: the only one); returns its index. */
    int claimOpenerSlot(ChannelMode mode) {
        int slots = mode == ChannelMode.SPSC ? 1 : OPENER_SLOTS;
        for (int attempt = 0; attempt < 100; attempt++) {
            for (int i = 0; i < slots; i++) {
                if (liveness.claim(header, ChannelHeaderDescriptor.openerPidOffset(i), presenceSlot(i))) {
                    return i;
                }
            }
            if (mode == ChannelMode.SPSC) {
                long holder = (long) LONG.getVolatile(header, ChannelHeaderDescriptor.openerPidOffset(0));
                if (holder > 0 && liveness.alive(presenceSlot(0), holder)) {
                    throw new IpcException("open channel", name, null, "an SPSC channel has one opener and process "
                            + ProcessStamp.pid(holder) + " has it open; use ChannelMode.MPSC for several senders");
                }
            }
        }
        throw new IpcLimitException("open channel", name, null, "all " + slots
                + " opener slots are taken by live processes");
    }

    void markOpenerClosed(int slot) {
        LONG.compareAndSet(header, ChannelHeaderDescriptor.openerPidOffset(slot), self, -self);
        liveness.release(presenceSlot(slot));
    }

    /** The creator as the openers see it. */
    PeerState creatorState() {
        return stateOf(CREATOR_SLOT, (long) LONG.getVolatile(header, (long) CREATOR_PID_OFFSET));
    }

    long creatorPid() {
        return ProcessStamp.pid(Math.abs((long) LONG.getVolatile(header, (long) CREATOR_PID_OFFSET)));
    }

    /** The openers as the creator sees them: connected if any is; else dead if any died; else closed. */
    PeerState openersState() {
        PeerState best = PeerState.NOT_CONNECTED;
        for (int i = 0; i < OPENER_SLOTS; i++) {
            PeerState s = stateOf(presenceSlot(i), (long) LONG.getVolatile(header, ChannelHeaderDescriptor.openerPidOffset(i)));
            if (s == PeerState.CONNECTED) {
                return s;
            }
            if (s == PeerState.DEAD || (s == PeerState.CLOSED && best == PeerState.NOT_CONNECTED)) {
                best = s;
            }
        }
        return best;
    }

    /** An opener pid that died without closing, or 0. */
    long deadOpener() {
        for (int i = 0; i < OPENER_SLOTS; i++) {
            long pid = (long) LONG.getVolatile(header, ChannelHeaderDescriptor.openerPidOffset(i));
            if (pid > 0 && !liveness.alive(presenceSlot(i), pid)) {
                return ProcessStamp.pid(pid);
            }
        }
        return 0;
    }

    /** Any opener pid that had the channel (for messages), or 0. */
    long someOpener() {
        for (int i = 0; i < OPENER_SLOTS; i++) {
            long pid = (long) LONG.getVolatile(header, ChannelHeaderDescriptor.openerPidOffset(i));
            if (pid != 0) {
                return ProcessStamp.pid(Math.abs(pid));
            }
        }
        return 0;
    }

    private PeerState stateOf(long presenceSlot, long pid) {
        if (pid == 0) {
            return PeerState.NOT_CONNECTED;
        }
        if (pid < 0) {
            return PeerState.CLOSED;
        }
        return liveness.alive(presenceSlot, pid) ? PeerState.CONNECTED : PeerState.DEAD;
    }
}
