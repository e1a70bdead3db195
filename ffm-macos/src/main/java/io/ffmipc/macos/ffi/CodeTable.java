package io.ffmipc.macos.ffi;

import io.ffmipc.OsError;
import io.ffmipc.spi.ErrorKind;
import io.ffmipc.ffi.CConstant;
import io.ffmipc.ffi.Target;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The codes a class declares as {@link CConstant} fields (errno values, Mach return codes), by
 * value: each with its symbolic name and what it means to the portable error model. Built once
 * from the declarations, so a code and its name cannot disagree. Where two names share a value
 * (EAGAIN and EWOULDBLOCK, KERN_SUCCESS and BOOTSTRAP_SUCCESS) the first declared is the name.
 */
public final class CodeTable {
    private final Map<Integer, String> names;
    private final Map<Integer, ErrorKind> kinds;

    private CodeTable(Map<Integer, String> names, Map<Integer, ErrorKind> kinds) {
        this.names = Collections.unmodifiableMap(names);
        this.kinds = Collections.unmodifiableMap(kinds);
    }

    /**
     * Every static {@link CConstant} field of {@code declaring}, with the kinds given; a code not in
     * {@code kinds} is {@link ErrorKind#OTHER}.
     */
    static CodeTable of(Class<?> declaring, Map<CConstant, ErrorKind> kinds) {
        Map<Integer, String> names = new LinkedHashMap<>();
        for (Field f : declaring.getDeclaredFields()) {
            if (f.getType() == CConstant.class && Modifier.isStatic(f.getModifiers())) {
                CConstant c = read(f);
                names.putIfAbsent(code(c), c.macro());
            }
        }
        Map<Integer, ErrorKind> byCode = new HashMap<>();
        kinds.forEach((c, k) -> byCode.put(code(c), k));
        return new CodeTable(names, byCode);
    }

    private static CConstant read(Field f) {
        try {
            return (CConstant) f.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + f, e);
        }
    }

    /** The code's value, which must be the same on both macOS targets (these codes do not vary by arch). */
    static int code(CConstant c) {
        long arm = c.value(Target.MACOS_ARM64);
        if (arm != c.value(Target.MACOS_X86_64) || (int) arm != arm) {
            throw new IllegalStateException(c + ": a code must be one int on both macOS targets");
        }
        return (int) arm;
    }

    /** The symbolic name, or {@code "?"}. */
    public String symbol(int code) {
        return names.getOrDefault(code, "?");
    }

    /** What the code means to the portable error model. */
    public ErrorKind kind(int code) {
        return kinds.getOrDefault(code, ErrorKind.OTHER);
    }

    /** The OS error for a code, with the text the OS gave for it ({@code strerror}, {@code mach_error_string}). */
    public OsError osError(int code, String text) {
        return new OsError(code, symbol(code), text);
    }

    /** How many distinct codes have a name. */
    int size() {
        return names.size();
    }
}
