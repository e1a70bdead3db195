package io.ffmipc.windows;

import io.ffmipc.IpcNames;
import io.ffmipc.IpcObjectExistsException;
import io.ffmipc.LockResult;
import io.ffmipc.MutexStatus;
import io.ffmipc.NoSuchIpcObjectException;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.core.OwnerCheck;
import io.ffmipc.ffi.NativeBinder;
import io.ffmipc.spi.IpcErrors;
import io.ffmipc.spi.MutexSeam;
import io.ffmipc.spi.MutexSeams;
import io.ffmipc.spi.ObjectOwner;
import io.ffmipc.spi.ProcessSeam;
import io.ffmipc.windows.ffi.Kernel32;
import io.ffmipc.windows.ffi.Kernel32Abi;
import io.ffmipc.windows.ffi.WinError;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Robust mutexes on Windows: a named mutex (CreateMutexW), which the kernel hands on as abandoned
 * (WAIT_ABANDONED: {@link LockResult#OWNER_DIED}) when the thread that holds it ends, however its
 * process ends. CreateMutexW creates or opens in one call and says which, so the open modes need no
 * lock of their own. The OS calls run on owner threads ({@link MutexOwnerThreads}), because a
 * Windows mutex belongs to the OS thread whose wait took it. Beside the mutex a small named mapping
 * records which process holds it ({@link MutexRecord}), for {@link MutexSeam#status()}: Windows does
 * not say. Names die with their last handle: {@link #remove} has nothing to remove.
 */
final class WindowsMutexSeams implements MutexSeams {
    private static final int ERROR_ALREADY_EXISTS = WinError.code(WinError.ERROR_ALREADY_EXISTS);
    private static final int ERROR_INVALID_HANDLE = WinError.code(WinError.ERROR_INVALID_HANDLE);
    private static final long RECORD_SIZE = 4096;
    private final WindowsNames names;
    private final Security security;
    private final ProcessSeam processes;
    private final long selfPid;
    private volatile long selfStartKey;

    WindowsMutexSeams(WindowsNames names, Security security, ProcessSeam processes) {
        this.names = names;
        this.security = security;
        this.processes = processes;
        this.selfPid = processes.current().pid();
    }

    @Override
    public MutexSeam open(String name, OpenMode mode, Permissions permissions) {
        String osName = names.mutex(name);
        MemorySegment mutex = null;
        MemorySegment record = null;
        MemorySegment view = null;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = NativeBinder.callState();
            MemorySegment sa = security.attributes(a, permissions);
            boolean created;
            if (mode == OpenMode.OPEN) {
                int access = Kernel32Abi.SYNCHRONIZE.intValue() | Kernel32Abi.MUTEX_MODIFY_STATE.intValue()
                        | Kernel32Abi.READ_CONTROL.intValue();
                mutex = Kernel32.openMutexW(st, access, Win32.FALSE, Win32.wide(a, osName));
                if (Win32.failed(mutex)) {
                    int e = Win32.lastError(st);
                    throw WinError.exception("open mutex", name, e, e == ERROR_INVALID_HANDLE
                            ? "the name is taken by a kernel object of another type (not one this library made)"
                            : WinError.kind(e) == io.ffmipc.spi.ErrorKind.NOT_FOUND ? IpcErrors.missingOnOpen("mutex") : null);
                }
                created = false;
            } else {
                mutex = Kernel32.createMutexW(st, sa, Win32.FALSE, Win32.wide(a, osName));
                if (Win32.failed(mutex)) {
                    throw WindowsSharedMemorySeam.createError(names, "create mutex", name, st);
                }
                created = Win32.lastError(st) != ERROR_ALREADY_EXISTS;
                if (!created && mode == OpenMode.CREATE) {
                    throw new IpcObjectExistsException("create mutex", name, WinError.osError(ERROR_ALREADY_EXISTS),
                            "a mutex with this name exists (OpenMode.CREATE is exclusive)");
                }
            }
            ObjectOwner owner = created ? security.user() : Security.ownerOf(mutex, Security.KERNEL_OBJECT, name);
            if (!created) {
                OwnerCheck.require(processes, owner, permissions, "open mutex", "mutex", name);
            }
            record = Kernel32.createFileMappingW(st, Win32.handle(Win32.INVALID_HANDLE_VALUE), sa,
                    Kernel32Abi.PAGE_READWRITE.intValue(), 0, (int) RECORD_SIZE, Win32.wide(a, names.mutexRecord(name)));
            if (Win32.failed(record)) {
                throw WindowsSharedMemorySeam.createError(names, "create mutex record", name, st);
            }
            boolean recordExisted = Win32.lastError(st) == ERROR_ALREADY_EXISTS;
            if (recordExisted) {
                ObjectOwner recordOwner = Security.ownerOf(record, Security.KERNEL_OBJECT, name);
                if (!security.user().sameUser(recordOwner) && (owner == null || !owner.sameUser(recordOwner))) {
                    OwnerCheck.require(processes, recordOwner, permissions, "open mutex", "mutex record", name);
                }
            }
            view = WindowsSharedMemorySeam.mapView(record, RECORD_SIZE, name).reinterpret(RECORD_SIZE);
            if (created) {
                MutexRecord.released(view); // a record left by the mutex's previous life says nothing about this one
            }
            return new Mutex(this, name, osName, mutex, record, view);
        } catch (RuntimeException e) {
            if (view != null) {
                Kernel32.unmapViewOfFile(NativeBinder.callState(), view);
            }
            Win32.closeQuietly(record);
            Win32.closeQuietly(mutex);
            throw e;
        }
    }

    /** Nothing to remove: a mutex's name lives while a handle on it does. */
    @Override
    public boolean remove(String name) {
        IpcNames.validate(name);
        return false;
    }

    long startKey() {
        long k = selfStartKey;
        if (k == 0) {
            k = processes.startKey(selfPid);
            selfStartKey = k;
        }
        return k;
    }

    /** The Win32 calls of {@link MutexOwnerThreads}, made on the owner threads. */
    private static final MutexOwnerThreads.Calls CALLS = new MutexOwnerThreads.Calls() {
        @Override
        public LockResult await(long handle, int millis) {
            MemorySegment st = NativeBinder.callState();
            int r = Kernel32.waitForSingleObject(st, Win32.handle(handle), millis);
            if (r == Win32.WAIT_OBJECT_0) {
                return LockResult.ACQUIRED;
            }
            if (r == Win32.WAIT_ABANDONED) {
                return LockResult.OWNER_DIED;
            }
            if (r == Win32.WAIT_TIMEOUT) {
                return LockResult.TIMED_OUT;
            }
            throw Win32.error("WaitForSingleObject", "mutex handle " + handle, st);
        }

        @Override
        public void release(long handle) {
            MemorySegment st = NativeBinder.callState();
            if (Kernel32.releaseMutex(st, Win32.handle(handle)) == 0) {
                throw Win32.error("ReleaseMutex", "mutex handle " + handle, st);
            }
        }
    };

    /** One open handle on a named mutex, with its record. */
    private static final class Mutex implements MutexSeam {
        private final WindowsMutexSeams seams;
        private final String name;
        private final String identity;
        private final MemorySegment mutex;
        private final MemorySegment record;
        private final MemorySegment view;
        private final MutexOwnerThreads.Shared threads;

        Mutex(WindowsMutexSeams seams, String name, String osName, MemorySegment mutex, MemorySegment record,
              MemorySegment view) {
            this.seams = seams;
            this.name = name;
            this.identity = "windows mutex " + osName;
            this.mutex = mutex;
            this.record = record;
            this.view = view;
            this.threads = MutexOwnerThreads.join(identity, CALLS);
        }

        @Override
        public String identity() {
            return identity;
        }

        @Override
        public LockResult acquire(long timeoutNanos) {
            LockResult r = threads.acquire(mutex.address(), EventCounter.millisRoundedUp(timeoutNanos));
            if (r != LockResult.TIMED_OUT) {
                MutexRecord.held(view, seams.selfPid, seams.startKey());
            }
            return r;
        }

        @Override
        public void release() {
            MutexRecord.released(view);
            try {
                threads.release(mutex.address());
            } catch (RuntimeException e) {
                MutexRecord.held(view, seams.selfPid, seams.startKey());
                throw e;
            }
        }

        @Override
        public void abandon() {
            MutexRecord.abandoned(view);
            threads.abandon();
        }

        @Override
        public MutexStatus status() {
            return MutexRecord.status(view, seams.processes::startKey);
        }

        @Override
        public void close() {
            MutexOwnerThreads.leave(identity);
            Kernel32.unmapViewOfFile(NativeBinder.callState(), view);
            Win32.closeQuietly(record);
            Win32.close(mutex, name);
        }
    }
}
