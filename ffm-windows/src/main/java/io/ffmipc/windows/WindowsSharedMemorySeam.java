package io.ffmipc.windows;

import io.ffmipc.IpcAccessDeniedException;
import io.ffmipc.IpcException;
import io.ffmipc.IpcNames;
import io.ffmipc.IpcObjectExistsException;
import io.ffmipc.Permissions;
import io.ffmipc.ffi.NativeBinder;
import io.ffmipc.spi.NativeMemory;
import io.ffmipc.spi.SharedMemorySeam;
import io.ffmipc.windows.ffi.Kernel32;
import io.ffmipc.windows.ffi.Kernel32Abi;
import io.ffmipc.windows.ffi.WinError;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shared memory on Windows: sections backed by the paging file (CreateFileMappingW with
 * INVALID_HANDLE_VALUE, SEC_COMMIT so every page is committed at creation and a full commit limit
 * fails here, not on first touch), named in the session's namespace ({@link WindowsNames}), mapped
 * with MapViewOfFile. A name lives exactly as long as a handle on it, so the {@link NativeMemory}
 * keeps its section handle until the portable layer closes it; {@link #unlink} has nothing to do
 * (persistent names are unsupported). An opened section's size is learnt from its view (VirtualQuery
 * of a whole-section view: whole pages), the only documented way. Mapped files are CreateFileW +
 * an unnamed section on the file; unnamed memory is an unnamed section passed by handle.
 */
final class WindowsSharedMemorySeam implements SharedMemorySeam {
    /** The user-mode address space of 64-bit Windows (128 TiB): no view can be larger. */
    static final long MAX_SIZE = 1L << 47;
    private static final int PAGE_READWRITE = Kernel32Abi.PAGE_READWRITE.intValue();
    private static final int SEC_COMMIT = Kernel32Abi.SEC_COMMIT.intValue();
    private static final int VIEW_ACCESS = Kernel32Abi.FILE_MAP_READ.intValue() | Kernel32Abi.FILE_MAP_WRITE.intValue();
    private static final int ERROR_ALREADY_EXISTS = WinError.code(WinError.ERROR_ALREADY_EXISTS);
    private static final int ERROR_ACCESS_DENIED = WinError.code(WinError.ERROR_ACCESS_DENIED);
    private static final int ERROR_INVALID_HANDLE = WinError.code(WinError.ERROR_INVALID_HANDLE);
    private static final int ERROR_FILE_EXISTS = WinError.code(WinError.ERROR_FILE_EXISTS);
    private static final AtomicLong UNNAMED = new AtomicLong();

    private final WindowsNames names;
    private final Security security;

    WindowsSharedMemorySeam(WindowsNames names, Security security) {
        this.names = names;
        this.security = security;
    }

    @Override
    public long maxSize() {
        return MAX_SIZE;
    }

