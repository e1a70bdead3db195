package io.ffmipc.bench;

/** One row of the benchmark: a Java mechanism run over two JVMs, or a C reference peer. */
public interface Contender {

    String name();

    String title();

    /** The C reference this row is compared with, or {@code null}. */
    String cReference();

    /** Why it cannot run here, or {@code null}. */
    String unavailableReason();

    /** Runs one round; {@link BenchFailure} if a check fails or a side does not finish. */
    Figures runRound(Plan plan);
}
