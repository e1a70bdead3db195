package io.ffmipc.windows;

import io.ffmipc.Capability;
import io.ffmipc.CapabilityMatrix;
import io.ffmipc.IpcException;
import io.ffmipc.IpcPlatform;
import io.ffmipc.Support;
import io.ffmipc.spi.IpcProvider;
import io.ffmipc.spi.PlatformSeams;
import io.ffmipc.ffi.Target;

/**
 * The Windows provider (x64). Its matrix is plain data, readable on any OS, so {@code ffmipc matrix
 * --all} and the README show the Windows column from a Linux machine.
 *
 * <p>Every cell rests on a Windows behaviour that is checked here as far as Linux allows: the
 * kernel32/advapi32 facts against the mingw-w64 headers, the behaviour by small C programs run under
 * Wine (ffm-windows' test resource {@code windows-behaviour-facts.tsv} lists each, with how it is
 * verified). The platform itself is not implemented yet: {@link #activate()} says so.
 */
public final class WindowsProvider implements IpcProvider {

    private static final CapabilityMatrix MATRIX = CapabilityMatrix.builder("Windows")
            .set(Capability.NAMED_SHARED_MEMORY, Support.nativeVia("CreateFileMappingW (pagefile) + MapViewOfFile in"
                    + " Local\\ (Global\\ on request); an opened mapping's size is rounded up to pages"))
            .set(Capability.MAPPED_FILE, Support.nativeVia("CreateFileW + CreateFileMappingW + MapViewOfFile"))
            .set(Capability.ANONYMOUS_SHARED_MEMORY, Support.nativeVia("unnamed CreateFileMappingW (pagefile), size fixed"
                    + " at creation; passed by DuplicateHandle or inheritance"))
            .set(Capability.SEMAPHORE, Support.nativeVia("CreateSemaphoreW + WaitForSingleObject (timed); maximum fixed at"
                    + " creation; the count cannot be read (no documented call)"))
            .set(Capability.ROBUST_MUTEX, Support.nativeVia("CreateMutexW, held by one owner thread; WAIT_ABANDONED"
                    + " reports the owner's death"))
            .set(Capability.EVENT, Support.nativeVia("CreateEventW, manual or auto reset (named and unnamed)"))
            .set(Capability.MESSAGE_QUEUE, Support.emulated("portable shared-memory queue (ring + named events); mailslot"
                    + " extension (one reader, one way)", "FIFO only, no priorities"))
            .set(Capability.BYTE_STREAM_PIPE, Support.nativeVia("named pipe, byte mode; timeouts by overlapped I/O + CancelIoEx"))
            .set(Capability.MESSAGE_PIPE, Support.nativeVia("named pipe, message mode, local clients only; client pid"
                    + " (GetNamedPipeClientProcessId) and user SID"))
            .set(Capability.HANDLE_PASSING, Support.nativeVia("DuplicateHandle into the peer process; inheritance through"
                    + " CreateProcessW with PROC_THREAD_ATTRIBUTE_HANDLE_LIST"))
            .set(Capability.CHANNEL, Support.nativeVia("shared-memory ring + a named event per wait word (WaitOnAddress"
                    + " wakes only its own process)"))
            .set(Capability.PERSISTENT_NAMES, Support.unsupported("named objects (mappings, semaphores, mutexes, events,"
                    + " pipes, mailslots) are destroyed with their last handle; remove* has nothing to delete"))
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

    /** Not implemented yet: the adapters come once the core's seams exist (issue 10, round 2). */
    @Override
    public PlatformSeams activate() {
        throw new IpcException("activate the Windows provider", null,
                "the Windows platform is not implemented yet: this build has its bindings and capability matrix only");
    }
}
