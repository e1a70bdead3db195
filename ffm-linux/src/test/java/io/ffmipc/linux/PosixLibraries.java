package io.ffmipc.linux;

import io.ffmipc.posix.PosixLibrary;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A real binding with some of its answers changed, so the POSIX layer's paths for other OSes run
 * here: an optional function declared missing ({@link #without}: the fallback macOS takes), or a
 * method answered by the test ({@link #answering}: the owner another OS cannot report, a stub that
 * fails with ENOSYS). Everything else goes to the real binding.
 */
final class PosixLibraries {
    private PosixLibraries() {
    }

    /** {@code real}, except that {@link PosixLibrary#has} says false for {@code functions}. */
    static PosixLibrary without(PosixLibrary real, String... functions) {
        Set<String> missing = Set.of(functions);
        return answering(real, Map.of("has", args -> !missing.contains((String) args[0])
                && real.has((String) args[0])));
    }

    /**
     * {@code real}, except that the methods named in {@code answers} (all overloads of a name)
     * return what the function makes of their arguments.
     */
    static PosixLibrary answering(PosixLibrary real, Map<String, Function<Object[], Object>> answers) {
        return (PosixLibrary) Proxy.newProxyInstance(PosixLibrary.class.getClassLoader(),
                new Class<?>[] {PosixLibrary.class}, (proxy, method, args) -> {
                    Function<Object[], Object> answer = answers.get(method.getName());
                    if (answer != null) {
                        return answer.apply(args);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
