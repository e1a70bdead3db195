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
 * The processes in a channel's header, as {@link ProcessStamp}s (pid and start time): who has it
 * open, who closed it ({@code -stamp}), and whether a process that never closed is still alive
 * (through {@link ProcessHandle}, portable JDK API). Not on any hot path: it runs at open, at
 * close and while a blocking call has waited a while. The start time in the stamp means a dead
 * peer whose pid was reused is still seen as dead.
 */
final class PeerTable {
    private final MemorySegment header;
    private final String name;
    private final ProcessStamp stamps;
    private final long self;

    PeerTable(MemorySegment header, String name, ProcessStamp stamps) {
        this.stamps = stamps;
        this.self = stamps.self();
        this.header = header;
        this.name = name;
    }

    long self() {
        return self;
    }

    void markCreatorOpen() {
        LONG.setVolatile(header, (long) CREATOR_PID_OFFSET, self);
    }

    void markCreatorClosed() {
        LONG.setVolatile(header, (long) CREATOR_PID_OFFSET, -self);
    }

    /** Takes an opener slot (SPSC: the only one); returns its index. */
    int claimOpenerSlot(ChannelMode mode) {
        int slots = mode == ChannelMode.SPSC ? 1 : OPENER_SLOTS;
        for (int attempt = 0; attempt < 100; attempt++) {
            for (int i = 0; i < slots; i++) {
                long off = ChannelHeaderDescriptor.openerPidOffset(i);
                long pid = (long) LONG.getVolatile(header, off);
                if ((pid <= 0 || !stamps.alive(pid)) && LONG.compareAndSet(header, off, pid, self)) {
                    return i;
                }
            }
            if (mode == ChannelMode.SPSC) {
                long holder = (long) LONG.getVolatile(header, ChannelHeaderDescriptor.openerPidOffset(0));
                if (holder > 0 && stamps.alive(holder)) {
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
    }

    /** The creator as the openers see it. */
    PeerState creatorState() {
        return stateOf((long) LONG.getVolatile(header, (long) CREATOR_PID_OFFSET));
    }

    long creatorPid() {
        return ProcessStamp.pid(Math.abs((long) LONG.getVolatile(header, (long) CREATOR_PID_OFFSET)));
    }

    /** The openers as the creator sees them: connected if any is; else dead if any died; else closed. */
    PeerState openersState() {
        PeerState best = PeerState.NOT_CONNECTED;
        for (int i = 0; i < OPENER_SLOTS; i++) {
            PeerState s = stateOf((long) LONG.getVolatile(header, ChannelHeaderDescriptor.openerPidOffset(i)));
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
            if (pid > 0 && !stamps.alive(pid)) {
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

    private PeerState stateOf(long pid) {
        if (pid == 0) {
            return PeerState.NOT_CONNECTED;
        }
        if (pid < 0) {
            return PeerState.CLOSED;
        }
        return stamps.alive(pid) ? PeerState.CONNECTED : PeerState.DEAD;
    }
}
