package io.ffmipc;

import io.ffmipc.core.PortablePlatform;
import io.ffmipc.spi.PlatformSeams;
import io.ffmipc.spi.IpcProvider;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** Provider selection, driven with fake providers instead of the class path. */
class IpcSelectionTest {

    /** A provider for one OS-name prefix that records whether it was activated. */
    static class FakeProvider implements IpcProvider {
        final String name;
        final String osPrefix;
        final String arch;
        final PlatformSeams seams;
        int activations;

        FakeProvider(String name, String osPrefix, String arch) {
            this.name = name;
            this.osPrefix = osPrefix;
            this.arch = arch;
            CapabilityMatrix.Builder m = CapabilityMatrix.builder(name);
            for (Capability c : Capability.values()) {
                m.set(c, Support.unsupported("fake"));
            }
            CapabilityMatrix matrix = m.build();
            this.seams = (PlatformSeams) Proxy.newProxyInstance(PlatformSeams.class.getClassLoader(),
                    new Class<?>[]{PlatformSeams.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "matrix" -> matrix;
                        case "toString" -> "platform " + name;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean supports(String osName, String osArch) {
            return osName.startsWith(osPrefix) && osArch.equals(arch);
        }

        @Override
        public CapabilityMatrix matrix() {
            throw new UnsupportedOperationException();
        }

        @Override
        public PlatformSeams activate() {
            activations++;
            return seams;
        }
    }

    @Test
    void theMatchingProviderIsActivatedAndNoOther() {
        FakeProvider win = new FakeProvider("windows", "Windows", "amd64");
        FakeProvider linux = new FakeProvider("linux", "Linux", "amd64");
        FakeProvider mac = new FakeProvider("macos", "Mac", "aarch64");
        IpcPlatform p = Ipc.select("Linux", "amd64", List.of(win, linux, mac));
        assertSame(linux.seams, ((PortablePlatform) p).seams(), "the platform is built on the provider's seams");
        assertEquals("linux", p.os());
        assertEquals(1, linux.activations);
        assertEquals(0, win.activations);
        assertEquals(0, mac.activations);
    }

    @Test
    void archIsPartOfTheMatch() {
        FakeProvider mac = new FakeProvider("macos", "Mac", "aarch64");
        assertSame(mac.seams, ((PortablePlatform) Ipc.select("Mac OS X", "aarch64", List.of(mac))).seams());
        IpcException e = assertThrows(IpcException.class, () -> Ipc.select("Mac OS X", "x86_64", List.of(mac)));
        assertTrue(e.getMessage().contains("no provider supports Mac OS X/x86_64"), e.getMessage());
    }

    @Test
    void theFirstMatchWins() {
        FakeProvider a = new FakeProvider("a", "Linux", "amd64");
        FakeProvider b = new FakeProvider("b", "Linux", "amd64");
        assertSame(a.seams, ((PortablePlatform) Ipc.select("Linux", "amd64", List.of(a, b))).seams());
        assertEquals(0, b.activations);
    }

    @Test
    void noneMatchingNamesOsArchAndTheProvidersFound() {
        FakeProvider win = new FakeProvider("windows", "Windows", "amd64");
        FakeProvider mac = new FakeProvider("macos", "Mac", "aarch64");
        IpcException e = assertThrows(IpcException.class, () -> Ipc.select("FreeBSD", "riscv64", List.of(win, mac)));
        String fake = FakeProvider.class.getName();
        assertEquals("select IPC provider failed: no provider supports FreeBSD/riscv64; providers found on the"
                + " class/module path: windows (" + fake + "), macos (" + fake + "). Depend on io.ffmipc:ffm-ipc"
                + " (every provider), or add the provider for this OS (ffm-ipc-linux, ffm-ipc-windows, ffm-ipc-macos).",
                e.getMessage());
        assertEquals(0, win.activations + mac.activations);
        assertEquals("select IPC provider", e.operation());
    }

    @Test
    void noProvidersAtAllSaysNone() {
        IpcException e = assertThrows(IpcException.class, () -> Ipc.select("Linux", "amd64", new ArrayList<>()));
        assertTrue(e.getMessage().contains("no provider supports Linux/amd64; providers found on the class/module path: none."),
                e.getMessage());
    }

    @Test
    void activationFailureReachesTheCaller() {
        IpcProvider broken = new FakeProvider("linux", "Linux", "amd64") {
            @Override
            public PlatformSeams activate() {
                throw new IpcException("activate", null, "boom");
            }
        };
        IpcException e = assertThrows(IpcException.class, () -> Ipc.select("Linux", "amd64", List.of(broken)));
        assertEquals("activate failed: boom", e.getMessage());
    }

    /**
     * common's own test class path has no provider, so the real entry point must fail with the
     * promised IpcException — every time, not an ExceptionInInitializerError and then a
     * NoClassDefFoundError.
     */
    @Test
    void platformWithoutAProviderOnTheClassPathThrowsIpcExceptionEveryTime() {
        List<IpcProvider> found = Ipc.providers();
        String os = System.getProperty("os.name");
        String arch = System.getProperty("os.arch");
        assumeFalse(found.stream().anyMatch(p -> p.supports(os, arch)),
                "a provider for this OS is on the class path; the failure path cannot be reached");
        for (int i = 0; i < 2; i++) {
            IpcException e = assertThrows(IpcException.class, Ipc::platform);
            assertTrue(e.getMessage().contains("no provider supports " + os + "/" + arch), e.getMessage());
            if (found.isEmpty()) {
                assertTrue(e.getMessage().contains("providers found on the class/module path: none."), e.getMessage());
            }
        }
    }
}