    @Override
    public NativeMemory create(String name, long size, Permissions permissions) {
        String osName = names.sharedMemory(name);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = NativeBinder.callState();
            MemorySegment section = Kernel32.createFileMappingW(st, Win32.handle(Win32.INVALID_HANDLE_VALUE),
                    security.attributes(a, permissions), PAGE_READWRITE | SEC_COMMIT, (int) (size >>> 32), (int) size,
                    Win32.wide(a, osName));
            if (Win32.failed(section)) {
                throw createError(names, "CreateFileMappingW", name, st);
            }
            if (Win32.lastError(st) == ERROR_ALREADY_EXISTS) {
                Win32.closeQuietly(section); // someone else's: CREATE is exclusive
                throw new IpcObjectExistsException("create shared memory", name, WinError.osError(ERROR_ALREADY_EXISTS), null);
            }
            return new Section(name, "shared memory", section, size, true, security.user(), null);
        }
    }

    /**
     * The typed error of a failed create of a named kernel object: a name held by another type of
     * object (the library keeps its kinds apart, so another program's), or a {@code Global\} create
     * refused for want of SeCreateGlobalPrivilege, say so.
     */
    static IpcException createError(WindowsNames names, String call, String name, MemorySegment st) {
        int e = Win32.lastError(st);
        if (e == ERROR_INVALID_HANDLE) {
            return new IpcObjectExistsException(call, name, WinError.osError(e),
                    "the name is taken by a kernel object of another type (not one this library made)");
        }
        if (e == ERROR_ACCESS_DENIED && names.namespace() == IpcNames.WindowsNamespace.GLOBAL
                && !Security.holdsPrivilege("SeCreateGlobalPrivilege")) {
            return new IpcAccessDeniedException(call, name, WinError.osError(e), "creating objects in the Global\\"
                    + " namespace needs SeCreateGlobalPrivilege, which this process does not hold (services and"
                    + " administrators do); use the default Local\\ namespace");
        }
        return WinError.exception(call, name, e);
    }

    @Override
    public NativeMemory open(String name) {
        String osName = names.sharedMemory(name);
        MemorySegment section;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = NativeBinder.callState();
            section = Kernel32.openFileMappingW(st, VIEW_ACCESS | Kernel32Abi.READ_CONTROL.intValue(), Win32.FALSE,
                    Win32.wide(a, osName));
            if (Win32.failed(section)) {
                int e = Win32.lastError(st);
                throw WinError.exception("OpenFileMappingW", name, e, e == ERROR_INVALID_HANDLE
                        ? "the name is taken by a kernel object of another type (not one this library made)" : null);
            }
        }
        return opened(name, "shared memory", section, Security.KERNEL_OBJECT);
    }

    /** A section opened or adopted: its owner read, its whole view made now, since only the view tells its size. */
    private static Section opened(String name, String kind, MemorySegment section, int objectType) {
        try {
            var owner = objectType < 0 ? null : Security.ownerOf(section, objectType, name);
            MemorySegment view = mapView(section, 0, name);
            long size;
            try (Arena a = Arena.ofConfined()) {
                MemorySegment info = a.allocate(Kernel32Abi.MEMORY_BASIC_INFORMATION.layout());
                MemorySegment st = NativeBinder.callState();
                if (Kernel32.virtualQuery(st, view, info, info.byteSize()) == 0) {
                    IpcException e = Win32.error("VirtualQuery", name, st);
                    Kernel32.unmapViewOfFile(st, view);
                    throw e;
                }
                size = info.get(ValueLayout.JAVA_LONG, Kernel32Abi.MEMORY_BASIC_INFORMATION.offset("RegionSize"));
            }
            return new Section(name, kind, section, size, false, owner, view);
        } catch (RuntimeException e) {
            Win32.closeQuietly(section);
            throw e;
        }
    }

    static MemorySegment mapView(MemorySegment section, long size, String name) {
        MemorySegment st = NativeBinder.callState();
        MemorySegment view = Kernel32.mapViewOfFile(st, section, VIEW_ACCESS, 0, 0, size);
        if (view.address() == 0) {
            throw Win32.error("MapViewOfFile", name, st, size == 0 ? "mapping the whole object" : "mapping " + size + " bytes");
        }
        return view;
    }

    /** Nothing to remove: a name lives while a handle on it does (persistent names are unsupported). */
    @Override
    public boolean unlink(String name) {
        IpcNames.validateStored(name);
        return false;
    }

    @Override
    public NativeMemory createFile(Path file, long size, Permissions permissions) {
        String label = file.toString();
        MemorySegment handle;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = NativeBinder.callState();
            handle = Kernel32.createFileW(st, Win32.wide(a, label), fileAccess(), shareAll(),
                    security.attributes(a, permissions), Kernel32Abi.CREATE_NEW.intValue(),
                    Kernel32Abi.FILE_ATTRIBUTE_NORMAL.intValue(), MemorySegment.NULL);
            if (Win32.failed(handle)) {
                int e = Win32.lastError(st);
                throw WinError.exception("CreateFileW", label, e == ERROR_FILE_EXISTS ? ERROR_ALREADY_EXISTS : e);
            }
        }
        try {
            // A section larger than its file extends the file to the section's size.
            MemorySegment section = fileSection(handle, size, label);
            Win32.closeQuietly(handle); // the section keeps the file open
            return new Section(label, "mapped file", section, size, true, security.user(), null, file);
        } catch (RuntimeException e) {
            Win32.closeQuietly(handle);
            deleteQuietly(file);
            throw e;
        }
    }

    @Override
    public NativeMemory openFile(Path file) {
        String label = file.toString();
        MemorySegment handle;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = NativeBinder.callState();
            // FILE_FLAG_OPEN_REPARSE_POINT: a symbolic link or junction is opened itself, never followed
            handle = Kernel32.createFileW(st, Win32.wide(a, label), fileAccess(), shareAll(), MemorySegment.NULL,
                    Kernel32Abi.OPEN_EXISTING.intValue(), Kernel32Abi.FILE_ATTRIBUTE_NORMAL.intValue()
                            | Kernel32Abi.FILE_FLAG_OPEN_REPARSE_POINT.intValue(), MemorySegment.NULL);
            if (Win32.failed(handle)) {
                throw Win32.error("CreateFileW", label, st);
            }
            MemorySegment info = a.allocate(Kernel32Abi.BY_HANDLE_FILE_INFORMATION.layout());
            if (Kernel32.getFileInformationByHandle(st, handle, info) == 0) {
                IpcException e = Win32.error("GetFileInformationByHandle", label, st);
                Win32.closeQuietly(handle);
                throw e;
            }
            int attributes = info.get(ValueLayout.JAVA_INT, 0);
            if ((attributes & (Kernel32Abi.FILE_ATTRIBUTE_DIRECTORY.intValue()
                    | Kernel32Abi.FILE_ATTRIBUTE_REPARSE_POINT.intValue())) != 0) {
                Win32.closeQuietly(handle);
                throw new IpcException("map file", label, null, (attributes & Kernel32Abi.FILE_ATTRIBUTE_DIRECTORY.intValue()) != 0
                        ? "it is a directory, not a regular file" : "it is a symbolic link or junction, which is not followed");
            }
            long size = ((long) info.get(ValueLayout.JAVA_INT, Kernel32Abi.BY_HANDLE_FILE_INFORMATION.offset("nFileSizeHigh")) << 32)
                    | Integer.toUnsignedLong(info.get(ValueLayout.JAVA_INT,
                    Kernel32Abi.BY_HANDLE_FILE_INFORMATION.offset("nFileSizeLow")));
            try {
                var owner = Security.ownerOf(handle, Security.FILE_OBJECT, label);
                return new Section(label, "mapped file", null, size, false, owner, null, file, handle);
            } catch (RuntimeException e) {
                Win32.closeQuietly(handle);
                throw e;
            }
        }
    }

    @Override
    public NativeMemory createAnonymous(String label, long size) {
        String name = label != null ? label : "unnamed mapping " + UNNAMED.incrementAndGet();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = NativeBinder.callState();
            MemorySegment section = Kernel32.createFileMappingW(st, Win32.handle(Win32.INVALID_HANDLE_VALUE),
                    security.attributes(a, Permissions.OWNER_ONLY), PAGE_READWRITE | SEC_COMMIT, (int) (size >>> 32),
                    (int) size, MemorySegment.NULL);
            if (Win32.failed(section)) {
                throw Win32.error("CreateFileMappingW", name, st, "creating " + size + " bytes of unnamed memory");
            }
            return new Section(name, "shared memory", section, size, true, security.user(), null);
        }
    }

    @Override
    public NativeMemory fromHandle(long handle) {
        String label = "mapping handle " + handle;
        return opened(label, "shared memory", Win32.duplicate(handle, "map shared memory from a handle", label), -1);
    }

    @Override
    public NativeMemory inherited(String token) {
        long handle = HandleTokens.handle(token, "shared memory");
        Win32.requireOpen(handle, "map inherited shared memory", token);
        return opened(token, "shared memory", Win32.handle(handle), -1);
    }

    private static int fileAccess() {
        return Kernel32Abi.GENERIC_READ.intValue() | Kernel32Abi.GENERIC_WRITE.intValue()
                | Kernel32Abi.READ_CONTROL.intValue();
    }

    private static int shareAll() {
        return Kernel32Abi.FILE_SHARE_READ.intValue() | Kernel32Abi.FILE_SHARE_WRITE.intValue()
                | Kernel32Abi.FILE_SHARE_DELETE.intValue();
    }

    /** An unnamed section on an open file, {@code size} bytes (0: the file's size). */
    static MemorySegment fileSection(MemorySegment file, long size, String label) {
        MemorySegment st = NativeBinder.callState();
        MemorySegment section = Kernel32.createFileMappingW(st, file, MemorySegment.NULL, PAGE_READWRITE,
                (int) (size >>> 32), (int) size, MemorySegment.NULL);
        if (Win32.failed(section)) {
            throw Win32.error("CreateFileMappingW", label, st, "a section on the file");
        }
        return section;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // already failing: the first error matters
        }
    }

    /**
     * A section handle with what the portable layer needs: its size and owner, and for an opened
     * section the whole-section view already made (it told the size; {@link #map} hands it out).
     */
    private static final class Section implements NativeMemory {
        private final String name;
        private final String kind;
        private MemorySegment section;
        private final long size;
        private final boolean created;
        private final io.ffmipc.spi.ObjectOwner owner;
        private MemorySegment view;
        private final Path file;
        private MemorySegment fileHandle;

        Section(String name, String kind, MemorySegment section, long size, boolean created,
                io.ffmipc.spi.ObjectOwner owner, MemorySegment view) {
            this(name, kind, section, size, created, owner, view, null, null);
        }

        Section(String name, String kind, MemorySegment section, long size, boolean created,
                io.ffmipc.spi.ObjectOwner owner, MemorySegment view, Path file) {
            this(name, kind, section, size, created, owner, view, file, null);
        }

        Section(String name, String kind, MemorySegment section, long size, boolean created,
                io.ffmipc.spi.ObjectOwner owner, MemorySegment view, Path file, MemorySegment fileHandle) {
            this.name = name;
            this.kind = kind;
            this.section = section;
            this.size = size;
            this.created = created;
            this.owner = owner;
            this.view = view;
            this.file = file;
            this.fileHandle = fileHandle;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public boolean created() {
            return created;
        }

        @Override
        public io.ffmipc.spi.ObjectOwner owner() {
            return owner;
        }

        @Override
        public java.util.OptionalLong handle() {
            return section == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(section.address());
        }

        @Override
        public MemorySegment map(long length) {
            if (view != null) {
                MemorySegment v = view; // the whole section, mapped when it was opened: hand it out
                view = null;
                return v;
            }
            if (section == null) { // an opened file: its section is made now, for the size asked
                section = fileSection(fileHandle, length, name);
                Win32.closeQuietly(fileHandle);
                fileHandle = null;
            }
            return mapView(section, length, name);
        }

        @Override
        public void unmap(MemorySegment address, long length) {
            MemorySegment st = NativeBinder.callState();
            if (Kernel32.unmapViewOfFile(st, address) == 0) {
                throw Win32.error("UnmapViewOfFile", name, st);
            }
        }

        @Override
        public void close() {
            if (view != null) { // opened but never mapped (the owner check refused it)
                Kernel32.unmapViewOfFile(NativeBinder.callState(), view);
                view = null;
            }
            Win32.closeQuietly(fileHandle);
            fileHandle = null;
            if (section != null) {
                Win32.close(section, name);
            }
        }

        /** A name dies with its last handle: nothing to remove. A file is deleted (once nothing maps it). */
        @Override
        public boolean unlink() {
            if (file == null) {
                return false;
            }
            try {
                return Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new IpcException("delete mapped file", name, null, e + " (Windows deletes a mapped file only"
                        + " once no process maps it or has it open)");
            }
        }
    }
}
