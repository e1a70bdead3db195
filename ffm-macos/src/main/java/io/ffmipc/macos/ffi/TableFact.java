package io.ffmipc.macos.ffi;

import io.ffmipc.ffi.Target;

import java.util.EnumSet;
import java.util.Set;

/**
 * A value a binding hardcodes that no C compiler can assert: the byte of a bit-field (C has no
 * {@code offsetof} for bit-fields), which word of an audit token holds the pid, a kernel limit, the
 * linker symbol a function is reached by, an address constant such as {@code SEM_FAILED}. It must
 * equal its row in the macOS facts table ({@code kind name targets value}), which cites its
 * source; the conformance test compares every {@code TableFact} field of the binding classes.
 *
 * @param kind    the table's kind: {@code member}, {@code limit}, {@code symbol}, {@code constant}
 * @param name    the table's name column
 * @param value   the table's value column, as written there
 * @param targets the macOS targets it holds on
 */
public record TableFact(String kind, String name, String value, Set<Target> targets) {
    private static final Set<Target> MACOS = Set.copyOf(EnumSet.of(Target.MACOS_ARM64, Target.MACOS_X86_64));

    public TableFact {
        targets = Set.copyOf(targets);
    }

    /** A byte range of a struct that C cannot name by {@code offsetof} (a bit-field, an array element). */
    public static TableFact member(String structDotMember, long offset, long size) {
        return new TableFact("member", structDotMember, "offset=" + offset + ";size=" + size, MACOS);
    }

    /** A kernel or library limit the C headers do not export (or export only privately). */
    public static TableFact limit(String name, long value) {
        return new TableFact("limit", name, Long.toString(value), MACOS);
    }

    /** A constant that is no integer constant expression in C ({@code (sem_t *)-1}). */
    public static TableFact constant(String name, long value) {
        return new TableFact("constant", name, Long.toString(value), MACOS);
    }

    /** The linker symbol of a function on one target, where it is not the function's own name. */
    public static TableFact symbol(String function, Target target, String symbol) {
        return new TableFact("symbol", function, symbol, Set.of(target));
    }

    /** The offset of a {@link #member} fact. */
    public long offset() {
        return number("offset");
    }

    /** The size of a {@link #member} fact. */
    public long size() {
        return number("size");
    }

    /** The value of a {@link #limit} or {@link #constant} fact. */
    public long longValue() {
        return Long.decode(value);
    }

    /** The value as an int (checked to fit). */
    public int intValue() {
        long v = longValue();
        if ((int) v != v) {
            throw new ArithmeticException(name + " = " + v + " does not fit an int");
        }
        return (int) v;
    }

    private long number(String key) {
        for (String part : value.split(";")) {
            if (part.startsWith(key + "=")) {
                return Long.decode(part.substring(key.length() + 1));
            }
        }
        throw new IllegalStateException(name + " has no " + key + " (" + value + ")");
    }
}
