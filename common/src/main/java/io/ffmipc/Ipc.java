package io.ffmipc;

import io.ffmipc.core.PortablePlatform;
import io.ffmipc.ffi.NativeAccessCheck;
import io.ffmipc.spi.IpcProvider;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Entry point: the platform of this OS, found once through {@link ServiceLoader}. */
public final class Ipc {

    private Ipc() {
    }

    /**
     * Selects once. A failure is kept and rethrown rather than escaping the initializer: an
     * exception thrown there would reach callers as ExceptionInInitializerError, and on every
     * later call as NoClassDefFoundError, instead of the IpcException the API promises.
     */
    private static final class Holder {
        static final IpcPlatform PLATFORM;
        static final RuntimeException FAILURE;

        static {
            IpcPlatform platform = null;
            RuntimeException failure = null;
            try {
                platform = select(System.getProperty("os.name"), System.getProperty("os.arch"), providers());
            } catch (RuntimeException e) {
                failure = e;
            }
            PLATFORM = platform;
            FAILURE = failure;
        }
    }

    /**
     * The IPC platform for this OS and architecture. Throws {@link IpcException} naming the OS,
     * the architecture and the providers found when none fits.
     */
    public static IpcPlatform platform() {
        if (Holder.FAILURE != null) {
            throw Holder.FAILURE;
        }
        return Holder.PLATFORM;
    }

    /**
     * The {@code --enable-native-access} flag the library needs as it was loaded: {@code ALL-UNNAMED}
     * on the class path; on the module path {@code io.ffmipc} and every provider module beside it
     * ({@code --enable-native-access=io.ffmipc,io.ffmipc.linux,io.ffmipc.macos,io.ffmipc.windows}
     * with {@code io.ffmipc:ffm-ipc}). It is the flag the README gives and a missing one is reported
     * with; pass it to a Java child started with {@link IpcPlatform#launcher}.
     */
    public static String nativeAccessFlag() {
        return NativeAccessCheck.flag(Ipc.class.getModule());
    }

    /** Every provider on the class or module path, whether or not it fits this machine. */
    public static List<IpcProvider> providers() {
        return ServiceLoader.load(IpcProvider.class, Ipc.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
    }

    /** Activates the first provider that supports {@code os}/{@code arch}; separate from the lookup so it can be tested. */
    static IpcPlatform select(String os, String arch, List<IpcProvider> all) {
        for (IpcProvider p : all) {
            if (p.supports(os, arch)) {
                return new PortablePlatform(p.activate());
            }
        }
        String found = all.isEmpty() ? "none" : all.stream()
                .map(p -> p.name() + " (" + p.getClass().getName() + ")")
                .collect(Collectors.joining(", "));
        throw new IpcException("select IPC provider", null,
                "no provider supports " + os + "/" + arch + "; providers found on the class/module path: "
                        + found + ". Depend on io.ffmipc:ffm-ipc (every provider), or add the provider for this OS"
                        + " (ffm-ipc-linux, ffm-ipc-windows, ffm-ipc-macos).");
    }
}
