package io.ffmipc.linux;

import io.ffmipc.Capability;
import io.ffmipc.CapabilityMatrix;
import io.ffmipc.IpcPlatform;
import io.ffmipc.NativeAccessException;
import io.ffmipc.Support;
import io.ffmipc.linux.ffi.LibC;
import io.ffmipc.spi.IpcProvider;
import io.ffmipc.spi.PlatformSeams;
import io.ffmipc.ffi.NativeAccessCheck;
import io.ffmipc.ffi.Target;
import io.ffmipc.ffi.NativeBinder;

import java.lang.foreign.MemorySegment;

/** The Linux provider (x86_64 and aarch64). Its matrix is plain data, readable on any OS. */
public final class LinuxProvider implements IpcProvider {

    private static final CapabilityMatrix MATRIX = CapabilityMatrix.builder("Linux")
            .set(Capability.NAMED_SHARED_MEMORY, Support.nativeVia("POSIX shm_open + mmap; System V shmget"))
            .set(Capability.MAPPED_FILE, Support.nativeVia("open + mmap (MAP_SHARED)"))
            .set(Capability.ANONYMOUS_SHARED_MEMORY, Support.nativeVia("memfd_create + mmap, size sealed (F_ADD_SEALS)"))
            .set(Capability.SEMAPHORE, Support.nativeVia("POSIX sem_open + sem_clockwait (monotonic; sem_timedwait on musl), a file in the C library's own format (glibc and musl processes cannot share one); System V semget + semtimedop"))
            .set(Capability.ROBUST_MUTEX, Support.nativeVia("System V semaphore set with SEM_UNDO + owner pid, named by an anchor file in /dev/shm"))
            .set(Capability.EVENT, Support.nativeVia("futex on shared memory (named); eventfd for inherited descriptors"))
            .set(Capability.MESSAGE_QUEUE, Support.nativeVia("POSIX mq_open + mq_timedsend/receive, priorities; System V msgget"))
            .set(Capability.BYTE_STREAM_PIPE, Support.nativeVia("mkfifo FIFO"))
            .set(Capability.MESSAGE_PIPE, Support.nativeVia("Unix SOCK_SEQPACKET, SO_PEERCRED"))
            .set(Capability.HANDLE_PASSING, Support.nativeVia("SCM_RIGHTS over Unix sockets; descriptor inheritance through posix_spawn"))
            .set(Capability.CHANNEL, Support.nativeVia("shared-memory ring + futex wait; a peer's liveness by the"
                    + " open-file-description lock its handle holds, true across pid namespaces (by pid + start time"
                    + " on kernels before 3.15)"))
            .set(Capability.PERSISTENT_NAMES, Support.nativeVia("POSIX and System V objects live until removed or reboot"))
            .set(Capability.SYSTEM_V, Support.nativeVia("shmget/shmat, semget + semtimedop (SEM_UNDO), msgget + msgsnd/msgrcv by type"))
            .build();

    /** Made by {@link java.util.ServiceLoader}, on any OS: the matrix is readable without activating. */
    public LinuxProvider() {
        // ServiceLoader needs a public no-argument constructor; nothing native happens here.
    }

    @Override
    public String name() {
        return "linux";
    }

    @Override
    public boolean supports(String osName, String osArch) {
        Target t = Target.of(osName, osArch);
        return t != null && t.isLinux();
    }

    @Override
    public CapabilityMatrix matrix() {
        return MATRIX;
    }

    @Override
    public PlatformSeams activate() {
        Module provider = LinuxProvider.class.getModule();
        NativeAccessCheck.warnIfDisabled(provider);
        try {
            // Under --illegal-native-access=deny, either module's first restricted call fails: this
            // module's (reinterpreting what libc returns) is tried here, io.ffmipc's (linking) by
            // loading libc now — so a denial surfaces here, typed, not at some later call.
            MemorySegment.NULL.reinterpret(0);
            LibC.TARGET.id();
        } catch (IllegalCallerException denied) {
            throw NativeBinder.nativeAccessDenied(provider, denied);
        } catch (ExceptionInInitializerError e) {
            switch (e.getCause()) {
                case NativeAccessException denied -> throw denied;
                case IllegalCallerException denied -> throw NativeBinder.nativeAccessDenied(provider, denied);
                case null, default -> throw e;
            }
        }
        return new LinuxSeams(MATRIX);
    }
}
