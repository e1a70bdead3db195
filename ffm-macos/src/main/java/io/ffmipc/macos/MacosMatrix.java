package io.ffmipc.macos;

import io.ffmipc.Capability;
import io.ffmipc.CapabilityMatrix;
import io.ffmipc.Support;

/**
 * The macOS capability matrix, as data. Two rows depend on the system's wait primitive:
 * {@code os_sync_wait_on_address} with its SHARED flags exists from macOS 14.4 (libplatform's
 * availability annotation), and before it the wait seam is bounded polling. Which one is in force
 * is predicted from {@code os.version} without touching native code; the provider confirms it at
 * activation by looking the symbol up (a missing symbol means polling, whatever the version says).
 */
public final class MacosMatrix {
    /** The first macOS with {@code os_sync_wait_on_address} (major, minor): its availability in the facts table. */
    static final int[] OS_SYNC_SINCE = {14, 4};

    private static final String OS = "macOS";

    private static final CapabilityMatrix WITH_OS_SYNC = build(true);
    private static final CapabilityMatrix POLLED = build(false);

    private MacosMatrix() {
    }

    /** The matrix where os_sync waits are ({@code true}) or are not available. */
    public static CapabilityMatrix of(boolean osSyncWaits) {
        return osSyncWaits ? WITH_OS_SYNC : POLLED;
    }

    /**
     * The matrix for these system properties: on macOS, by the version; elsewhere (another OS
     * showing every provider's matrix) the current form, 14.4 and later.
     */
    public static CapabilityMatrix forSystem(String osName, String osVersion) {
        boolean mac = osName != null && (osName.startsWith("Mac") || osName.startsWith("Darwin"));
        return of(!mac || atLeast(osVersion, OS_SYNC_SINCE));
    }

    /** Whether a dotted version ({@code 14.4.1}) is at least {@code major.minor}; unreadable means no. */
    static boolean atLeast(String version, int[] majorMinor) {
        if (version == null) {
            return false;
        }
        String[] parts = version.trim().split("\\.");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major > majorMinor[0] || (major == majorMinor[0] && minor >= majorMinor[1]);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static CapabilityMatrix build(boolean osSync) {
        String polled = "before macOS 14.4 there is no public cross-process wait on an address, so waiters poll"
                + " with a yield-then-doubling back-off, up to 1 ms late; the private __ulock calls only if opted in";
        Support event = osSync
                ? Support.nativeVia("os_sync_wait_on_address with OS_SYNC_*_SHARED on shared memory (macOS 14.4+,"
                        + " looked up at run time)")
                : Support.emulated("a word in shared memory, polled", polled);
        Support channel = osSync
                ? Support.nativeVia("shared-memory ring + os_sync wait (macOS 14.4+)")
                : Support.emulated("shared-memory ring, polled waits", polled);
        return CapabilityMatrix.builder(OS)
                .set(Capability.NAMED_SHARED_MEMORY, Support.nativeVia("POSIX shm_open + mmap (names at most 31"
                        + " characters: longer portable names take their documented short form); System V shmget"
                        + " as an extension, by default at most 4 MiB per segment and 8 segments per process"))
                .set(Capability.MAPPED_FILE, Support.nativeVia("open + mmap (MAP_SHARED)"))
                .set(Capability.ANONYMOUS_SHARED_MEMORY, Support.nativeVia("POSIX shm_open under a random name,"
                        + " unlinked at once, passed by descriptor; the size is fixed by the one ftruncate macOS allows"))
                .set(Capability.SEMAPHORE, Support.emulated("POSIX sem_open; timed waits poll sem_trywait",
                        "macOS has no sem_timedwait, so a timed acquire polls with back-off, up to 1 ms late;"
                                + " sem_getvalue is a stub failing with ENOSYS, so the value cannot be read; SEM_VALUE_MAX is 32767"))
                .set(Capability.ROBUST_MUTEX, Support.nativeVia("System V semaphore set with SEM_UNDO + owner pid,"
                        + " named by an anchor file; timed waits poll semop IPC_NOWAIT (macOS has no semtimedop)"))
                .set(Capability.EVENT, event)
                .set(Capability.MESSAGE_QUEUE, Support.emulated("the portable queue on shared memory; extensions:"
                                + " Mach ports (io.ffmipc.macos) and System V msgget",
                        "macOS has no POSIX message queues: FIFO only, no priorities; System V queues"
                                + " default to 2048 bytes per queue and 40 messages system-wide"))
                .set(Capability.BYTE_STREAM_PIPE, Support.nativeVia("mkfifo FIFO"))
                .set(Capability.MESSAGE_PIPE, Support.emulated("Unix SOCK_STREAM with length framing; peer identity"
                                + " from LOCAL_PEERCRED (xucred) and LOCAL_PEERPID",
                        "macOS Unix sockets have no SOCK_SEQPACKET, so message boundaries are the library's framing;"
                                + " LOCAL_PEERPID names the last process that used the peer socket"))
                .set(Capability.HANDLE_PASSING, Support.nativeVia("SCM_RIGHTS over Unix sockets; descriptor"
                        + " inheritance through posix_spawn (POSIX_SPAWN_CLOEXEC_DEFAULT); Mach port rights in"
                        + " messages (extension)"))
                .set(Capability.CHANNEL, channel)
                .set(Capability.PERSISTENT_NAMES, Support.nativeVia("POSIX shared memory, POSIX semaphores, FIFOs"
                        + " and System V objects live until removed or reboot; Mach bootstrap names do not, they"
                        + " die with their receive right"))
                .set(Capability.SYSTEM_V, Support.nativeVia("shmget/shmat, semget + semop with SEM_UNDO (timed waits"
                        + " poll semop IPC_NOWAIT: macOS has no semtimedop), msgget + msgsnd/msgrcv by type; by default"
                        + " at most 4 MiB per segment and 2048 bytes per queue"))
                .build();
    }
}
