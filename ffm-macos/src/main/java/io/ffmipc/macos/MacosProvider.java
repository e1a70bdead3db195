package io.ffmipc.macos;

import io.ffmipc.CapabilityMatrix;
import io.ffmipc.IpcException;
import io.ffmipc.IpcPlatform;
import io.ffmipc.spi.IpcProvider;
import io.ffmipc.spi.PlatformSeams;
import io.ffmipc.ffi.Target;

/**
 * The macOS provider (arm64 and x86_64). Its matrix is plain data, readable on any OS; the
 * platform itself (adapters on the seams of common) is not written yet.
 */
public final class MacosProvider implements IpcProvider {

    public MacosProvider() {
        // ServiceLoader needs a public no-argument constructor; nothing native happens here.
    }

    @Override
    public String name() {
        return "macos";
    }

    @Override
    public boolean supports(String osName, String osArch) {
        Target t = Target.of(osName, osArch);
        return t != null && t.isMacos();
    }

    @Override
    public CapabilityMatrix matrix() {
        return MacosMatrix.forSystem(System.getProperty("os.name"), System.getProperty("os.version"));
    }

    @Override
    public PlatformSeams activate() {
        throw new IpcException("activate the macOS provider", null, "the macOS platform is not implemented yet:"
                + " ffm-ipc-macos has its capability matrix and its bindings, but no adapters ("
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + "/"
                + System.getProperty("os.arch") + ")");
    }
}
