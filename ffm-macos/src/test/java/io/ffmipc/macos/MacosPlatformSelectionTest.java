package io.ffmipc.macos;

import io.ffmipc.Ipc;
import io.ffmipc.Limits;
import io.ffmipc.core.PortablePlatform;
import io.ffmipc.testkit.StructureMemory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract suites of this module test the macOS seams: on macOS through the real provider, on
 * Linux through {@link MacosShapedProvider}. This checks that the platform they get is that one
 * (were the Linux provider chosen instead, every suite would silently test Linux).
 */
class MacosPlatformSelectionTest {

    @Test
    void theTestsPlatformIsTheMacosSeams() {
        assertEquals("macOS", Ipc.platform().os());
        assertInstanceOf(MacosSeams.class, StructureMemory.seams(Ipc.platform()));
        assertInstanceOf(PortablePlatform.class, Ipc.platform());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void onLinuxTheMacosShapedProviderWasChosen() {
        assertTrue(Ipc.providers().getFirst() instanceof MacosShapedProvider, Ipc.providers().toString());
        Limits limits = Ipc.platform().limits();
        assertTrue(limits.maxSharedMemorySize() > 0);
    }
}
