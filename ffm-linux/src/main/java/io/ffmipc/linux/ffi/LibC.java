package io.ffmipc.linux.ffi;

import io.ffmipc.spi.abi.CFunction;
import io.ffmipc.spi.abi.NativeBinder;
import io.ffmipc.spi.abi.Target;

import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The binding to glibc: every libc function, constant and struct layout the Linux provider uses,
 * declared once. Declarations ({@link CFunction}, {@link io.ffmipc.spi.abi.CConstant},
 * {@link io.ffmipc.spi.abi.CStruct}) are public static fields so the ABI check can enumerate and
 * compile them against the real headers of linux-x86_64 and linux-aarch64.
 *
 * <p>Functions that set errno take this thread's capture segment ({@link NativeBinder#callState()})
 * first; read the code with {@link #errno(MemorySegment)} after a failed call.
 */
public final class LibC {
    private LibC() {
    }

    /** The running target; bindings choose arch-specific values and layouts by it. */
    public static final Target TARGET = requireLinux(Target.current());

    static final NativeBinder BINDER = new NativeBinder(Linker.nativeLinker().defaultLookup(), TARGET,
            "io.ffmipc.linux");

    // ---------------------------------------------------------------- general
    public static final CFunction CLOSE = CFunction.of("int close(int fd)");
    public static final CFunction STRERROR = CFunction.noErrno("char *strerror(int errnum)");

    private static final MethodHandle close = BINDER.bind(CLOSE);
    private static final MethodHandle strerror = BINDER.bind(STRERROR);

    /** The errno captured by the last error-setting call on this thread into {@code state}. */
    public static int errno(MemorySegment state) {
        return BINDER.lastError(state);
    }

    public static int close(MemorySegment state, int fd) {
        try {
            return (int) close.invokeExact(state, fd);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** The C library's text for an errno value. glibc returns static strings for known codes. */
    public static String strerror(int errnum) {
        try {
            MemorySegment s = (MemorySegment) strerror.invokeExact(errnum);
            return s.reinterpret(1024).getString(0);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    // ---------------------------------------------------------------- section shm (shared memory, files, stat)

    // ---------------------------------------------------------------- section sync (semaphores, eventfd, spawn)

    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("unexpected checked exception from a downcall", t);
    }

    private static Target requireLinux(Target t) {
        if (t == null || !t.isLinux()) {
            throw new IllegalStateException("the Linux binding was loaded on " + System.getProperty("os.name")
                    + "/" + System.getProperty("os.arch"));
        }
        return t;
    }
}
