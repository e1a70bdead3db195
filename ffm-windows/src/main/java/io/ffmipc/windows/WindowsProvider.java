package io.ffmipc.windows;

import io.ffmipc.Capability;
import io.ffmipc.CapabilityMatrix;
import io.ffmipc.IpcNames;
import io.ffmipc.IpcPlatform;
import io.ffmipc.UnsupportedCapabilityException;
import io.ffmipc.core.PortablePlatform;
import io.ffmipc.Support;
import io.ffmipc.spi.IpcProvider;
import io.ffmipc.spi.PlatformSeams;
import io.ffmipc.ffi.Target;

import java.util.Objects;

/**
 * The Windows provider (x64). Its matrix is plain data, readable on any OS, so {@code ffmipc matrix
 * --all} and the README show the Windows column from a Linux machine.
 *
 * <p>Every cell rests on a Windows behaviour that is checked here as far as Linux allows: the
 * kernel32/advapi32 facts against the mingw-w64 headers, the behaviour by small C programs run under
 * Wine (ffm-windows' test resource {@code windows-behaviour-facts.tsv} lists each, with how it is
 * verified). {@link #activate()} binds kernel32 and advapi32 and returns the seams ({@code WindowsSeams}).
 */
public final class WindowsProvider implements IpcProvider {

    private static final CapabilityMatrix MATRIX = CapabilityMatrix.builder("Windows")
            .set(Capability.NAMED_SHARED_MEMORY, Support.nativeVia("CreateFileMappingW (pagefile) + MapViewOfFile in"
                    + " Local\\ (Global\\ on request); an opened mapping's size is rounded up to pages"))
            .set(Capability.MAPPED_FILE, Support.nativeVia("CreateFileW + CreateFileMappingW + MapViewOfFile; a mapped"
                    + " file is deleted only once nothing maps it"))
            .set(Capability.ANONYMOUS_SHARED_MEMORY, Support.nativeVia("unnamed CreateFileMappingW (pagefile), size fixed"
                    + " at creation; passed by DuplicateHandle or inheritance"))
            .set(Capability.SEMAPHORE, Support.nativeVia("CreateSemaphoreW + WaitForSingleObject (timed); maximum"
                    + " 2147483647; the count cannot be read (no documented call)"))
            .set(Capability.ROBUST_MUTEX, Support.nativeVia("CreateMutexW, waited for and released by owner threads;"
                    + " WAIT_ABANDONED reports the owner's death; the holder's pid from a record beside it"))
            .set(Capability.EVENT, Support.nativeVia("named events: a shared word + a named semaphore per wait word;"
                    + " unnamed events (COUNTER/SEMAPHORE): one unnamed semaphore, at most 2147483647 pending"))
            .set(Capability.MESSAGE_QUEUE, Support.emulated("portable shared-memory queue (ring + a named semaphore per"
                    + " wait word); mailslot extension (one reader, one way)", "FIFO only, no priorities"))
            .set(Capability.BYTE_STREAM_PIPE, Support.nativeVia("named pipe, byte mode, one writer per read end; the read"
                    + " end is opened by the process that created the pipe; overlapped I/O"))
            .set(Capability.MESSAGE_PIPE, Support.nativeVia("named pipe, message mode, local clients only, owner-only"
                    + " DACL; client pid (GetNamedPipeClientProcessId), user checked by SID; no socket files"))
            .set(Capability.HANDLE_PASSING, Support.nativeVia("DuplicateHandle into the peer process; inheritance through"
                    + " CreateProcessW with PROC_THREAD_ATTRIBUTE_HANDLE_LIST"))
            .set(Capability.CHANNEL, Support.nativeVia("shared-memory ring + a named semaphore and sleeper count per wait"
                    + " word (WaitOnAddress wakes only its own process)"))
            .set(Capability.PERSISTENT_NAMES, Support.unsupported("named objects (mappings, semaphores, mutexes, pipes,"
                    + " mailslots) are destroyed with their last handle, so remove* removes nothing; ls lists named"
                    + " pipes only (kernel objects need undocumented ntdll calls)"))
            .set(Capability.SYSTEM_V, Support.unsupported("Windows has no System V IPC; the portable kinds cover"
                    + " shared memory, semaphores and message queues"))
            .build();

    public WindowsProvider() {
        // ServiceLoader needs a public no-argument constructor; nothing native happens here.
    }

    @Override
    public String name() {
        return "windows";
    }

    @Override
    public boolean supports(String osName, String osArch) {
        Target t = Target.of(osName, osArch);
        return t != null && t.isWindows();
    }

    @Override
    public CapabilityMatrix matrix() {
        return MATRIX;
    }

    /** The seams of this Windows, its named kernel objects in the session's {@code Local\\} namespace. */
    @Override
    public PlatformSeams activate() {
        requireWindows();
        return new WindowsSeams(MATRIX, IpcNames.WindowsNamespace.LOCAL);
    }

    /**
     * A platform whose named kernel objects (shared memory, semaphores, mutexes and what is built on
     * shared memory) live in {@code namespace}: {@code Global\\} reaches every session (a service and
     * a desktop program); creating there needs SeCreateGlobalPrivilege, and a create refused for
     * want of it says so. Pipes and mailslots have no session namespace. Windows only.
     *
     * @throws UnsupportedCapabilityException on any other OS
     */
    public static IpcPlatform platform(IpcNames.WindowsNamespace namespace) {
        Objects.requireNonNull(namespace, "namespace");
        requireWindows();
        return new PortablePlatform(new WindowsSeams(MATRIX, namespace));
    }

    /** The bindings link on Windows x64 only: anywhere else, say so before any of them is touched. */
    private static void requireWindows() {
        String os = System.getProperty("os.name", "");
        String arch = System.getProperty("os.arch", "");
        if (!new WindowsProvider().supports(os, arch)) {
            throw new UnsupportedCapabilityException(Capability.NAMED_SHARED_MEMORY, os + "/" + arch,
                    "the Windows provider runs on Windows x64 only; its matrix is data and can be read anywhere");
        }
    }
}
