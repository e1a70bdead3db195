package io.ffmipc.ffi;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A constant a binding hardcodes, under the C macro (or enumerator) name the ABI check compares it
 * with — or a C constant expression such as {@code sizeof(sem_t)} for an opaque type's size.
 * Values may differ by target; a target the constant has no value for does not use it.
 */
public final class CConstant {
    private final String macro;
    private final Map<Target, Long> values;

    private CConstant(String macro, Map<Target, Long> values) {
        this.macro = macro;
        this.values = values;
    }

    /** The same value on every target of the binding. */
    public static CConstant of(String macro, long value) {
        Map<Target, Long> v = new EnumMap<>(Target.class);
        for (Target t : Target.values()) {
            v.put(t, value);
        }
        return new CConstant(macro, Collections.unmodifiableMap(v));
    }

    /** Values per target, given as pairs: {@code perTarget("SYS_futex", LINUX_X86_64, 202, LINUX_AARCH64, 98)}. */
    public static CConstant perTarget(String macro, Object... targetValuePairs) {
        if (targetValuePairs.length == 0 || targetValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException(macro + ": give target/value pairs");
        }
        Map<Target, Long> v = new EnumMap<>(Target.class);
        for (int i = 0; i < targetValuePairs.length; i += 2) {
            Target t = TargetPairs.target(macro, targetValuePairs, i);
            if (!(targetValuePairs[i + 1] instanceof Number n)) {
                throw new IllegalArgumentException(macro + ": argument " + (i + 1) + " must be a number, got "
                        + targetValuePairs[i + 1]);
            }
            v.put(t, n.longValue());
        }
        return new CConstant(macro, Collections.unmodifiableMap(v));
    }

    /** The C macro's name, such as {@code O_CREAT}. */
    public String macro() {
        return macro;
    }

    /** Whether {@code target} has a value for this constant. */
    public boolean definedFor(Target target) {
        return values.containsKey(target);
    }

    /** The value on {@code target}. */
    public long value(Target target) {
        Long v = values.get(target);
        if (v == null) {
            throw new IllegalStateException(macro + " has no value for " + target);
        }
        return v;
    }

    /** The value on the running target, as an int (checked to fit). */
    public int intValue() {
        Target t = Target.current();
        long v = value(t);
        if ((int) v != v) {
            throw new ArithmeticException(macro + " = " + v + " on " + t + " does not fit an int");
        }
        return (int) v;
    }

    /** The value on the running target. */
    public long longValue() {
        return value(Target.current());
    }

    /** The value on each target that defines the macro. */
    public Map<Target, Long> values() {
        return values;
    }

    @Override
    public String toString() {
        return macro + "=" + values;
    }
}
