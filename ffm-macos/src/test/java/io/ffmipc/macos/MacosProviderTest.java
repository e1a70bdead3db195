package io.ffmipc.macos;

import io.ffmipc.Capability;
import io.ffmipc.CapabilityMatrix;
import io.ffmipc.Ipc;
import io.ffmipc.Support;
import io.ffmipc.spi.IpcProvider;
import io.ffmipc.testkit.abi.MacosAbiFacts;
import io.ffmipc.ffi.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The macOS provider as data: found by ServiceLoader, its targets, its matrix on any OS. */
class MacosProviderTest {
    private final MacosProvider provider = new MacosProvider();

    @Test
    void isFoundOnTheClassPathBesideTheOthers() {
        assertTrue(Ipc.providers().stream().anyMatch(p -> p instanceof MacosProvider && p.name().equals("macos")),
                Ipc.providers().toString());
    }

    @Test
    void supportsMacosOnArm64AndX8664Only() {
        assertTrue(provider.supports("Mac OS X", "aarch64"));
        assertTrue(provider.supports("Mac OS X", "x86_64"));
        assertFalse(provider.supports("Mac OS X", "ppc"));
        assertFalse(provider.supports("Linux", "aarch64"));
        assertFalse(provider.supports("Windows 11", "amd64"));
    }

    @Test
    void everyRowHasACellAndTheMacosFactsAreStated() {
        CapabilityMatrix m = MacosMatrix.of(true);
        assertEquals("macOS", m.os());
        assertEquals(Capability.values().length, m.cells().size());
        assertInstanceOf(Support.Emulated.class, m.get(Capability.MESSAGE_QUEUE));
        assertTrue(m.get(Capability.MESSAGE_QUEUE).toString().contains("no POSIX message queues"));
        assertTrue(m.get(Capability.MESSAGE_QUEUE).toString().contains("Mach ports"));
        assertInstanceOf(Support.Emulated.class, m.get(Capability.SEMAPHORE));
        assertTrue(m.get(Capability.SEMAPHORE).toString().contains("no sem_timedwait"));
        assertInstanceOf(Support.Emulated.class, m.get(Capability.MESSAGE_PIPE));
        assertTrue(m.get(Capability.MESSAGE_PIPE).toString().contains("SOCK_STREAM"));
        assertTrue(m.get(Capability.NAMED_SHARED_MEMORY).toString().contains("31 characters"));
        assertTrue(m.get(Capability.NAMED_SHARED_MEMORY).toString().contains("System V shmget"));
        assertTrue(m.get(Capability.ROBUST_MUTEX).toString().contains("SEM_UNDO"));
        for (Capability c : Capability.values()) {
            assertTrue(m.get(c).available(), c + " is available on macOS");
        }
    }

    @Test
    void theWaitRowsSayWhetherOsSyncOrPollingIsInForce() {
        CapabilityMatrix modern = MacosMatrix.forSystem("Mac OS X", "14.4");
        CapabilityMatrix older = MacosMatrix.forSystem("Mac OS X", "14.3.1");
        assertInstanceOf(Support.Native.class, modern.get(Capability.EVENT));
        assertTrue(modern.get(Capability.EVENT).toString().contains("os_sync_wait_on_address"));
        assertInstanceOf(Support.Native.class, modern.get(Capability.CHANNEL));
        assertInstanceOf(Support.Emulated.class, older.get(Capability.EVENT));
        assertInstanceOf(Support.Emulated.class, older.get(Capability.CHANNEL));
        assertTrue(older.get(Capability.EVENT).toString().contains("poll"));
        assertEquals(modern.get(Capability.SEMAPHORE), older.get(Capability.SEMAPHORE));
        // another OS showing every provider's matrix shows the current form
        assertSame(MacosMatrix.of(true), MacosMatrix.forSystem("Linux", "6.1.0"));
    }

