package io.ffmipc.ffi;

import io.ffmipc.NativeAccessException;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Links {@link CFunction} declarations to downcall handles. A function that
 * {@linkplain CFunction#setsErrorCode() sets an error code} is linked with
 * {@code Linker.Option.captureCallState}, so its handle takes a capture segment as the first
 * argument: pass {@link #callState()}, which is per thread (one shared buffer would race).
 */
public final class NativeBinder {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final ThreadLocal<MemorySegment> CALL_STATE =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(CAPTURE_LAYOUT));

    private final SymbolLookup lookup;
    private final Target target;
    private final String stateName;
    private final long stateOffset;
    private final Module provider;

    /**
     * A binder for one native library on one target.
     *
     * @param lookup   where symbols are found
     * @param target   the running target (picks layouts and the captured state's name)
     * @param provider the provider module the binding belongs to: with this module, the one that
     *                 needs native access (see {@link NativeAccessCheck#flag(Module)})
     */
    public NativeBinder(SymbolLookup lookup, Target target, Module provider) {
        this.lookup = lookup;
        this.target = target;
        this.provider = Objects.requireNonNull(provider, "provider");
        this.stateName = target.isWindows() ? "GetLastError" : "errno";
        this.stateOffset = CAPTURE_LAYOUT.byteOffset(java.lang.foreign.MemoryLayout.PathElement.groupElement(stateName));
    }

    /** The target the binder picks layouts for. */
    public Target target() {
        return target;
    }

    /** The downcall handle for {@code f}; a missing symbol or denied native access is reported clearly. */
    public MethodHandle bind(CFunction f) {
        MemorySegment symbol = lookup.find(f.name()).orElseThrow(() -> new UnsatisfiedLinkError(
                "native symbol '" + f.name() + "' not found for " + target + " (" + f.prototype() + ")"));
        List<Linker.Option> options = new ArrayList<>();
        if (f.setsErrorCode()) {
            options.add(Linker.Option.captureCallState(stateName));
        }
        if (f.variadic()) {
            options.add(Linker.Option.firstVariadicArg(f.firstVariadicArg()));
        }
        try {
            return LINKER.downcallHandle(symbol, f.descriptor(target), options.toArray(Linker.Option[]::new));
        } catch (IllegalCallerException denied) {
            throw nativeAccessDenied(provider, denied);
        }
    }

    /** This thread's capture buffer, to pass as the first argument of an error-setting function. */
    public static MemorySegment callState() {
        return CALL_STATE.get();
    }

    /** The errno / GetLastError value the last call on this thread captured. */
    public int lastError(MemorySegment callState) {
        return callState.get(ValueLayout.JAVA_INT, stateOffset);
    }

    /**
     * What a downcall wrapper throws for the {@code Throwable} that {@code invokeExact} declares: a
     * runtime exception as it is, an error rethrown here, anything else (never expected) wrapped.
     */
    public static RuntimeException unchecked(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("unexpected checked exception from a downcall", t);
    }

    /** The exception for denied native access, naming the one flag that grants the library (and {@code provider}) it. */
    public static NativeAccessException nativeAccessDenied(Module provider, Throwable cause) {
        return new NativeAccessException(NativeAccessCheck.advice(provider), cause);
    }
}
