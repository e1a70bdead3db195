package io.ffmipc;

import io.ffmipc.spi.IpcProvider;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Entry point: the platform of this OS, found once through {@link ServiceLoader}. */
public final class Ipc {

    private Ipc() {
    }

    private static final class Holder {
        static final IpcPlatform PLATFORM = select();
    }

    /**
     * The IPC platform for this OS and architecture. Throws {@link IpcException} naming the OS,
     * the architecture and the providers found when none fits.
     */
    public static IpcPlatform platform() {
        return Holder.PLATFORM;
    }

    /** Every provider on the class or module path, whether or not it fits this machine. */
    public static List<IpcProvider> providers() {
        return ServiceLoader.load(IpcProvider.class, Ipc.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
    }

    private static IpcPlatform select() {
        String os = System.getProperty("os.name");
        String arch = System.getProperty("os.arch");
        List<IpcProvider> all = providers();
        for (IpcProvider p : all) {
            if (p.supports(os, arch)) {
                return p.activate();
            }
        }
        String found = all.isEmpty() ? "none" : all.stream()
                .map(p -> p.name() + " (" + p.getClass().getName() + ")")
                .collect(Collectors.joining(", "));
        throw new IpcException("select IPC provider", null,
                "no provider supports " + os + "/" + arch + "; providers found on the class/module path: "
                        + found + ". Add the ffm-ipc jar for this OS (ffm-ipc-linux, ffm-ipc-windows, ffm-ipc-macos).");
    }
}
