package io.ffmipc.bench;

/** A run that cannot be trusted: a wrong sequence number, a silent peer, a peer that failed. */
public class BenchFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BenchFailure(String message) {
        super(message);
    }

    public BenchFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
