package io.ffmipc.ffi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.ValueLayout;
import java.util.List;

import static io.ffmipc.ffi.Target.LINUX_X86_64;
import static io.ffmipc.ffi.Target.MACOS_ARM64;
import static io.ffmipc.ffi.Target.WINDOWS_X64;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CFunctionTest {

    @Test
    void parsesNameTypesAndParameterNames() {
        CFunction f = CFunction.of("void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset)");
        assertEquals("mmap", f.name());
        assertEquals("void *", f.returnType());
        assertEquals(List.of("void *", "size_t", "int", "int", "int", "off_t"), f.parameterTypes());
        assertEquals(List.of("addr", "length", "prot", "flags", "fd", "offset"), f.parameterNames());
        assertFalse(f.variadic());
        assertEquals(List.of(), f.variadicTypes());
        assertTrue(f.setsErrorCode());
        assertEquals(-1, f.firstVariadicArg());
        assertEquals(FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG),
                f.descriptor(LINUX_X86_64));
    }

    @Test
    void whiteSpaceAndTrailingSemicolonAreTolerated() {
        CFunction f = CFunction.of("  int\n  shm_unlink( const char*name ) ;");
        assertEquals("shm_unlink", f.name());
        assertEquals("int", f.returnType());
        assertEquals(List.of("const char*"), f.parameterTypes());
        assertEquals(List.of("name"), f.parameterNames());
        assertEquals(FunctionDescriptor.of(JAVA_INT, ADDRESS), f.descriptor(LINUX_X86_64));
    }

    @Test
    void noErrnoDoesNotCapture() {
        CFunction f = CFunction.noErrno("size_t strlen(const char *s)");
        assertFalse(f.setsErrorCode());
        assertEquals(FunctionDescriptor.of(JAVA_LONG, ADDRESS), f.descriptor(LINUX_X86_64));
    }

    @Test
    void voidParameterListAndVoidReturn() {
        CFunction f = CFunction.noErrno("pid_t getpid(void)");
        assertEquals(List.of(), f.parameterTypes());
        assertEquals(FunctionDescriptor.of(JAVA_INT), f.descriptor(LINUX_X86_64));
        assertEquals("pid_t (*)(void)", f.pointerType(false));

        CFunction g = CFunction.noErrno("void abort()");
        assertEquals(FunctionDescriptor.ofVoid(), g.descriptor(LINUX_X86_64));
        assertEquals("void (*)(void)", g.pointerType(false));
    }

    @Test
    void variadicWithPassedTypes() {
        CFunction f = CFunction.variadic("int shm_open(const char *name, int oflag, ...)", "mode_t");
        assertTrue(f.variadic());
        assertEquals(List.of("const char *", "int"), f.parameterTypes());
        assertEquals(List.of("mode_t"), f.variadicTypes());
        assertEquals(2, f.firstVariadicArg());
        assertEquals(FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), f.descriptor(LINUX_X86_64));
        assertEquals("int (*)(const char *, int, ...)", f.pointerType(false));
    }

    @Test
    void narrowVariadicArgumentsArePromotedToInt() {
        // mode_t is 2 bytes on macOS, but C passes it through '...' as an int.
        CFunction f = CFunction.variadic("int open(const char *path, int oflag, ...)", "mode_t");
        assertEquals(JAVA_SHORT, CTypes.layout("mode_t", MACOS_ARM64));
        assertEquals(FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), f.descriptor(MACOS_ARM64));
        CFunction g = CFunction.variadic("int printf(const char *format, ...)", "char", "short", "unsigned char");
        assertEquals(FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT), g.descriptor(LINUX_X86_64));
    }

    @Test
    void narrowFixedParametersAreNotPromoted() {
        CFunction f = CFunction.noErrno("int f(short a, mode_t m)");
        assertEquals(FunctionDescriptor.of(JAVA_INT, JAVA_SHORT, JAVA_SHORT), f.descriptor(MACOS_ARM64));
        assertEquals(FunctionDescriptor.of(JAVA_INT, JAVA_SHORT, JAVA_INT), f.descriptor(LINUX_X86_64));
    }

    @Test
    void wideVariadicArgumentsKeepTheirSize() {
        CFunction f = CFunction.variadic("long syscall(long number, ...)", "int", "long", "void *");
        assertEquals(1, f.firstVariadicArg());
        assertEquals(FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_LONG, ADDRESS), f.descriptor(LINUX_X86_64));
        assertEquals(FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS), f.descriptor(WINDOWS_X64));
        assertEquals("long (*)(long, ...)", f.pointerType(false));
    }

    @Test
    void descriptorsDifferPerTarget() {
        CFunction f = CFunction.of("long ftell(void *stream)");
        assertEquals(FunctionDescriptor.of(JAVA_LONG, ADDRESS), f.descriptor(LINUX_X86_64));
        assertEquals(FunctionDescriptor.of(JAVA_INT, ADDRESS), f.descriptor(WINDOWS_X64));
        CFunction g = CFunction.of("int fchmod(int fd, mode_t mode)");
        assertEquals(FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), g.descriptor(LINUX_X86_64));
        assertEquals(FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_SHORT), g.descriptor(MACOS_ARM64));
    }

    @Test
    void winapiPrototype() {
        CFunction f = CFunction.of("HANDLE WINAPI CreateSemaphoreW(LPSECURITY_ATTRIBUTES lpSemaphoreAttributes,"
                + " LONG lInitialCount, LONG lMaximumCount, LPCWSTR lpName)");
        assertEquals("CreateSemaphoreW", f.name());
        assertEquals("HANDLE", f.returnType());
        assertEquals(List.of("LPSECURITY_ATTRIBUTES", "LONG", "LONG", "LPCWSTR"), f.parameterTypes());
        assertEquals(FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS), f.descriptor(WINDOWS_X64));
        assertEquals("HANDLE (WINAPI *)(LPSECURITY_ATTRIBUTES, LONG, LONG, LPCWSTR)", f.pointerType(true));
        assertEquals("HANDLE (*)(LPSECURITY_ATTRIBUTES, LONG, LONG, LPCWSTR)", f.pointerType(false));
        assertEquals("DWORD (WINAPI *)(void)", CFunction.of("DWORD WINAPI GetLastError(void)").pointerType(true));
    }

    @Test
    void pointerTypeKeepsQualifiers() {
        CFunction f = CFunction.of("int sem_timedwait(sem_t *sem, const struct timespec *abs_timeout)");
        assertEquals("int (*)(sem_t *, const struct timespec *)", f.pointerType(false));
    }

    @Test
    void prototypeIsKeptAsWritten() {
        String proto = "int close(int fd)";
        assertEquals(proto, CFunction.of(proto).prototype());
    }

    @ParameterizedTest
    @ValueSource(strings = {"close(int fd)", "int close", "int close(int fd", "", "int (int fd)", "int 9close(int fd)"})
    void nonPrototypesAreRejected(String proto) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CFunction.of(proto));
        assertEquals("not a C prototype: " + proto, e.getMessage());
    }

    @Test
    void parameterWithoutNameIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CFunction.of("int close(int)"));
        assertEquals("parameter 'int' needs a type and a name: int close(int)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CFunction.of("int shm_unlink(const char *)"));
        assertThrows(IllegalArgumentException.class, () -> CFunction.of("int f(int a,)"));
    }

    @Test
    void ellipsisMustComeLast() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CFunction.variadic("int f(int a, ..., int b)", "int"));
        assertEquals("'...' must come last: int f(int a, ..., int b)", e.getMessage());
    }

    @Test
    void variadicNeedsPassedTypesAndOnlyVariadicMayHaveThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CFunction.of("int semctl(int semid, int semnum, int cmd, ...)"));
        assertEquals("a variadic function needs the types it is called with: int semctl(int semid, int semnum, int cmd, ...)",
                e.getMessage());
        IllegalArgumentException f = assertThrows(IllegalArgumentException.class,
                () -> CFunction.variadic("int close(int fd)", "int"));
        assertEquals("variadic argument types given for a non-variadic function: int close(int fd)", f.getMessage());
    }

    @Test
    void unknownTypesAreRejectedAtDeclaration() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CFunction.of("int sem_wait(sem_t sem)"));
        assertEquals("unknown C type 'sem_t': add it to CTypes", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CFunction.of("frobnicator_t f(int a)"));
        assertThrows(IllegalArgumentException.class, () -> CFunction.variadic("int f(int a, ...)", "struct timespec"));
    }

    @Test
    void everyTargetGetsADescriptor() {
        CFunction f = CFunction.of("ssize_t read(int fd, void *buf, size_t count)");
        for (Target t : Target.values()) {
            FunctionDescriptor d = f.descriptor(t);
            assertEquals(3, d.argumentLayouts().size());
            assertEquals(JAVA_LONG, d.returnLayout().orElseThrow());
        }
        assertEquals(ValueLayout.ADDRESS, f.descriptor(WINDOWS_X64).argumentLayouts().get(1));
    }
}
