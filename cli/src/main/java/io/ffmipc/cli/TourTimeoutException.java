package io.ffmipc.cli;

/** One side of the tour waited longer than the tour's timeout for the other. */
final class TourTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TourTimeoutException(String message) {
        super(message);
    }
}
