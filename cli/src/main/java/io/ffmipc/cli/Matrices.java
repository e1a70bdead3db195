package io.ffmipc.cli;

import io.ffmipc.CapabilityMatrix;
import io.ffmipc.Ipc;
import io.ffmipc.IpcException;
import io.ffmipc.MatrixTable;
import io.ffmipc.spi.IpcProvider;

import java.util.Comparator;
import java.util.List;

/** The providers' matrices, read as data (no provider is activated), in a fixed column order. */
final class Matrices {
    private static final List<String> ORDER = List.of("linux", "windows", "macos");

    private Matrices() {
    }

    /** Every provider on the class path: Linux, Windows, macOS, then any other by name. */
    static List<IpcProvider> all() {
        return Ipc.providers().stream()
                .sorted(Comparator.comparingInt((IpcProvider p) -> {
                    int i = ORDER.indexOf(p.name());
                    return i < 0 ? ORDER.size() : i;
                }).thenComparing(IpcProvider::name))
                .toList();
    }

    /** The provider for this OS and architecture, without activating it. */
    static IpcProvider current() {
        String os = System.getProperty("os.name");
        String arch = System.getProperty("os.arch");
        List<IpcProvider> all = all();
        return all.stream().filter(p -> p.supports(os, arch)).findFirst()
                .orElseThrow(() -> new IpcException("select IPC provider", null, "no provider supports " + os + "/" + arch
                        + "; providers on the class path: "
                        + (all.isEmpty() ? "none" : String.join(", ", all.stream().map(IpcProvider::name).toList()))));
    }

    /** The README's matrix table: every provider, as {@link MatrixTable#markdown} renders it. */
    static String readmeTable() {
        return MatrixTable.markdown(all().stream().map(IpcProvider::matrix).toList());
    }

    static List<CapabilityMatrix> matrices(boolean all) {
        return all ? all().stream().map(IpcProvider::matrix).toList() : List.of(current().matrix());
    }
}
