package io.ffmipc.ffi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Links real C library functions: errno capture and the missing-symbol message. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class NativeBinderTest {
    private static final int EBADF = 9; // the same on Linux and macOS
    private final NativeBinder binder = new NativeBinder(Linker.nativeLinker().defaultLookup(), Target.current(),
            NativeBinderTest.class.getModule());

    @Test
    void errnoIsCapturedIntoTheCallState() throws Throwable {
        MethodHandle close = binder.bind(CFunction.of("int close(int fd)"));
        MemorySegment state = NativeBinder.callState();
        int rc = (int) close.invokeExact(state, -1);
        assertEquals(-1, rc);
        assertEquals(EBADF, binder.lastError(state));
    }

    @Test
    void noErrnoFunctionTakesNoCallState() throws Throwable {
        MethodHandle strlen = binder.bind(CFunction.noErrno("size_t strlen(const char *s)"));
        try (Arena arena = Arena.ofConfined()) {
            long n = (long) strlen.invokeExact(arena.allocateFrom("ffm-ipc"));
            assertEquals(7, n);
        }
    }

    @Test
    void callStateIsPerThread() throws InterruptedException {
        MemorySegment mine = NativeBinder.callState();
        assertSame(mine, NativeBinder.callState());
        AtomicReference<MemorySegment> other = new AtomicReference<>();
        Thread t = Thread.ofPlatform().start(() -> other.set(NativeBinder.callState()));
        t.join();
        assertNotSame(mine, other.get());
    }

    @Test
    void missingSymbolIsNamed() {
        UnsatisfiedLinkError e = assertThrows(UnsatisfiedLinkError.class,
                () -> binder.bind(CFunction.of("int ffmipc_no_such_function(int x)")));
        assertEquals("native symbol 'ffmipc_no_such_function' not found for " + Target.current()
                + " (int ffmipc_no_such_function(int x))", e.getMessage());
    }
}
