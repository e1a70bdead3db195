package io.ffmipc.macos;

import io.ffmipc.macos.ffi.LibSystem;
import io.ffmipc.posix.SystemVLimits;

import java.util.function.ToLongFunction;

/**
 * macOS's System V limits. Shared memory's are sysctls ({@code kern.sysv.shmmax}, 4 MiB by default);
 * the message queue limits are compiled into the kernel with no sysctl to read or raise them
 * (xnu's {@code bsd/kern/sysv_msg.c}): a queue holds 2048 bytes ({@code MSGMNB}), the whole system
 * 40 messages ({@code MSGTQL}) in at most 40 queues ({@code MSGMNI}), so every message error says so.
 */
final class MacosSysVLimits implements SystemVLimits {
    private static final long MSGMNB = LibSystem.MSGMNB.longValue();
    private static final long MSGMAX = LibSystem.MSGMAX.longValue();
    private static final long MSGTQL = LibSystem.MSGTQL.longValue();
    private static final long MSGMNI = LibSystem.MSGMNI.longValue();
    private static final String FIXED = "fixed when macOS's kernel is built, no sysctl changes it";
    private final ToLongFunction<String> sysctl;

    /** @param sysctl reads a numeric sysctl by name, -1 where there is none */
    MacosSysVLimits(ToLongFunction<String> sysctl) {
        this.sysctl = sysctl;
    }

    @Override
    public long maxSegmentSize() {
        long v = sysctl.applyAsLong("kern.sysv.shmmax");
        return v > 0 ? v : Long.MAX_VALUE; // unknown: let shmget itself refuse
    }

    /**
     * A message must fit its queue's {@code msg_qbytes}, which is {@code MSGMNB} (2048) unless root
     * raised it (up to {@code MSGMAX}, 16384): xnu's {@code msgsnd} fails a larger one with EINVAL.
     */
    @Override
    public long maxMessageSize() {
        return MSGMNB;
    }

    /** xnu's {@code semundo_adjust} fails a new undo entry past {@code kern.sysv.semume} with EINVAL. */
    @Override
    public String undoEntriesPerProcess() {
        long now = sysctl.applyAsLong("kern.sysv.semume");
        return "kern.sysv.semume (SEMUME: " + (now > 0 ? now : 10) + " SEM_UNDO entries per process; 10 by default)";
    }

    @Override
    public String shown(String name) {
        return switch (name) {
            case "msgmax" -> "msg_qbytes (" + MSGMNB + " bytes by default on macOS: MSGMNB; at most MSGMAX " + MSGMAX
                    + " where root raised it; and " + MSGTQL + " messages system-wide, MSGTQL; " + FIXED + ")";
            case "msgmnb" -> "MSGMNB (" + MSGMNB + " bytes per queue on macOS, " + FIXED + ")";
            case "msgmni" -> "MSGMNI (" + MSGMNI + " queues on macOS, " + FIXED + ")";
            default -> "kern.sysv." + name + " (now " + sysctl.applyAsLong("kern.sysv." + name) + ")";
        };
    }
}
