package io.ffmipc.linux;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.contract.PresenceContract;
import io.ffmipc.linux.ffi.Errno;
import io.ffmipc.linux.ffi.LibC;
import io.ffmipc.posix.PosixLibrary;
import io.ffmipc.posix.PosixPresenceSeam;
import io.ffmipc.testkit.StructureMemory;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The presence contract on Linux (open-file-description locks), and the fallback where there are
 * none: a binding without the commands (macOS's) or a kernel that refuses them (before 3.15:
 * {@code EINVAL}) gets no presence seam, so channels and queues judge liveness by pid and start time.
 */
class LinuxPresenceTest extends PresenceContract {
    @Override
    protected IpcPlatform platform() {
        return Ipc.platform();
    }

    @Test
    void linuxOffersPresenceByOpenFileDescriptionLocks() {
        assertTrue(StructureMemory.seams(platform()).presence().isPresent(), "Linux 3.15+ has F_OFD_SETLK");
        assertTrue(PosixPresenceSeam.ifSupported(LibC.INSTANCE).isPresent());
    }

    @Test
    void aBindingWithoutTheCommandsOffersNone() {
        PosixLibrary macosShaped = PosixLibraries.answering(LibC.INSTANCE, Map.of("hasConstant",
                args -> !((String) args[0]).startsWith("F_OFD_") && LibC.INSTANCE.hasConstant((String) args[0])));
        assertTrue(PosixPresenceSeam.ifSupported(macosShaped).isEmpty());
    }

    @Test
    void aKernelThatRefusesThemOffersNone() {
        int getlk = LibC.F_OFD_GETLK.intValue();
        PosixLibrary oldKernel = PosixLibraries.answering(LibC.INSTANCE, Map.of(
                "fcntl", args -> (int) args[2] == getlk ? -1 : args[3] instanceof MemorySegment p
                        ? LibC.INSTANCE.fcntl((MemorySegment) args[0], (int) args[1], (int) args[2], p)
                        : LibC.INSTANCE.fcntl((MemorySegment) args[0], (int) args[1], (int) args[2], (int) args[3]),
                "errno", args -> Errno.EINVAL.intValue()));
        assertTrue(PosixPresenceSeam.ifSupported(oldKernel).isEmpty());
    }
}