    /** Three readings of one matrix: static (any machine), predicted (os.version, opt-in), in force (activation). */
    @Test
    void theUlockFormIsPredictedOnlyBefore144AndOnlyWhenOptedIn() {
        CapabilityMatrix optedIn = MacosMatrix.forSystem("Mac OS X", "13.6", "true");
        assertSame(MacosMatrix.of(MacosWaits.Primitive.ULOCK), optedIn);
        assertInstanceOf(Support.Native.class, optedIn.get(Capability.EVENT));
        assertTrue(optedIn.get(Capability.EVENT).toString().contains("__ulock_wait2")
                && optedIn.get(Capability.EVENT).toString().contains("-D" + MacosWaits.ULOCK_PROPERTY + "=true"));
        assertSame(MacosMatrix.of(MacosWaits.Primitive.POLLING), MacosMatrix.forSystem("Mac OS X", "13.6", "false"));
        assertSame(MacosMatrix.of(true), MacosMatrix.forSystem("Mac OS X", "15.1", "true"), "os_sync wins where it exists");
        assertSame(MacosMatrix.of(true), MacosMatrix.forSystem("Linux", "6.1", null), "the static matrix is the current macOS");
        for (Capability c : Capability.values()) {
            if (c != Capability.EVENT && c != Capability.CHANNEL) {
                assertEquals(MacosMatrix.of(true).get(c), optedIn.get(c), c + " does not depend on the wait");
            }
        }
    }

    @Test
    void systemVLimitsSayMacosTinyDefaultsAndReadShmFromSysctl() {
        MacosSysVLimits limits = new MacosSysVLimits(name -> name.equals("kern.sysv.shmmax") ? 4_194_304 : -1);
        assertEquals(4_194_304, limits.maxSegmentSize());
        assertEquals(2048, limits.maxMessageSize(), "a message must fit its queue: MSGMNB");
        String max = limits.shown("msgmax");
        assertTrue(max.contains("2048") && max.contains("MSGMNB") && max.contains("40 messages system-wide")
                && max.contains("16384"), max);
        assertTrue(limits.shown("msgmnb").contains("2048 bytes per queue"), limits.shown("msgmnb"));
        assertTrue(limits.shown("msgmni").contains("40 queues"), limits.shown("msgmni"));
        assertEquals(Long.MAX_VALUE, new MacosSysVLimits(name -> -1).maxSegmentSize(), "unknown: shmget decides");
        String undo = new MacosSysVLimits(name -> name.equals("kern.sysv.semume") ? 32 : -1).undoEntriesPerProcess();
        assertTrue(undo.contains("kern.sysv.semume") && undo.contains("32 SEM_UNDO entries per process"), undo);
        assertTrue(limits.undoEntriesPerProcess().contains("10 SEM_UNDO entries"), "unknown: the default");
    }

    @Test
    void versionsAreComparedByMajorAndMinor() {
        int[] since = {14, 4};
        assertTrue(MacosMatrix.atLeast("14.4", since));
        assertTrue(MacosMatrix.atLeast("14.4.1", since));
        assertTrue(MacosMatrix.atLeast("15.0", since));
        assertTrue(MacosMatrix.atLeast("26", since));
        assertFalse(MacosMatrix.atLeast("14.3.9", since));
        assertFalse(MacosMatrix.atLeast("14", since));
        // a JDK linked against an old SDK sees macOS 11+ as 10.16: polling, the safe side
        assertFalse(MacosMatrix.atLeast("10.16", since));
        assertFalse(MacosMatrix.atLeast("unknown", since));
        assertFalse(MacosMatrix.atLeast(null, since));
    }

    /** The version the matrix switches at is the availability the facts table records for os_sync. */
    @Test
    void theOsSyncVersionIsTheOneInTheFactsTable() {
        var row = MacosAbiFacts.load(getClass().getClassLoader()).find("absent", "os_sync_wait_on_address",
                Target.MACOS_ARM64);
        String since = MacosMatrix.OS_SYNC_SINCE[0] + "." + MacosMatrix.OS_SYNC_SINCE[1];
        assertTrue(row.value().startsWith("before macOS " + since + ":"), row.value());
    }

    /** Off macOS the provider is never chosen (supports() is false); activated anyway, it names the OS it is on. */
    @Test
    @DisabledOnOs(OS.MAC)
    void activationOffMacosFailsNamingTheOs() {
        IpcProvider p = provider;
        IllegalStateException e = assertThrows(IllegalStateException.class, p::activate);
        assertTrue(e.getMessage().contains("the macOS binding was loaded on " + System.getProperty("os.name")),
                e.getMessage());
    }
}
