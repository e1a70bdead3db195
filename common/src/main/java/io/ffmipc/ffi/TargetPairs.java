package io.ffmipc.ffi;

/** Reads the target of a {@code perTarget(name, target, value, target, value, ...)} argument list. */
final class TargetPairs {
    private TargetPairs() {
    }

    /**
     * The target at {@code pairs[i]}; a misplaced argument or a target given twice is refused
     * naming the declaration, since a silent overwrite would hide a wrong binding value.
     */
    static Target target(String declaration, Object[] pairs, int i) {
        if (!(pairs[i] instanceof Target t)) {
            throw new IllegalArgumentException(declaration + ": argument " + i + " must be a Target, got " + pairs[i]);
        }
        for (int j = 0; j < i; j += 2) {
            if (pairs[j] == t) {
                throw new IllegalArgumentException(declaration + ": " + t + " is given twice");
            }
        }
        return t;
    }
}
