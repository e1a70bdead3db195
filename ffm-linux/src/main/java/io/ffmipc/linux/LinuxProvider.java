package io.ffmipc.linux;

import io.ffmipc.Capability;
import io.ffmipc.CapabilityMatrix;
import io.ffmipc.IpcPlatform;
import io.ffmipc.Support;
import io.ffmipc.spi.IpcProvider;
import io.ffmipc.spi.abi.Target;

/** The Linux provider (x86_64 and aarch64). Its matrix is plain data, readable on any OS. */
public final class LinuxProvider implements IpcProvider {

    private static final CapabilityMatrix MATRIX = CapabilityMatrix.builder("Linux")
            .set(Capability.NAMED_SHARED_MEMORY, Support.nativeVia("POSIX shm_open + mmap; System V shmget"))
            .set(Capability.MAPPED_FILE, Support.nativeVia("open + mmap (MAP_SHARED)"))
            .set(Capability.SEMAPHORE, Support.nativeVia("POSIX sem_open + sem_clockwait (monotonic); System V semget + semtimedop"))
            .set(Capability.ROBUST_MUTEX, Support.unsupported("not built yet (System V SEM_UNDO is available as a semaphore option)"))
            .set(Capability.EVENT, Support.nativeVia("eventfd (unnamed; handed to child processes by inheritance)"))
            .set(Capability.MESSAGE_QUEUE, Support.unsupported("not built yet (POSIX mq_open planned)"))
            .set(Capability.BYTE_STREAM_PIPE, Support.unsupported("not built yet (FIFO planned)"))
            .set(Capability.MESSAGE_PIPE, Support.unsupported("not built yet (Unix SOCK_SEQPACKET planned)"))
            .set(Capability.HANDLE_PASSING, Support.nativeVia("descriptor inheritance through posix_spawn file actions"))
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
        return new LinuxPlatform(MATRIX);
    }
}
