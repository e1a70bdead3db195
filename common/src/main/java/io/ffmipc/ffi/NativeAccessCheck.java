package io.ffmipc.ffi;

import io.ffmipc.spi.IpcProvider;

import java.lang.module.ModuleDescriptor;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one place that says which flag grants the library native access, for the one-line hint, for
 * {@link io.ffmipc.NativeAccessException}, for {@link io.ffmipc.Ipc#nativeAccessFlag()} and (checked
 * by tests) for the README alike.
 *
 * <p>Restricted calls happen in two modules: the portable module io.ffmipc (it links every downcall,
 * {@link NativeBinder}, and maps shared structures) and the running provider's module (it
 * reinterprets what native calls return). On the class path the flag is {@code ALL-UNNAMED}. On the
 * module path it names io.ffmipc and every provider module beside it, not only this OS's: an
 * application that ships all providers ({@code io.ffmipc:ffm-ipc}) starts the same way on every OS,
 * {@code --enable-native-access=io.ffmipc,io.ffmipc.linux,io.ffmipc.macos,io.ffmipc.windows}, while
 * one that ships only the Linux provider passes {@code --enable-native-access=io.ffmipc,io.ffmipc.linux}
 * (the JVM warns about a named module it does not find). On JDK 25 the JVM only warns by default
 * ({@code --illegal-native-access=warn}) and refuses under {@code deny}.
 */
public final class NativeAccessCheck {
    private static final String PROVIDER_SERVICE = IpcProvider.class.getName();

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

    /**
     * The modules the flag names: those of {@link #modules}, and every module that provides
     * {@link IpcProvider} in the layer of a named one (the other OSes' providers on the module path).
     */
    static List<Module> flagModules(Module provider) {
        Set<Module> modules = new LinkedHashSet<>(modules(provider));
        modules(provider).stream()
                .filter(Module::isNamed)
                .map(Module::getLayer)
                .filter(Objects::nonNull)
                .distinct()
                .flatMap(layer -> layer.modules().stream())
                .filter(NativeAccessCheck::providesIpcProvider)
                .forEach(modules::add);
        return List.copyOf(modules);
    }

    private static boolean providesIpcProvider(Module module) {
        return module.getDescriptor().provides().stream()
                .map(ModuleDescriptor.Provides::service)
                .anyMatch(PROVIDER_SERVICE::equals);
    }

    /**
     * The flag that grants the library and {@code provider} native access: {@code ALL-UNNAMED} for
     * the class path, then the module names in alphabetical order, so the flag reads the same
     * whichever OS's provider is running.
     */
    public static String flag(Module provider) {
        List<Module> modules = flagModules(provider);
        Stream<String> classPath = modules.stream().anyMatch(m -> !m.isNamed()) ? Stream.of("ALL-UNNAMED") : Stream.empty();
        Stream<String> named = modules.stream().filter(Module::isNamed).map(Module::getName).sorted(Comparator.naturalOrder());
        return "--enable-native-access=" + Stream.concat(classPath, named).collect(Collectors.joining(","));
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
