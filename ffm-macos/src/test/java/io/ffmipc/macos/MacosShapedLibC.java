package io.ffmipc.macos;

import io.ffmipc.IpcNames;
import io.ffmipc.ffi.Target;
import io.ffmipc.linux.ffi.LibC;
import io.ffmipc.macos.ffi.AnonymousSharedMemory;
import io.ffmipc.macos.ffi.MacosDeclarations;
import io.ffmipc.macos.ffi.MacosPosix;
import io.ffmipc.posix.PosixLibrary;

import java.io.IOException;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test-only: glibc answering the POSIX layer as libSystem does ({@link MacosPosix}), so the macOS
 * seams run on Linux. What macOS lacks is missing here too — every optional function macOS has not
 * ({@code has} is the macOS binding's answer), {@code SOCK_CLOEXEC}, {@code SOCK_NONBLOCK} and
 * {@code MSG_CMSG_CLOEXEC}, the abstract socket namespace, a semaphore's file, a working
 * {@code sem_getvalue}, {@code posix_spawn_file_actions_addclosefrom_np} — and macOS's choices are
 * made: 31-character names, anchors in {@code /var/tmp}, unnamed memory as an unlinked shm object
 * ({@link AnonymousSharedMemory}), no size seal. The calls themselves are glibc's, with Linux's
 * values: the kernel objects are real.
 *
 * <p>Where macOS asks its kernel something Linux cannot be asked the same way, the answer is the
 * same fact read the Linux way: a semaphore's owner (macOS: {@code proc_pidfdinfo}) from its file in
 * {@code /dev/shm}, which this wrapper remembers by the address {@code sem_open} returned.
 */
final class MacosShapedLibC {
    /** Linux has no SO_NOSIGPIPE: its sends keep MSG_NOSIGNAL, which the macOS binding does not declare. */
    private static final Set<String> KEPT = Set.of("MSG_NOSIGNAL");
    private static final MacosDeclarations MACOS = new MacosDeclarations(Target.MACOS_X86_64);
    private static final long ERRNO_OFFSET = Linker.Option.captureStateLayout()
            .byteOffset(MemoryLayout.PathElement.groupElement("errno"));
    private static final Map<Long, String> SEMAPHORES = new ConcurrentHashMap<>();

    private MacosShapedLibC() {
    }

    static PosixLibrary create() {
        LibC real = LibC.INSTANCE;
        PosixLibrary[] self = new PosixLibrary[1];
        self[0] = (PosixLibrary) Proxy.newProxyInstance(PosixLibrary.class.getClassLoader(),
                new Class<?>[] {PosixLibrary.class}, (proxy, method, args) -> {
                    Object answer = answer(self[0], real, method, args);
                    if (answer != REAL) {
                        return answer;
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return self[0];
    }

    private static final Object REAL = new Object();

    private static Object answer(PosixLibrary self, LibC real, Method method, Object[] args) throws Throwable {
        return switch (method.getName()) {
            case "has" -> MACOS.has((String) args[0]) && real.has((String) args[0]);
            case "hasConstant" -> declared(real, (String) args[0]);
            case "constant" -> {
                if (!declared(real, (String) args[0])) {
                    throw new IllegalArgumentException("the macOS binding declares no constant " + args[0]);
                }
                yield REAL;
            }
            case "abstractSockets" -> false;
            case "sharedMemoryName", "posixName", "semaphoreName" -> IpcNames.macos((String) args[0]);
            case "semaphoreFile" -> null;
            case "semOpen" -> {
                MemorySegment sem = (MemorySegment) invoke(real, method, args);
                SEMAPHORES.put(sem.address(), (String) ((MemorySegment) args[1]).getString(0));
                yield sem;
            }
            case "semaphoreOwner" -> owner(((MemorySegment) args[0]).address());
            case "semGetvalue" -> { // libSystem's stub
                ((MemorySegment) args[0]).set(ValueLayout.JAVA_INT, ERRNO_OFFSET, real.constant("ENOSYS"));
                yield -1;
            }
            case "anchorFile" -> MacosPosix.ANCHOR_DIRECTORY + IpcNames.validateStored((String) args[0]);
            case "anonymousFile" -> AnonymousSharedMemory.open(self, (MemorySegment) args[0]);
            case "sealSize" -> 0;
            case "descriptorPath" -> {
                String path = real.descriptorPath((Integer) args[0]);
                yield path == null || path.startsWith("/dev/shm/") ? null : path; // macOS: no path for shm
            }
            case "sharedMemoryOfPath" -> null;
            case "semop" -> UndoEntries.semop(real, (MemorySegment) args[0], (Integer) args[1], (MemorySegment) args[2],
                    (Long) args[3]);
            case "semctl" -> {
                if ((Integer) args[3] == real.constant("IPC_RMID")) {
                    UndoEntries.forget((Integer) args[1]);
                }
                yield REAL;
            }
            case "accept4", "posixSpawnFileActionsAddclosefromNp", "semClockwait", "semTimedwait", "semtimedop",
                 "posixFallocate", "mqOpen", "mqTimedsend", "mqTimedreceive", "mqGetattr", "mqSetattr", "mqClose",
                 "mqUnlink" -> throw new UnsupportedOperationException("macOS has no " + method.getName()
                    + " (has() said so)");
            default -> REAL;
        };
    }

    /**
     * macOS's per-process limit on {@code SEM_UNDO} entries, which Linux does not have: xnu keeps one
     * entry per (set, semaphore) whose undo adjustment is not zero, at most {@code kern.sysv.semume}
     * (10 by default), and fails the {@code semop} that would need one more with EINVAL, the set
     * untouched (xnu {@code bsd/kern/sysv_sem.c}, {@code semundo_adjust}). Kept for this JVM, which
     * is one process; a removed set's entries go with it, as on macOS.
     */
    static final class UndoEntries {
        static final int SEMUME = 10;
        private static final Map<Long, Integer> ADJUSTMENTS = new java.util.HashMap<>();

        private UndoEntries() {
        }

        static synchronized int semop(LibC real, MemorySegment state, int semid, MemorySegment sops, long nsops) {
            int undo = real.constant("SEM_UNDO");
            Map<Long, Integer> after = new java.util.HashMap<>(ADJUSTMENTS);
            for (int i = 0; i < nsops; i++) {
                int num = Short.toUnsignedInt(sops.get(ValueLayout.JAVA_SHORT, i * 6L));
                short op = sops.get(ValueLayout.JAVA_SHORT, i * 6L + 2);
                short flags = sops.get(ValueLayout.JAVA_SHORT, i * 6L + 4);
                if ((flags & undo) != 0 && op != 0) {
                    after.merge(((long) semid << 16) | num, -op, Integer::sum);
                }
            }
            after.values().removeIf(v -> v == 0);
            if (after.size() > SEMUME) {
                state.set(ValueLayout.JAVA_INT, ERRNO_OFFSET, real.constant("EINVAL"));
                return -1;
            }
            int r = real.semop(state, semid, sops, nsops);
            if (r == 0) {
                ADJUSTMENTS.clear();
                ADJUSTMENTS.putAll(after);
            }
            return r;
        }

        static synchronized void forget(int semid) {
            ADJUSTMENTS.keySet().removeIf(k -> (k >>> 16) == semid);
        }
    }

    /** Declared on both: what macOS's binding declares, with Linux's value. */
    private static boolean declared(LibC real, String macro) {
        return real.hasConstant(macro) && (MACOS.hasConstant(macro) || KEPT.contains(macro));
    }

    /** The owner of glibc's file behind the semaphore at {@code address} ({@code /dev/shm/sem.NAME}), or -1. */
    private static long owner(long address) throws IOException {
        String name = SEMAPHORES.get(address);
        if (name == null) {
            return -1;
        }
        Path file = Path.of("/dev/shm/sem." + name.substring(1));
        return Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                ? ((Integer) Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue() : -1;
    }

    private static Object invoke(LibC real, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(real, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
