package io.ffmipc.windows;

import io.ffmipc.IpcObjectInfo;
import io.ffmipc.ffi.NativeBinder;
import io.ffmipc.spi.ObjectLister;
import io.ffmipc.windows.ffi.Kernel32;
import io.ffmipc.windows.ffi.Kernel32Abi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code ffmipc ls} sees on Windows: the library's named pipes, by FindFirstFileW on
 * {@code \\.\pipe\*} (the pipe file system answers a directory listing; Microsoft shows it, though
 * the listing of pipes is not a documented API contract, and Wine 8 does not answer it). Named
 * kernel objects (mappings, semaphores, mutexes) cannot be listed with documented calls (only
 * ntdll's NtQueryDirectoryObject can), so they are left out: the matrix says so.
 */
final class WindowsObjectLister implements ObjectLister {

    @Override
    public List<IpcObjectInfo> list() {
        List<IpcObjectInfo> found = new ArrayList<>();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = NativeBinder.callState();
            MemorySegment data = a.allocate(Kernel32Abi.WIN32_FIND_DATAW.layout());
            MemorySegment find = Kernel32.findFirstFileW(st, Win32.wide(a, WindowsNames.PIPE_DIRECTORY + "*"), data);
            if (Win32.failed(find)) {
                return found; // nothing to list, or a system that cannot list pipes
            }
            try {
                long nameAt = Kernel32Abi.WIN32_FIND_DATAW.offset("cFileName");
                do {
                    String pipe = Win32.wideString(data.asSlice(nameAt));
                    WindowsNames.listedPipe(pipe).ifPresent(l -> found.add(new IpcObjectInfo(l.kind(), l.name(), -1, "?",
                            -1, -1, WindowsNames.PIPE_DIRECTORY + pipe)));
                } while (Kernel32.findNextFileW(st, find, data) != 0);
            } finally {
                Kernel32.findClose(st, find);
            }
        }
        return found;
    }
}
