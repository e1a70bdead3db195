package io.ffmipc.spi.abi;

/**
 * The one place that says which flag grants the library native access, for the one-line hint and
 * for {@link io.ffmipc.NativeAccessException} alike. Every restricted call of the library happens
 * in the provider's module ({@link Downcalls}), so the flag names that module on the module path
 * ({@code --enable-native-access=io.ffmipc.linux}) and {@code ALL-UNNAMED} on the class path. On JDK
 * 25 the JVM only warns by default ({@code --illegal-native-access=warn}) and refuses under
 * {@code deny}.
 */
public final class NativeAccessCheck {
    private static volatile boolean warned;

    private NativeAccessCheck() {
    }

    /** The flag that grants {@code module} native access: its name on the module path, ALL-UNNAMED on the class path. */
    public static String flag(Module module) {
        return "--enable-native-access=" + (module.isNamed() ? module.getName() : "ALL-UNNAMED");
    }

    /** What to do when {@code module} lacks native access; the hint and the exception both say it. */
    public static String advice(Module module) {
        if (module.isNamed()) {
            return "native access is not enabled for module " + module.getName() + "; start java with " + flag(module);
        }
        return "native access is not enabled for the class path; start java with " + flag(module)
                + " (or put 'Enable-Native-Access: ALL-UNNAMED' in an executable jar's manifest)";
    }

    /** Warns once on standard error if {@code module} lacks native access; returns whether it has it. */
    public static boolean warnIfDisabled(Module module) {
        if (module.isNativeAccessEnabled()) {
            return true;
        }
        if (!warned) {
            warned = true;
            System.err.println("ffm-ipc: " + advice(module));
        }
        return false;
    }
}
