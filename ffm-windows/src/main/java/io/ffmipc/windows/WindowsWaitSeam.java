package io.ffmipc.windows;

import io.ffmipc.IpcAccessDeniedException;
import io.ffmipc.IpcNames;
import io.ffmipc.SharedMemory;
import io.ffmipc.core.CloseGuard;
import io.ffmipc.ffi.NativeBinder;
import io.ffmipc.spi.ObjectOwner;
import io.ffmipc.spi.ProcessSeam;
import io.ffmipc.spi.SharedWord;
import io.ffmipc.spi.WaitSeam;
import io.ffmipc.windows.ffi.Kernel32;
import io.ffmipc.windows.ffi.Kernel32Abi;
import io.ffmipc.windows.ffi.WinError;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * The wait seam on Windows. WaitOnAddress wakes only threads of its own process (Microsoft documents
 * it; the Wine check {@code wait-on-address-same-process-only} shows it), so every word of shared
 * memory that a thread parks on gets two named kernel objects derived from the memory's stored name
 * and the word's offset: a semaphore its sleepers wait on ({@code Local\ffmipc.wsem.OFFSET.NAME}) and
 * a one-page mapping that counts them ({@code Local\ffmipc.wcnt.OFFSET.NAME}); {@link SleeperCount}
 * is the protocol, and a wake with no sleeper costs no system call. Every process that makes the
 * word opens the same two objects (CreateXxxW opens an existing name), which live as long as one of
 * them has the word.
 *
 * <p>Security: the two objects get the memory's own DACL (whoever may use the memory may wait on it)
 * and this user as owner; existing ones are used only if they belong to this user or to the
 * memory's owner, so nobody can plant a word's objects for a memory they do not own. Words need
 * named shared memory (unnamed memory has no name to derive theirs from).
 */
final class WindowsWaitSeam implements WaitSeam {
    private static final int ERROR_ALREADY_EXISTS = WinError.code(WinError.ERROR_ALREADY_EXISTS);
    private static final int ERROR_TOO_MANY_POSTS = WinError.code(WinError.ERROR_TOO_MANY_POSTS);
    private static final long COUNTER_SIZE = 4096;
    private final WindowsNames names;
    private final Security security;
    private final ProcessSeam processes;

    WindowsWaitSeam(WindowsNames names, Security security, ProcessSeam processes) {
        this.names = names;
        this.security = security;
        this.processes = processes;
    }

