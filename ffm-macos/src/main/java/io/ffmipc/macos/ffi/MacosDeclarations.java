package io.ffmipc.macos.ffi;

import io.ffmipc.ffi.CConstant;
import io.ffmipc.ffi.CFunction;
import io.ffmipc.ffi.CStruct;
import io.ffmipc.ffi.Target;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The libSystem declarations by C name, as the POSIX layer asks for them
 * ({@code constant("O_CREAT")}, {@code struct("struct stat")}, {@code has("semtimedop")}), with the
 * values of one macOS target. Pure data read once from {@link LibSystem} and {@link Errno}: it links
 * nothing, so tests on any OS check that every name the layer asks for is declared here.
 *
 * <p>Constants include the {@link TableFact} constants ({@code SEM_FAILED} is {@code (sem_t *) -1},
 * which no compiler can assert). A function is present when {@link LibSystem} declares it: the
 * optional functions of the layer ({@code sem_clockwait}, {@code sem_timedwait}, {@code semtimedop},
 * {@code accept4}, {@code posix_fallocate}, {@code posix_spawn_file_actions_addclosefrom_np}, the
 * {@code mq_*} calls) exist on no macOS, so the layer takes its portable way for each.
 */
public final class MacosDeclarations {
    private static final Map<String, CConstant> CONSTANTS = new HashMap<>();
    private static final Map<String, TableFact> FACT_CONSTANTS = new HashMap<>();
    private static final Map<String, CStruct> STRUCTS = new HashMap<>();
    private static final Set<String> FUNCTIONS = new HashSet<>();

    static {
        for (Class<?> c : new Class<?>[] {LibSystem.class, Errno.class}) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) || !Modifier.isPublic(f.getModifiers())) {
                    continue;
                }
                Object v = read(f);
                if (v instanceof CConstant k) {
                    CONSTANTS.putIfAbsent(k.macro(), k);
                } else if (v instanceof TableFact t && t.kind().equals("constant")) {
                    FACT_CONSTANTS.put(t.name(), t);
                } else if (v instanceof CStruct s) {
                    STRUCTS.put(s.cName(), s);
                } else if (v instanceof CFunction fn) {
                    FUNCTIONS.add(fn.name());
                }
            }
        }
    }

    private final Target target;

    /** The declarations with the values of {@code target} (a macOS target). */
    public MacosDeclarations(Target target) {
        if (!target.isMacos()) {
            throw new IllegalArgumentException("the macOS declarations were asked for " + target);
        }
        this.target = target;
    }

    public Target target() {
        return target;
    }

    /** A macro's value on this target; {@link IllegalArgumentException} naming it if libSystem's binding declares none. */
    public int constant(String macro) {
        CConstant c = CONSTANTS.get(macro);
        long v;
        if (c != null) {
            v = c.value(target);
        } else {
            TableFact t = FACT_CONSTANTS.get(macro);
            if (t == null) {
                throw new IllegalArgumentException("the macOS binding declares no constant " + macro);
            }
            v = t.longValue();
        }
        if (v < Integer.MIN_VALUE || v > 0xFFFF_FFFFL) { // an unsigned 32-bit value is kept as its bits
            throw new ArithmeticException(macro + " = " + v + " on " + target + " does not fit an int");
        }
        return (int) v;
    }

    public boolean hasConstant(String macro) {
        return CONSTANTS.containsKey(macro) || FACT_CONSTANTS.containsKey(macro);
    }

    /** A struct's declaration; {@link IllegalArgumentException} naming it if none is declared. */
    public CStruct struct(String cName) {
        CStruct s = STRUCTS.get(cName);
        if (s == null) {
            throw new IllegalArgumentException("the macOS binding declares no " + cName);
        }
        return s;
    }

    /** Whether libSystem has the function on every macOS the provider supports (the binding declares it). */
    public boolean has(String function) {
        return FUNCTIONS.contains(function);
    }

    /**
     * The value of a constant that is the same on both macOS targets (Mach and errno codes, flags),
     * whatever OS runs: code that tests read on Linux must not ask {@code CConstant.intValue()}, which
     * is the running target's.
     */
    public static int value(CConstant c) {
        long v = c.value(Target.MACOS_ARM64);
        if (v != c.value(Target.MACOS_X86_64) || v < Integer.MIN_VALUE || v > 0xFFFF_FFFFL) {
            throw new IllegalStateException(c + " is not one 32-bit value on both macOS targets");
        }
        return (int) v; // an unsigned 32-bit value (MACH_MSGH_BITS_COMPLEX) is kept as its bits
    }

    /** Every struct name declared, for the tests that match them against what the layer asks. */
    static Set<String> structNames() {
        return Collections.unmodifiableSet(STRUCTS.keySet());
    }

    private static Object read(Field f) {
        try {
            return f.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + f, e);
        }
    }
}
