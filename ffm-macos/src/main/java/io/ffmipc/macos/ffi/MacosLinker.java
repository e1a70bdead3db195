package io.ffmipc.macos.ffi;

import io.ffmipc.ffi.CFunction;
import io.ffmipc.ffi.NativeBinder;
import io.ffmipc.ffi.Target;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * Binds the declarations of this package to downcall handles on a macOS target: each function
 * under its symbol ({@link Symbols}), with errno captured and the variadic split as declared
 * ({@link NativeBinder}). Two lookups differ from binding: {@link #optional} for functions a macOS
 * version may lack (os_sync before 14.4, never linked unconditionally), and {@link #globalInt}
 * for the 4-byte globals a Mach task starts with.
 */
public final class MacosLinker {
    private final SymbolLookup lookup;
    private final NativeBinder binder;

    /**
     * @param lookup where libSystem's symbols are found (the default lookup on macOS)
     * @param target the running macOS target
     */
    public MacosLinker(SymbolLookup lookup, Target target) {
        if (!target.isMacos()) {
            throw new IllegalArgumentException("the macOS bindings were asked to link for " + target);
        }
        this.lookup = Symbols.renaming(lookup, target);
        this.binder = new NativeBinder(this.lookup, target, MacosLinker.class.getModule());
    }

    /** The macOS target these handles are for. */
    public Target target() {
        return binder.target();
    }

    /** The errno a handle of this linker captured into {@code callState} ({@link NativeBinder#callState()}). */
    public int lastError(MemorySegment callState) {
        return binder.lastError(callState);
    }

    /** The handle for a function every supported macOS has; a missing symbol is an UnsatisfiedLinkError naming it. */
    public MethodHandle bind(CFunction f) {
        return binder.bind(f);
    }

    /** The handle for a function this macOS may lack, or empty when it does (looked up now, never assumed). */
    public Optional<MethodHandle> optional(CFunction f) {
        return lookup.find(f.name()).isPresent() ? Optional.of(binder.bind(f)) : Optional.empty();
    }

    /** The value of a 4-byte global such as {@code mach_task_self_} or {@code bootstrap_port}. */
    public int globalInt(String name) {
        MemorySegment symbol = lookup.find(name).orElseThrow(() -> new UnsatisfiedLinkError(
                "native global '" + name + "' not found for " + binder.target()));
        return symbol.reinterpret(ValueLayout.JAVA_INT.byteSize()).get(ValueLayout.JAVA_INT, 0);
    }
}
