package io.ffmipc.ffi;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one place that says which flag grants the library native access, for the one-line hint, for
 * {@link io.ffmipc.NativeAccessException} and (checked by a test) for the README alike.
 *
 * <p>Restricted calls happen in two modules: the portable module io.ffmipc (it links every downcall,
 * {@link NativeBinder}, and maps shared structures) and the provider's module (it reinterprets what
 * native calls return). So the flag names both, computed from where they were loaded:
 * {@code --enable-native-access=io.ffmipc,io.ffmipc.linux} on the module path, {@code ALL-UNNAMED}
 * on the class path. On JDK 25 the JVM only warns by default ({@code --illegal-native-access=warn})
 * and refuses under {@code deny}.
 */
public final class NativeAccessCheck {
    private static volatile boolean warned;

    private NativeAccessCheck() {
    }

    /** The modules whose code makes restricted calls: this (portable) module and the provider's, without repeats. */
    static List<Module> modules(Module provider) {
        Set<Module> modules = new LinkedHashSet<>();
        modules.add(NativeAccessCheck.class.getModule());
        modules.add(provider);
        return List.copyOf(modules);
    }

    /** The flag that grants the library and {@code provider} native access: module names on the module path, ALL-UNNAMED on the class path. */
    public static String flag(Module provider) {
        return "--enable-native-access=" + modules(provider).stream().map(m -> m.isNamed() ? m.getName() : "ALL-UNNAMED")
                .distinct().collect(Collectors.joining(","));
    }

    /** What to do when native access is missing; the hint and the exception both say it. */
    public static String advice(Module provider) {
        List<Module> modules = modules(provider);
        List<String> named = modules.stream().filter(Module::isNamed).map(Module::getName).toList();
        String where = named.isEmpty() ? "the class path" : named.size() == 1 ? "module " + named.getFirst()
                : "modules " + String.join(" and ", named);
        String advice = "native access is not enabled for " + where + "; start java with " + flag(provider);
        if (named.size() < modules.size()) {
            advice += " (or put 'Enable-Native-Access: ALL-UNNAMED' in an executable jar's manifest)";
        }
        return advice;
    }

    /** Warns once on standard error unless the library and {@code provider} have native access; returns whether they have. */
    public static boolean warnIfDisabled(Module provider) {
        if (modules(provider).stream().allMatch(Module::isNativeAccessEnabled)) {
            return true;
        }
        if (!warned) {
            warned = true;
            System.err.println("ffm-ipc: " + advice(provider));
        }
        return false;
    }
}
