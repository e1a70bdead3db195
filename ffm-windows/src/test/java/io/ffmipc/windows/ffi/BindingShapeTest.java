package io.ffmipc.windows.ffi;

import io.ffmipc.ffi.CFunction;
import io.ffmipc.ffi.Target;
import org.junit.jupiter.api.Test;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The linking classes cannot run here, so their shape is checked by reflection, which neither
 * initialises them nor links anything: every function the declarations class holds has exactly one
 * handle (a field of the C name) and one method (the C name in lower camel case) whose Java types
 * are the carriers of its windows-x64 descriptor, with the capture segment first where the
 * function sets GetLastError. {@code invokeExact} inside the method then has the handle's exact
 * type, so a wrong Java type shows here instead of as a WrongMethodTypeException on Windows.
 */
class BindingShapeTest {

    @Test
    void kernel32BindsEveryDeclaredFunction() {
        assertShape(Kernel32Abi.class, Kernel32.class);
    }

    @Test
    void advapi32BindsEveryDeclaredFunction() {
        assertShape(Advapi32Abi.class, Advapi32.class);
    }

    private static void assertShape(Class<?> declarations, Class<?> linking) {
        List<String> problems = new ArrayList<>();
        Set<String> declared = new TreeSet<>();
        for (Field f : declarations.getDeclaredFields()) {
            if (f.getType() != CFunction.class || !Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            CFunction fn = read(f);
            declared.add(fn.name());
            checkHandle(linking, fn, problems);
            checkMethod(linking, fn, problems);
        }
        Set<String> handles = new TreeSet<>();
        for (Field f : linking.getDeclaredFields()) {
            if (f.getType() == MethodHandle.class) {
                handles.add(f.getName());
            }
        }
        handles.removeAll(declared);
        if (!handles.isEmpty()) {
            problems.add("handles without a declaration in " + declarations.getSimpleName() + ": " + handles);
        }
        assertEquals(List.of(), problems);
    }

    private static void checkHandle(Class<?> linking, CFunction fn, List<String> problems) {
        try {
            Field h = linking.getDeclaredField(fn.name());
            int m = h.getModifiers();
            if (h.getType() != MethodHandle.class || !Modifier.isStatic(m) || !Modifier.isFinal(m) || !Modifier.isPrivate(m)) {
                problems.add(linking.getSimpleName() + "." + fn.name() + " is not a private static final MethodHandle");
            }
        } catch (NoSuchFieldException e) {
            problems.add(linking.getSimpleName() + " has no handle " + fn.name());
        }
    }

    private static void checkMethod(Class<?> linking, CFunction fn, List<String> problems) {
        String name = Character.toLowerCase(fn.name().charAt(0)) + fn.name().substring(1);
        FunctionDescriptor d = fn.descriptor(Target.WINDOWS_X64);
        List<Class<?>> expected = new ArrayList<>();
        if (fn.setsErrorCode()) {
            expected.add(MemorySegment.class); // the GetLastError capture segment
        }
        d.argumentLayouts().forEach(l -> expected.add(carrier(l)));
        Class<?> expectedReturn = d.returnLayout().map(BindingShapeTest::carrier).orElse(void.class);
        List<Method> found = new ArrayList<>();
        for (Method m : linking.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                found.add(m);
            }
        }
        if (found.size() != 1) {
            problems.add(linking.getSimpleName() + "." + name + ": " + found.size() + " methods, expected one for "
                    + fn.prototype());
            return;
        }
        Method m = found.getFirst();
        List<Class<?>> actual = List.of(m.getParameterTypes());
        if (!actual.equals(expected) || m.getReturnType() != expectedReturn
                || !Modifier.isStatic(m.getModifiers()) || !Modifier.isPublic(m.getModifiers())) {
            problems.add(linking.getSimpleName() + "." + name + " is " + m.getReturnType().getSimpleName() + " "
                    + actual.stream().map(Class::getSimpleName).toList() + ", the descriptor of " + fn.prototype()
                    + " wants public static " + expectedReturn.getSimpleName() + " "
                    + expected.stream().map(Class::getSimpleName).toList());
        }
    }

    private static Class<?> carrier(MemoryLayout l) {
        return ((ValueLayout) l).carrier();
    }

    private static CFunction read(Field f) {
        try {
            return (CFunction) f.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
