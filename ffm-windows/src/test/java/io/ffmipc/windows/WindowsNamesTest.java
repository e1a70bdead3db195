package io.ffmipc.windows;

import io.ffmipc.InvalidNameException;
import io.ffmipc.IpcNames;
import io.ffmipc.ObjectKind;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind's Windows name, in one place: kinds never share a name, and pipe names keep case apart. */
class WindowsNamesTest {
    private final WindowsNames local = new WindowsNames(IpcNames.WindowsNamespace.LOCAL);
    private final WindowsNames global = new WindowsNames(IpcNames.WindowsNamespace.GLOBAL);

    @Test
    void eachKindHasItsOwnPrefixInTheNamespace() {
        assertEquals("Local\\ffmipc.shm.jobs", local.sharedMemory("jobs"));
        assertEquals("Local\\ffmipc.shm..channel.jobs", local.sharedMemory(".channel.jobs"));
        assertEquals("Local\\ffmipc.sem.jobs", local.semaphore("jobs"));
        assertEquals("Local\\ffmipc.mutex.jobs", local.mutex("jobs"));
        assertEquals("Local\\ffmipc.mutexrec.jobs", local.mutexRecord("jobs"));
        assertEquals("Local\\ffmipc.wsem.64..channel.jobs", local.waitSemaphore(".channel.jobs", 64));
        assertEquals("Local\\ffmipc.wcnt.64..channel.jobs", local.waitCounter(".channel.jobs", 64));
        assertEquals("Global\\ffmipc.shm.jobs", global.sharedMemory("jobs"));
        assertEquals("\\\\.\\pipe\\ffmipc.spipe.jobs", WindowsNames.streamPipe("jobs"));
        assertEquals("\\\\.\\pipe\\ffmipc.mpipe.jobs", WindowsNames.messagePipe("jobs"));
        assertEquals("\\\\.\\mailslot\\ffmipc.mslot.jobs", WindowsNames.mailslot("jobs"));
    }

    /** Issue 8 §3 on Windows: one portable name gives a different OS name for every kind. */
    @Test
    void noTwoKindsMeet() {
        List<String> all = List.of(local.sharedMemory("x"), local.semaphore("x"), local.mutex("x"),
                local.mutexRecord("x"), local.waitSemaphore("x", 0), local.waitCounter("x", 0),
                local.sharedMemory(".mutex.x"), local.sharedMemory(".channel.x"));
        assertEquals(all.size(), new HashSet<>(all).size(), all.toString());
        Set<String> pipes = new HashSet<>(List.of(WindowsNames.streamPipe("x").toLowerCase(),
                WindowsNames.messagePipe("x").toLowerCase()));
        assertEquals(2, pipes.size());
        // a stored name cannot end one wait word's offset and start another's: the offset ends with '.'
        assertTrue(!local.waitSemaphore("1.x", 6).equals(local.waitSemaphore("x", 61)));
    }

    @Test
    void namesThatDifferOnlyInCaseStayApartAsPipes() {
        String upper = WindowsNames.messagePipe("Jobs");
        String lower = WindowsNames.messagePipe("jobs");
        assertEquals("\\\\.\\pipe\\ffmipc.mpipe.^jobs", upper);
        assertTrue(!upper.equalsIgnoreCase(lower), upper + " and " + lower + " would be one pipe");
    }

    @Test
    void listedPipesReadBackAsTheirKindAndName() {
        assertEquals(new WindowsNames.Listed(ObjectKind.MESSAGE_PIPE, "Jobs-2"),
                WindowsNames.listedPipe("ffmipc.mpipe.^jobs-2").orElseThrow());
        assertEquals(new WindowsNames.Listed(ObjectKind.STREAM_PIPE, "log"),
                WindowsNames.listedPipe("FFMIPC.SPIPE.LOG").orElseThrow(), "the file system may change the case");
        assertTrue(WindowsNames.listedPipe("mojo.1234.5678").isEmpty(), "another program's pipe");
        String shortened = WindowsNames.messagePipe("A".repeat(IpcNames.MAX_LENGTH)).substring(9);
        assertEquals(ObjectKind.MESSAGE_PIPE, WindowsNames.listedPipe(shortened).orElseThrow().kind());
        assertTrue(WindowsNames.listedPipe(shortened).orElseThrow().name().contains("~"), "shown as it is");
    }

    @Test
    void everyNameIsValidatedAndFitsWindows() {
        assertThrows(InvalidNameException.class, () -> local.semaphore("a\\b"));
        assertThrows(InvalidNameException.class, () -> WindowsNames.messagePipe("-x"));
        String longest = "n".repeat(IpcNames.MAX_LENGTH);
        assertTrue(local.waitCounter(".channel." + longest.substring(9), Long.MAX_VALUE).length()
                <= IpcNames.WINDOWS_MAX_OBJECT_NAME);
        assertTrue(WindowsNames.streamPipe("N".repeat(IpcNames.MAX_LENGTH)).length() <= IpcNames.WINDOWS_MAX_PIPE_NAME);
    }
}
