package io.ffmipc.bench;

/** A message arrived out of order, twice, torn or of the wrong length: the run fails. */
public final class SequenceException extends BenchFailure {
    private static final long serialVersionUID = 1L;

    public SequenceException(String message) {
        super(message);
    }
}
