package io.ffmipc.channel;

/** {@link ProcessStamp} for the container tests' peers (same package, so it stays package-private). */
public final class ProcessStamps {
    private ProcessStamps() {
    }

    /** This process's stamp, as the channel and the queue record it. */
    public static long self() {
        return new ProcessStamp(io.ffmipc.testkit.StructureMemory.seams(io.ffmipc.Ipc.platform()).processes()).self();
    }
}
