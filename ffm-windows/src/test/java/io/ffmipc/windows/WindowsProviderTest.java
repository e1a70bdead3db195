package io.ffmipc.windows;

import io.ffmipc.Capability;
import io.ffmipc.CapabilityMatrix;
import io.ffmipc.Ipc;
import io.ffmipc.UnsupportedCapabilityException;
import io.ffmipc.Support;
import io.ffmipc.spi.IpcProvider;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The provider as data: found by ServiceLoader, its matrix readable anywhere, its platform on Windows only. */
class WindowsProviderTest {
    private final WindowsProvider provider = new WindowsProvider();

    @Test
    void serviceLoaderFindsIt() {
        List<IpcProvider> windows = Ipc.providers().stream().filter(p -> p.name().equals("windows")).toList();
        assertEquals(1, windows.size(), Ipc.providers().toString());
        assertTrue(windows.getFirst() instanceof WindowsProvider);
    }

    @Test
    void supportsWindowsX64Only() {
        assertTrue(provider.supports("Windows 11", "amd64"));
        assertTrue(provider.supports("Windows Server 2022", "amd64"));
        assertTrue(!provider.supports("Windows 11", "aarch64"));
        assertTrue(!provider.supports("Linux", "amd64"));
        assertTrue(!provider.supports("Mac OS X", "x86_64"));
    }

    @Test
    void theMatrixHasEveryRowWithItsMechanismOrReason() {
        CapabilityMatrix m = provider.matrix();
        assertEquals("Windows", m.os());
        for (Capability c : Capability.values()) {
            Support s = m.get(c);
            String text = switch (s) {
                case Support.Native n -> n.mechanism();
                case Support.Emulated e -> e.mechanism() + e.caveat();
                case Support.Unsupported u -> u.reason();
            };
            assertTrue(text.length() > 10, c + ": " + s);
        }
        assertTrue(m.get(Capability.PERSISTENT_NAMES) instanceof Support.Unsupported u && u.reason().contains("last handle"),
                m.get(Capability.PERSISTENT_NAMES).toString());
        assertTrue(m.get(Capability.MESSAGE_QUEUE) instanceof Support.Emulated e && e.mechanism().contains("mailslot"),
                m.get(Capability.MESSAGE_QUEUE).toString());
        assertTrue(m.get(Capability.CHANNEL).toString().contains("WaitOnAddress"), m.get(Capability.CHANNEL).toString());
    }

    @Test
    void offWindowsActivationSaysWhereItRunsBeforeTouchingABinding() {
        org.junit.jupiter.api.Assumptions.assumeFalse(System.getProperty("os.name", "").startsWith("Windows"));
        UnsupportedCapabilityException e = assertThrows(UnsupportedCapabilityException.class, provider::activate);
        assertTrue(e.getMessage().contains("Windows x64 only"), e.getMessage());
        assertThrows(UnsupportedCapabilityException.class,
                () -> WindowsProvider.platform(io.ffmipc.IpcNames.WindowsNamespace.GLOBAL));
    }
}
