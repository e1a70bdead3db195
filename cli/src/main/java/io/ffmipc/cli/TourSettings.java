package io.ffmipc.cli;

import java.time.Duration;
import java.util.List;

/**
 * What the tour and its peer agree on: how many round trips each step measures after how many
 * warm-up exchanges, and how long either side waits for the other before giving up.
 */
record TourSettings(int rounds, int warmup, Duration timeout) {
    TourSettings {
        if (rounds < 1 || warmup < 0) {
            throw new IllegalArgumentException("rounds must be at least 1 and warm-up at least 0, got " + rounds + " and " + warmup);
        }
    }

    /** The peer's options that carry these settings. */
    List<String> asPeerOptions() {
        return List.of("--rounds=" + rounds, "--warmup=" + warmup, "--timeout=" + timeout.toMillis() + "ms");
    }
}
