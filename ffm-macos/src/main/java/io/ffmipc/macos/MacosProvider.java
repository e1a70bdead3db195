package io.ffmipc.macos;

import io.ffmipc.CapabilityMatrix;
import io.ffmipc.ffi.Target;
import io.ffmipc.macos.ffi.MacosPosix;
import io.ffmipc.spi.IpcProvider;
import io.ffmipc.spi.PlatformSeams;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The macOS provider (arm64 and x86_64). Its matrix is plain data, readable on any OS
 * ({@link MacosMatrix}); activation links libSystem, chooses the wait primitive in force
 * ({@link MacosWaits}) and returns the seams ({@link MacosSeams}).
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

    /** Predicted from {@code os.version} and the ulock opt-in; the seams' matrix is what activation found. */
    @Override
    public CapabilityMatrix matrix() {
        return MacosMatrix.forSystem(System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty(MacosWaits.ULOCK_PROPERTY));
    }

    /**
     * The seams. The largest POSIX shared memory object is the machine's memory ({@code hw.memsize}):
     * an object is anonymous virtual memory ({@code pshm_truncate} makes memory entries), with no
     * limit of its own short of it.
     */
    @Override
    public PlatformSeams activate() {
        MacosPosix lib = MacosPosix.load();
        MacosWaits.InForce waits = MacosWaits.inForce(lib.linker(), lib, System.getProperty(MacosWaits.ULOCK_PROPERTY));
        long memory = lib.sysctl("hw.memsize");
        return new MacosSeams(MacosMatrix.of(waits.primitive()), lib, waits.seam(), new MacosSysVLimits(lib::sysctl),
                memory > 0 ? memory : Long.MAX_VALUE, new IpcsListing(), machPorts(lib));
    }

    /** Mach is linked when first asked for, once: a process that never uses it never binds it. */
    private static Supplier<Optional<MachPorts>> machPorts(MacosPosix lib) {
        return new Supplier<>() {
            private Optional<MachPorts> ports;

            @Override
            public synchronized Optional<MachPorts> get() {
                if (ports == null) {
                    ports = Optional.of(new MachPortsImpl(new LibSystemMachKernel(lib.linker())));
                }
                return ports;
            }
        };
    }
}
