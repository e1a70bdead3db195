package io.ffmipc.macos;

import io.ffmipc.Capability;
import io.ffmipc.CapabilityMatrix;
import io.ffmipc.Support;

/**
 * The macOS capability matrix, as data. Two rows depend on the wait primitive in force
 * ({@link MacosWaits.Primitive}): {@code os_sync_wait_on_address} with its SHARED flags exists from
 * macOS 14.4 (libplatform's availability annotation); before it, the private {@code __ulock} calls
 * if the application opted in ({@value MacosWaits#ULOCK_PROPERTY}), else polling.
 *
 * <p>Three readings of the same data, which agree wherever they overlap: the <em>static</em> matrix
 * ({@link #of(MacosWaits.Primitive) of(OS_SYNC)}, what {@code ffmipc matrix --all} and the README
 * show from any machine: the current macOS); the <em>predicted</em> one
 * ({@link MacosProvider#matrix()}, from {@code os.version} and the opt-in property, without touching
 * native code); and the one <em>in force</em> ({@code MacosSeams.matrix()}, computed at activation
 * from the symbols actually found: a missing os_sync means ulock or polling, whatever the version says).
 */
public final class MacosMatrix {
    /** The first macOS with {@code os_sync_wait_on_address} (major, minor): its availability in the facts table. */
    static final int[] OS_SYNC_SINCE = {14, 4};

    private static final String OS = "macOS";

    private static final CapabilityMatrix WITH_OS_SYNC = build(MacosWaits.Primitive.OS_SYNC);
    private static final CapabilityMatrix WITH_ULOCK = build(MacosWaits.Primitive.ULOCK);
    private static final CapabilityMatrix POLLED = build(MacosWaits.Primitive.POLLING);

    private MacosMatrix() {
    }

    /** The matrix where os_sync waits are ({@code true}) or are not available (and polling is in force). */
    public static CapabilityMatrix of(boolean osSyncWaits) {
        return of(osSyncWaits ? MacosWaits.Primitive.OS_SYNC : MacosWaits.Primitive.POLLING);
    }

    /** The matrix with this wait primitive in force. */
    public static CapabilityMatrix of(MacosWaits.Primitive waits) {
        return switch (waits) {
            case OS_SYNC -> WITH_OS_SYNC;
            case ULOCK -> WITH_ULOCK;
            case POLLING -> POLLED;
        };
    }

    /**
     * The matrix for these system properties: on macOS, by the version; elsewhere (another OS
     * showing every provider's matrix) the current form, 14.4 and later.
     */
    public static CapabilityMatrix forSystem(String osName, String osVersion) {
        return forSystem(osName, osVersion, null);
    }

    /** As {@link #forSystem(String, String)}, with the value of the ulock opt-in property ({@value MacosWaits#ULOCK_PROPERTY}). */
    public static CapabilityMatrix forSystem(String osName, String osVersion, String ulockProperty) {
        boolean mac = osName != null && (osName.startsWith("Mac") || osName.startsWith("Darwin"));
        boolean osSync = !mac || atLeast(osVersion, OS_SYNC_SINCE);
        // Predicted without a lookup: ulock exists on every macOS the JDK runs on (11+).
        return of(MacosWaits.choose(osSync, MacosWaits.optedIn(ulockProperty), true));
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

    private static CapabilityMatrix build(MacosWaits.Primitive waits) {
        String polled = "before macOS 14.4 there is no public cross-process wait on an address, so waiters poll"
                + " with a yield-then-doubling back-off, up to 2 ms late; the private __ulock calls only if opted in"
                + " (-D" + MacosWaits.ULOCK_PROPERTY + "=true)";
        Support event = switch (waits) {
            case OS_SYNC -> Support.nativeVia("os_sync_wait_on_address with OS_SYNC_*_SHARED on shared memory (macOS 14.4+,"
                    + " looked up at run time); unnamed events are a counter in shared memory passed by descriptor");
            case ULOCK -> Support.nativeVia("__ulock_wait2/__ulock_wake with UL_COMPARE_AND_WAIT_SHARED on shared memory"
                    + " (private calls under os_sync, opted in with -D" + MacosWaits.ULOCK_PROPERTY + "=true, before"
                    + " macOS 14.4); unnamed events are a counter in shared memory passed by descriptor");
            case POLLING -> Support.emulated("a word in shared memory, polled", polled);
        };
        Support channel = switch (waits) {
            case OS_SYNC -> Support.nativeVia("shared-memory ring + os_sync wait (macOS 14.4+)");
            case ULOCK -> Support.nativeVia("shared-memory ring + __ulock wait (private, opted in, before macOS 14.4)");
            case POLLING -> Support.emulated("shared-memory ring, polled waits", polled);
        };
        return CapabilityMatrix.builder(OS)
                .set(Capability.NAMED_SHARED_MEMORY, Support.nativeVia("POSIX shm_open + mmap (names at most 31"
                        + " characters: longer portable names take their documented short form; sizes are rounded up to"
                        + " whole pages, which an opener sees); System V shmget as an extension, by default at most"
                        + " 4 MiB per segment and 8 segments per process"))
                .set(Capability.MAPPED_FILE, Support.nativeVia("open + mmap (MAP_SHARED)"))
                .set(Capability.ANONYMOUS_SHARED_MEMORY, Support.nativeVia("POSIX shm_open under a random name,"
                        + " unlinked at once, passed by descriptor; the size is fixed by the one ftruncate macOS allows"))
                .set(Capability.SEMAPHORE, Support.emulated("POSIX sem_open; timed waits poll sem_trywait",
                        "macOS has no sem_timedwait, so a timed acquire polls with back-off, up to 2 ms late;"
                                + " sem_getvalue is a stub failing with ENOSYS, so the value cannot be read; SEM_VALUE_MAX is 32767"))
                .set(Capability.ROBUST_MUTEX, Support.nativeVia("System V semaphore set with SEM_UNDO + owner pid,"
                        + " named by an anchor file; timed waits poll semop IPC_NOWAIT (macOS has no semtimedop)"))
                .set(Capability.EVENT, event)
                .set(Capability.MESSAGE_QUEUE, Support.emulated("the portable queue on shared memory; extensions:"
                                + " Mach ports (io.ffmipc.macos) and System V msgget",
                        "macOS has no POSIX message queues: FIFO only, no priorities; System V queues"
                                + " default to 2048 bytes per queue and 40 messages system-wide"))
                .set(Capability.BYTE_STREAM_PIPE, Support.nativeVia("mkfifo FIFO in /var/tmp"))
                .set(Capability.MESSAGE_PIPE, Support.emulated("Unix SOCK_STREAM with length framing, servers as"
                                + " socket files in /var/tmp; peer identity from LOCAL_PEERCRED (xucred) and LOCAL_PEERPID",
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
