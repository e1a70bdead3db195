package io.ffmipc.macos;

import io.ffmipc.CapabilityMatrix;
import io.ffmipc.IpcException;
import io.ffmipc.linux.LinuxProvider;
import io.ffmipc.posix.PosixLibrary;
import io.ffmipc.posix.SystemVLimits;
import io.ffmipc.spi.IpcProvider;
import io.ffmipc.spi.ObjectLister;
import io.ffmipc.spi.PlatformSeams;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Test-only provider, registered in this module's test resources, that makes the macOS seams
 * ({@link MacosSeams}, exactly as {@link MacosProvider} wires them) the platform of every JVM the
 * tests start on Linux — the test JVM and each child, which runs with the same class path and so
 * picks the same provider (this module's test classes come before the Linux jar). The binding is
 * glibc answering like libSystem ({@link MacosShapedLibC}); the wait primitive is Linux's shared
 * futex in os_sync's place ({@link FutexAddressWait}), so the matrix is the os_sync one, as on the
 * macOS CI runners. On macOS it supports nothing and the real provider is chosen.
 */
public final class MacosShapedProvider implements IpcProvider {

    public MacosShapedProvider() {
        // ServiceLoader needs a public no-argument constructor
    }

    @Override
    public String name() {
        return "macos-shaped-linux (test)";
    }

    @Override
    public boolean supports(String osName, String osArch) {
        return osName != null && osName.startsWith("Linux");
    }

    @Override
    public CapabilityMatrix matrix() {
        return MacosMatrix.of(MacosWaits.Primitive.OS_SYNC);
    }

    @Override
    public PlatformSeams activate() {
        PosixLibrary lib = MacosShapedLibC.create();
        // System V objects as Linux lists them (/proc/sysvipc): on macOS the ipcs command does.
        ObjectLister linux = new LinuxProvider().activate().objects();
        ObjectLister systemV = () -> linux.list().stream().filter(o -> o.kind().systemV()).toList();
        return new MacosSeams(matrix(), lib, Optional.of(new AddressWaitSeam(new FutexAddressWait(), lib)),
                new ProcSysVLimits(), devShmSize(), systemV, Optional::empty);
    }

    private static long devShmSize() {
        try {
            return Files.getFileStore(Path.of("/dev/shm")).getTotalSpace();
        } catch (IOException e) {
            throw new IpcException("read /dev/shm size", "/dev/shm", null, e.toString());
        }
    }

    /** Linux's System V limits, for the messages of the layer on this kernel. */
    private static final class ProcSysVLimits implements SystemVLimits {
        private static final Path KERNEL = Path.of("/proc/sys/kernel");

        @Override
        public long maxSegmentSize() {
            long v = read("shmmax");
            return v <= 0 ? Long.MAX_VALUE : v;
        }

        @Override
        public long maxMessageSize() {
            return read("msgmax");
        }

        @Override
        public String shown(String name) {
            return KERNEL.resolve(name) + " (now " + read(name) + ")";
        }

        /** macOS's limit, which {@link MacosShapedLibC.UndoEntries} emulates on this kernel. */
        @Override
        public String undoEntriesPerProcess() {
            return "kern.sysv.semume (SEMUME: " + MacosShapedLibC.UndoEntries.SEMUME
                    + " SEM_UNDO entries per process, emulated on Linux)";
        }

        private static long read(String name) {
            try {
                List<String> lines = Files.readAllLines(KERNEL.resolve(name));
                return Long.parseUnsignedLong(lines.get(0).trim());
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
    }
}
