package io.ffmipc.channel;

import io.ffmipc.spi.ProcessSeam;

/**
 * Process identities that survive pid reuse, each in one 64-bit word of shared memory: the pid in
 * the low 32 bits and, above it, 31 bits of the process's start time as the OS reports it
 * ({@link ProcessSeam#startKey}); 0 there where the OS does not say. A stamp is alive only if a
 * process with that pid runs <em>and</em> started at that time, so a dead peer whose pid was
 * handed to a new process is seen as dead. Positive always; callers keep the sign (the channel
 * stores {@code -stamp} for "closed").
 *
 * <p>A stamp tells liveness only where both processes see one pid namespace; the channel and the
 * queue judge by it only where the platform has no presence seam ({@link Liveness#STAMPS}), and
 * otherwise keep it for messages.
 */
final class ProcessStamp {
    private final ProcessSeam processes;
    private final long self;

    ProcessStamp(ProcessSeam processes) {
        this.processes = processes;
        this.self = of(ProcessHandle.current().pid());
    }

    /** This process's stamp. */
    long self() {
        return self;
    }

    /** The stamp of the process that runs under {@code pid} now. */
    long of(long pid) {
        return (processes.startKey(pid) << 32) | (pid & 0xFFFF_FFFFL);
    }

    /** The pid in a stamp (for messages and liveness). */
    static long pid(long stamp) {
        return stamp & 0xFFFF_FFFFL;
    }

    /** Whether the process the stamp names still runs: same pid and, where known, same start time. */
    boolean alive(long stamp) {
        if (stamp == self) {
            return true;
        }
        long pid = pid(stamp);
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        long key = stamp >>> 32;
        long now = processes.startKey(pid);
        return key == 0 || now == 0 || now == key;
    }
}
