package io.ffmipc.ffi;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A C struct (or union) a binding lays out by hand. Each named member of the layout is a C field
 * of that name; unnamed padding stands for fields the binding does not use. The ABI check asserts
 * {@code sizeof}, {@code _Alignof} and {@code offsetof} of every named member against the header.
 */
public final class CStruct {
    private final String cName;
    private final Map<Target, StructLayout> layouts;

    private CStruct(String cName, Map<Target, StructLayout> layouts) {
        this.cName = cName;
        this.layouts = layouts;
    }

    /** One layout for every target listed. */
    public static CStruct of(String cName, StructLayout layout, Target... targets) {
        Map<Target, StructLayout> m = new EnumMap<>(Target.class);
        for (Target t : targets.length == 0 ? Target.values() : targets) {
            m.put(t, layout);
        }
        return new CStruct(cName, Collections.unmodifiableMap(m));
    }

    /** Layouts per target, given as pairs: {@code perTarget("struct stat", LINUX_X86_64, a, LINUX_AARCH64, b)}. */
    public static CStruct perTarget(String cName, Object... targetLayoutPairs) {
        if (targetLayoutPairs.length == 0 || targetLayoutPairs.length % 2 != 0) {
            throw new IllegalArgumentException(cName + ": give target/layout pairs");
        }
        Map<Target, StructLayout> m = new EnumMap<>(Target.class);
        for (int i = 0; i < targetLayoutPairs.length; i += 2) {
            Target t = TargetPairs.target(cName, targetLayoutPairs, i);
            if (!(targetLayoutPairs[i + 1] instanceof StructLayout l)) {
                throw new IllegalArgumentException(cName + ": argument " + (i + 1) + " must be a StructLayout, got "
                        + targetLayoutPairs[i + 1]);
            }
            m.put(t, l);
        }
        return new CStruct(cName, Collections.unmodifiableMap(m));
    }

    /** The C type name, such as {@code struct stat} or {@code SECURITY_ATTRIBUTES}. */
    public String cName() {
        return cName;
    }

    /** Whether the struct has a layout for {@code target}. */
    public boolean definedFor(Target target) {
        return layouts.containsKey(target);
    }

    /** The layout on {@code target}; {@link IllegalStateException} where it has none. */
    public StructLayout layout(Target target) {
        StructLayout l = layouts.get(target);
        if (l == null) {
            throw new IllegalStateException(cName + " has no layout for " + target);
        }
        return l;
    }

    /** The layout on the running target. */
    public StructLayout layout() {
        return layout(Target.current());
    }

    /** Offset of a named member on the running target. */
    public long offset(String field) {
        return layout().byteOffset(MemoryLayout.PathElement.groupElement(field));
    }

    /** The layout on each target that declares the struct. */
    public Map<Target, StructLayout> layouts() {
        return layouts;
    }
}