    @Override
    public SharedWord word(SharedMemory memory, long offset) {
        Objects.requireNonNull(memory, "memory");
        MemorySegment segment = memory.segment();
        if (offset < 0 || (offset & 3) != 0) {
            throw new IllegalArgumentException("a wait word must be 4-byte aligned at a non-negative offset; got "
                    + offset + " in '" + memory.name() + "'");
        }
        if (offset + 4 > segment.byteSize()) {
            throw new IllegalArgumentException("a wait word at offset " + offset + " does not fit '" + memory.name()
                    + "' (" + segment.byteSize() + " bytes)");
        }
        String stored = memory.name();
        try {
            IpcNames.validateStored(stored);
        } catch (RuntimeException notAName) {
            throw new IllegalArgumentException("on Windows a wait word needs named shared memory (its kernel objects are"
                    + " named after the memory); '" + stored + "' has no portable name");
        }
        long memoryHandle = memory.handle().orElseThrow(() -> new IllegalArgumentException(
                "on Windows a wait word needs the handle of its shared memory ('" + stored + "')")).osHandle();
        String label = "word at offset " + offset + " of '" + stored + "'";
        MemorySegment mh = Win32.handle(memoryHandle);
        ObjectOwner memoryOwner = Security.ownerOf(mh, Security.KERNEL_OBJECT, stored);
        String sddl = Sddl.withOwner(security.userSid(), Security.daclOf(mh, Security.KERNEL_OBJECT, stored));
        MemorySegment counter = null;
        MemorySegment counterView = null;
        MemorySegment semaphore = null;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment sa = Security.attributes(a, sddl);
            MemorySegment st = NativeBinder.callState();
            counter = Kernel32.createFileMappingW(st, Win32.handle(Win32.INVALID_HANDLE_VALUE), sa,
                    Kernel32Abi.PAGE_READWRITE.intValue(), 0, (int) COUNTER_SIZE,
                    Win32.wide(a, names.waitCounter(stored, offset)));
            if (Win32.failed(counter)) {
                throw WindowsSharedMemorySeam.createError(names, "CreateFileMappingW", label, st);
            }
            if (Win32.lastError(st) == ERROR_ALREADY_EXISTS) {
                requireOwner(counter, memoryOwner, label);
            }
            semaphore = Kernel32.createSemaphoreW(st, sa, 0, Integer.MAX_VALUE, Win32.wide(a, names.waitSemaphore(stored, offset)));
            if (Win32.failed(semaphore)) {
                throw WindowsSharedMemorySeam.createError(names, "CreateSemaphoreW", label, st);
            }
            if (Win32.lastError(st) == ERROR_ALREADY_EXISTS) {
                requireOwner(semaphore, memoryOwner, label);
            }
            counterView = WindowsSharedMemorySeam.mapView(counter, COUNTER_SIZE, label).reinterpret(COUNTER_SIZE);
            return new Word(segment, offset, label, counter, counterView, semaphore);
        } catch (RuntimeException e) {
            if (counterView != null) {
                Kernel32.unmapViewOfFile(NativeBinder.callState(), counterView);
            }
            Win32.closeQuietly(semaphore);
            Win32.closeQuietly(counter);
            throw e;
        }
    }

    /** An existing wait object is used only if this user or the memory's owner made it. */
    private void requireOwner(MemorySegment h, ObjectOwner memoryOwner, String label) {
        ObjectOwner owner = Security.ownerOf(h, Security.KERNEL_OBJECT, label);
        ObjectOwner self = processes.currentUser();
        if (!self.sameUser(owner) && (memoryOwner == null || !memoryOwner.sameUser(owner))) {
            throw new IpcAccessDeniedException("make wait word", label, null, "its kernel objects belong to "
                    + (owner == null ? "nobody Windows can name" : processes.describe(owner)) + ", neither this process's user nor the shared memory's owner ("
                    + (memoryOwner == null ? "unknown" : processes.describe(memoryOwner)) + "): someone may have planted them to wake or stall its waiters");
        }
    }

    /** A word with its semaphore and sleeper count; await and wake allocate nothing. */
    private static final class Word implements SharedWord, SleeperCount.Semaphore {
        private final MemorySegment segment;
        private final long offset;
        private final String label;
        private final MemorySegment counter;
        private final MemorySegment counterView;
        private final MemorySegment semaphore;
        private final CloseGuard guard;

        Word(MemorySegment segment, long offset, String label, MemorySegment counter, MemorySegment counterView,
             MemorySegment semaphore) {
            this.segment = segment;
            this.offset = offset;
            this.label = label;
            this.counter = counter;
            this.counterView = counterView;
            this.semaphore = semaphore;
            this.guard = new CloseGuard("shared word", label);
        }

        @Override
        public MemorySegment segment() {
            return segment;
        }

        @Override
        public long offset() {
            return offset;
        }

        @Override
        public int await(int expected, long nanos) {
            guard.enter();
            try {
                return SleeperCount.await(counterView, segment, offset, expected, nanos, this);
            } finally {
                guard.exit();
            }
        }

        @Override
        public int wake(int count) {
            if (count < 1) {
                throw new IllegalArgumentException(label + ": wake count must be at least 1, got " + count);
            }
            guard.enter();
            try {
                if (!segment.scope().isAlive()) {
                    throw new IllegalStateException("wait " + label + ": its shared memory was closed");
                }
                return SleeperCount.wake(counterView, count, this);
            } finally {
                guard.exit();
            }
        }

        @Override
        public boolean take(int millis) {
            return Win32.signalled(semaphore, millis, label);
        }

        @Override
        public void release(int count) {
            MemorySegment st = NativeBinder.callState();
            if (Kernel32.releaseSemaphore(st, semaphore, count, MemorySegment.NULL) == 0
                    && Win32.lastError(st) != ERROR_TOO_MANY_POSTS) { // already more units than sleepers: enough
                throw Win32.error("ReleaseSemaphore", label, st);
            }
        }

        /** Waits for a thread inside await (one slice at most), then releases the word's kernel objects. */
        @Override
        public void close() {
            if (guard.close()) {
                Kernel32.unmapViewOfFile(NativeBinder.callState(), counterView);
                Win32.closeQuietly(semaphore);
                Win32.closeQuietly(counter);
            }
        }

        @Override
        public String toString() {
            return "SemaphoreWord[" + label + (guard.isClosed() ? ", closed]" : "]");
        }
    }
}
