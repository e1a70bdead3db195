package io.ffmipc.ffi;

/**
 * Says, once, what to do when the library's module runs without native access. On JDK 25 the
 * JVM only warns by default ({@code --illegal-native-access=warn}) and refuses under {@code deny};
 * either way the user is told the exact flag for how the library was loaded.
 */
public final class NativeAccessCheck {
    private static volatile boolean warned;

    private NativeAccessCheck() {
    }

    /** The flag to add: the module's name on the module path, ALL-UNNAMED on the class path. */
    public static String flag(Module module) {
        return "--enable-native-access=" + (module.isNamed() ? module.getName() : "ALL-UNNAMED");
    }

    static String advice(String moduleName) {
        return "native access is not enabled for " + moduleName
                + "; start java with --enable-native-access=" + moduleName
                + " (module path) or --enable-native-access=ALL-UNNAMED (class path),"
                + " or add 'Enable-Native-Access: ALL-UNNAMED' to an executable jar's manifest";
    }

    /** Warns once on standard error if {@code module} lacks native access; returns whether it has it. */
    public static boolean warnIfDisabled(Module module) {
        if (module.isNativeAccessEnabled()) {
            return true;
        }
        if (!warned) {
            warned = true;
            System.err.println("ffm-ipc: native access is not enabled; start java with " + flag(module)
                    + " (or 'Enable-Native-Access: ALL-UNNAMED' in an executable jar's manifest)");
        }
        return false;
    }
}
