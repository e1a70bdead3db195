package io.ffmipc.macos;

import io.ffmipc.IpcObjectInfo;
import io.ffmipc.posix.FileObjectLister;
import io.ffmipc.posix.PosixLibrary;
import io.ffmipc.spi.ObjectLister;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * What macOS lets a process see of the library's objects: FIFOs, message-pipe servers' socket files
 * and robust-mutex anchors, which are files in {@code /var/tmp}, and the System V objects
 * ({@link IpcsListing}). POSIX shared memory and semaphores are kernel objects that macOS offers no
 * way to enumerate (no {@code /dev/shm}; xnu keeps them in a private hash): they are not listed, and
 * {@code ffmipc rm} removes them by name.
 */
final class MacosObjectLister implements ObjectLister {
    private final PosixLibrary lib;
    private final Path pipes;
    private final Path anchors;
    private final ObjectLister systemV;

    MacosObjectLister(PosixLibrary lib, Path pipes, Path anchors, ObjectLister systemV) {
        this.lib = lib;
        this.pipes = pipes;
        this.anchors = anchors;
        this.systemV = systemV;
    }

    @Override
    public List<IpcObjectInfo> list() {
        Map<Integer, String> users = new HashMap<>();
        IntFunction<String> owner = uid -> users.computeIfAbsent(uid, u -> {
            String name = lib.userName(Integer.toUnsignedLong(u));
            return name != null ? name : Integer.toUnsignedString(u);
        });
        List<IpcObjectInfo> out = new ArrayList<>();
        FileObjectLister.pipes(pipes, owner, out);
        FileObjectLister.mutexAnchors(lib, anchors, owner, out);
        out.addAll(systemV.list());
        out.sort(Comparator.comparing(IpcObjectInfo::kind).thenComparing(IpcObjectInfo::name));
        return out;
    }
}
