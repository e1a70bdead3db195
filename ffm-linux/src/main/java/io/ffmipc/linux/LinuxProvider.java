package io.ffmipc.linux;

import io.ffmipc.Capability;
import io.ffmipc.CapabilityMatrix;
import io.ffmipc.IpcPlatform;
import io.ffmipc.NativeAccessException;
import io.ffmipc.Support;
import io.ffmipc.linux.ffi.LibC;
import io.ffmipc.spi.IpcProvider;
import io.ffmipc.spi.abi.NativeAccessCheck;
import io.ffmipc.spi.abi.Target;

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
            .set(Capability.CHANNEL, Support.nativeVia("shared-memory ring + futex wait"))
            .set(Capability.PERSISTENT_NAMES, Support.nativeVia("POSIX and System V objects live until removed or reboot"))
            .build();

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
    public IpcPlatform activate() {
        NativeAccessCheck.warnIfDisabled(LinuxProvider.class.getModule());
        try {
            LibC.TARGET.id(); // links libc now, so denied native access surfaces here, typed
        } catch (ExceptionInInitializerError e) {
            if (e.getCause() instanceof NativeAccessException denied) {
                throw denied;
            }
            throw e;
        }
        return new LinuxPlatform(MATRIX);
    }
}
