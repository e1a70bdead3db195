package io.ffmipc.macos.ffi;

import io.ffmipc.ffi.CFunction;
import io.ffmipc.ffi.Target;
import io.ffmipc.testkit.abi.AbiDeclarations;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Test-only: every function the macOS bindings declare as a real native function pointer on the
 * machine running the tests (an upcall stub per declaration, with the declared C shape of a macOS
 * target of the host's architecture), answered by Java: so the binding's code — its
 * {@code invokeExact} types, arguments, struct reads and errno handling — runs for real on Linux.
 * Each call is recorded; a function answers what {@link #answer} set (default: zero of its return
 * type). An answer may set errno ({@link #setErrno}), which the downcall's capture then reads: the
 * host C library's errno is the one captured.
 */
public final class FakeLibSystem implements SymbolLookup, AutoCloseable {
    /** The macOS target whose calling convention is the host's (both are the host's architecture). */
    public static final Target TARGET = "aarch64".equals(System.getProperty("os.arch")) ? Target.MACOS_ARM64
            : Target.MACOS_X86_64;

    /** One recorded call: the function and its Java arguments. */
    record Call(String function, List<Object> args) {
        Object arg(int i) {
            return args.get(i);
        }
    }

    private static final MethodHandle DISPATCH;
    private static final MethodHandle ERRNO_LOCATION = Linker.nativeLinker().downcallHandle(
            Linker.nativeLinker().defaultLookup().find("__errno_location").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.ADDRESS));

    static {
        try {
            DISPATCH = MethodHandles.lookup().findVirtual(FakeLibSystem.class, "dispatch",
                    MethodType.methodType(Object.class, String.class, Object[].class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Arena arena = Arena.ofShared();
    private final Map<String, MemorySegment> symbols = new HashMap<>();
    private final Map<String, Class<?>> returnTypes = new HashMap<>();
    private final Map<String, Function<Object[], Object>> answers = new ConcurrentHashMap<>();
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private volatile Throwable failure;

    public FakeLibSystem() {
        for (var binding : AbiDeclarations.scanModuleOf(LibSystem.class)) {
            for (var fact : binding.facts()) {
                // Two declarations of one variadic function (fcntl, semctl): the stub takes the pointer
                // form, whose 8-byte slot also carries the int form's value in its low half.
                if (fact.declaration() instanceof CFunction f && (!symbols.containsKey(Symbols.of(f, TARGET))
                        || f.variadicTypes().contains("void *"))) {
                    FunctionDescriptor d = f.descriptor(TARGET);
                    MethodType type = d.toMethodType();
                    MethodHandle target = MethodHandles.insertArguments(DISPATCH, 0, this, f.name())
                            .asCollector(Object[].class, type.parameterCount())
                            .asType(type);
                    symbols.put(Symbols.of(f, TARGET), Linker.nativeLinker().upcallStub(target, d, arena));
                    returnTypes.put(f.name(), type.returnType());
                }
            }
        }
        for (String global : List.of("mach_task_self_", "bootstrap_port")) {
            symbols.put(global, arena.allocate(ValueLayout.JAVA_INT));
        }
    }

    /** Makes {@code function} answer what {@code answer} computes from the call's arguments. */
    FakeLibSystem answer(String function, Function<Object[], Object> answer) {
        answers.put(function, answer);
        return this;
    }

    /** Sets the host's errno, for an answer that fails: the binding's capture reads it after the call. */
    static void setErrno(int value) {
        try {
            MemorySegment at = ((MemorySegment) ERRNO_LOCATION.invokeExact()).reinterpret(4);
            at.set(ValueLayout.JAVA_INT, 0, value);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** A global's cell ({@code mach_task_self_}). */
    MemorySegment global(String name) {
        return symbols.get(name);
    }

    /** The calls made to {@code function}, in order. */
    List<Call> calls(String function) {
        synchronized (calls) {
            return calls.stream().filter(c -> c.function().equals(function)).toList();
        }
    }

    /** An answer that threw: an exception must not cross an upcall (it would end the JVM), so it is kept here. */
    Throwable failure() {
        return failure;
    }

    @Override
    public Optional<MemorySegment> find(String name) {
        return Optional.ofNullable(symbols.get(name));
    }

    @SuppressWarnings("unused") // the upcall target
    private Object dispatch(String function, Object[] args) {
        calls.add(new Call(function, List.of(args)));
        Class<?> r = returnTypes.get(function);
        try {
            Function<Object[], Object> a = answers.get(function);
            Object v = a != null ? a.apply(args) : null;
            return v != null ? v : zero(r);
        } catch (Throwable t) {
            failure = t;
            return zero(r);
        }
    }

    private static Object zero(Class<?> type) {
        if (type == int.class) {
            return 0;
        } else if (type == long.class) {
            return 0L;
        } else if (type == short.class) {
            return (short) 0;
        } else if (type == MemorySegment.class) {
            return MemorySegment.NULL;
        }
        return null;
    }

    /** A C string for an answer to return (lives as long as this fake). */
    MemorySegment cString(String s) {
        return arena.allocateFrom(s);
    }

    /** Memory for an answer (lives as long as this fake). */
    MemorySegment allocate(MemoryLayout layout) {
        return arena.allocate(layout);
    }

    @Override
    public void close() {
        arena.close();
    }
}
