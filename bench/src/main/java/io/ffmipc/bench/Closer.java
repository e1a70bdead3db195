package io.ffmipc.bench;

import java.util.List;

/** Closes everything in a list, the first failure thrown after all were tried. */
final class Closer {
    private Closer() {
    }

    static void closeAll(List<? extends AutoCloseable> resources) {
        RuntimeException first = null;
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e instanceof RuntimeException re ? re : new BenchFailure("close failed", e);
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
