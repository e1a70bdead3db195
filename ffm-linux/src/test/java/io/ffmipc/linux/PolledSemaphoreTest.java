package io.ffmipc.linux;

import io.ffmipc.Ipc;
import io.ffmipc.IpcAccessDeniedException;
import io.ffmipc.IpcException;
import io.ffmipc.IpcPlatform;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.Semaphore;
import io.ffmipc.contract.SemaphoreContract;
import io.ffmipc.core.SeamSemaphore;
import io.ffmipc.linux.ffi.Errno;
import io.ffmipc.linux.ffi.LibC;
import io.ffmipc.posix.PosixLibrary;
import io.ffmipc.posix.PosixProcessSeam;
import io.ffmipc.posix.PosixSemaphoreSeam;
import io.ffmipc.spi.NativeSemaphore;
import io.ffmipc.spi.ProcessSeam;
import io.ffmipc.spi.SemaphoreSeam;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The semaphore contract over the POSIX layer as macOS's binding presents it, run here: no
 * {@code sem_clockwait} (macOS has no timed wait on a named semaphore at all), so every timed
 * acquire polls {@code sem_trywait} with backoff; and, in the tests of this class, a C library that
 * keeps no file behind a semaphore and whose {@code sem_getvalue} is a stub failing with ENOSYS.
 * The other side of the cross-process test is a child on the real Linux platform: the same kernel
 * objects, waited on both ways.
 */
class PolledSemaphoreTest extends SemaphoreContract {
    /** glibc without sem_clockwait; calling it anyway fails, as a binding that lacks it does. */
    private static final PosixLibrary NO_TIMED_WAIT = PosixLibraries.answering(
            PosixLibraries.without(LibC.INSTANCE, "sem_clockwait", "sem_timedwait"),
            Map.of("semClockwait", args -> {
                throw new UnsupportedOperationException("sem_clockwait was called although has() said it is missing");
            }));
    private static final SemaphoreSeam SEAM = new PosixSemaphoreSeam(NO_TIMED_WAIT);
    private static final ProcessSeam PROCESSES = new PosixProcessSeam(LibC.INSTANCE);
    private static final IpcPlatform PLATFORM = platformWith(SEAM);

    @Override
    protected IpcPlatform platform() {
        return PLATFORM;
    }

    /** Linux's platform with its semaphores served by {@code seam}; everything else is the real one. */
    static IpcPlatform platformWith(SemaphoreSeam seam) {
        IpcPlatform real = Ipc.platform();
        return (IpcPlatform) Proxy.newProxyInstance(IpcPlatform.class.getClassLoader(),
                new Class<?>[] {IpcPlatform.class}, (proxy, method, args) -> {
                    if (method.getName().equals("semaphore")) {
                        Permissions p = args.length == 4 ? (Permissions) args[3] : Permissions.OWNER_ONLY;
                        return SeamSemaphore.open(seam, PROCESSES, (String) args[0], (OpenMode) args[1],
                                (Integer) args[2], p);
                    }
                    if (method.getName().equals("removeSemaphore")) {
                        return SeamSemaphore.remove(seam, (String) args[0]);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void theSeamSaysItCannotWaitSoTheCorePolls() {
        String name = newName();
        NativeSemaphore s = SEAM.create(name, 0, Permissions.OWNER_ONLY);
        try {
            assertFalse(s.timedWait());
        } finally {
            s.close();
        }
        try (Semaphore sem = platform().semaphore(name, OpenMode.OPEN, 0)) {
            long t0 = System.nanoTime();
            assertFalse(sem.tryAcquire(Duration.ofMillis(100)), "nothing to take");
            assertTrue(System.nanoTime() - t0 >= 95_000_000L, "the polled wait lasted its timeout");
        }
    }

    /**
     * Where the C library keeps no file behind a named semaphore and cannot report its owner, the
     * core cannot rule out that another user created the name first: it refuses to open it unless
     * the caller accepts another owner, and says why. A value the OS cannot tell is a typed error.
     */
    @Test
    void anOwnerTheOsCannotTellIsRefusedUnlessAcceptedAndAValueItCannotTellIsAnError() {
        ThreadLocal<Boolean> stubbed = ThreadLocal.withInitial(() -> false);
        PosixLibrary noFile = PosixLibraries.answering(NO_TIMED_WAIT, Map.of(
                "semaphoreFile", args -> null,
                "semaphoreOwner", args -> -1L,
                "semGetvalue", args -> {
                    stubbed.set(true);
                    return -1;
                },
                "errno", args -> {
                    if (stubbed.get()) {
                        stubbed.set(false);
                        return Errno.ENOSYS.intValue();
                    }
                    return LibC.INSTANCE.errno((MemorySegment) args[0]);
                }));
        IpcPlatform macLike = platformWith(new PosixSemaphoreSeam(noFile));
        String name = newName();
        try (Semaphore created = macLike.semaphore(name, OpenMode.CREATE, 1)) {
            IpcAccessDeniedException e = assertThrows(IpcAccessDeniedException.class,
                    () -> macLike.semaphore(name, OpenMode.OPEN, 0));
            assertTrue(e.getMessage().contains("cannot tell who owns") && e.getMessage().contains(name)
                    && e.getMessage().contains("acceptingForeignOwner"), e.getMessage());
            assertThrows(IpcAccessDeniedException.class, () -> macLike.semaphore(name, OpenMode.OPEN_OR_CREATE, 0));
            try (Semaphore opened = macLike.semaphore(name, OpenMode.OPEN, 0,
                    Permissions.OWNER_ONLY.acceptingForeignOwner())) {
                assertTrue(opened.tryAcquire());
                IpcException value = assertThrows(IpcException.class, opened::value);
                assertTrue(value.getMessage().contains("cannot tell") && value.getMessage().contains(name),
                        value.getMessage());
                created.release();
                assertTrue(opened.tryAcquire(Duration.ofSeconds(5)));
            }
        }
        try (Semaphore real = Ipc.platform().semaphore(name, OpenMode.OPEN, 0)) {
            assertEquals(0, real.value(), "both units were taken through the stubbed binding");
        }
    }
}
