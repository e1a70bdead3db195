package io.ffmipc.windows;

import io.ffmipc.ChildProcess;
import io.ffmipc.ffi.NativeBinder;
import io.ffmipc.spi.LauncherSeam;
import io.ffmipc.windows.ffi.Kernel32;
import io.ffmipc.windows.ffi.Kernel32Abi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Starting a child on Windows: CreateProcessW with STARTUPINFOEXW and a PROC_THREAD_ATTRIBUTE_HANDLE_LIST,
 * so the child inherits exactly the handles handed to it (and its standard streams), each under its
 * own value: the token is {@code handle:VALUE}. A handle in the list must be inheritable and
 * bInheritHandles TRUE: the provider creates every handle non-inheritable and marks the listed ones
 * inheritable only around the CreateProcessW call (one launch at a time, since the mark is the
 * handle's, not the launch's), then puts them back. Standard input reads NUL; standard output and
 * error go to the files given (created or emptied; one handle when both are the same file) or to NUL.
 */
final class WindowsLauncherSeam implements LauncherSeam {
    /** The exit code {@link ChildProcess#kill} gives, as a POSIX shell reports SIGKILL (128 + 9). */
    static final int KILLED = 137;
    private static final int INHERIT = Kernel32Abi.HANDLE_FLAG_INHERIT.intValue();
    private static final Object LAUNCH = new Object();

    @Override
    public String token(int index, long handle) {
        Win32.requireOpen(handle, "inherit", "handle " + handle);
        return HandleTokens.token(handle);
    }

    @Override
    public long handleOf(String token, String what) {
        return HandleTokens.handle(token, what);
    }

    @Override
    public ChildProcess spawn(List<String> command, long[] handles, Path stdout, Path stderr) {
        String program = command.get(0);
        String line = CommandLine.of(command);
        String application = CommandLine.application(program, Files::isRegularFile);
        synchronized (LAUNCH) {
            try (Arena a = Arena.ofConfined()) {
                MemorySegment st = NativeBinder.callState();
                MemorySegment stdin = open(a, "NUL", false, program);
                MemorySegment out = null;
                MemorySegment err = null;
                Set<Long> list = new LinkedHashSet<>();
                int[] before = new int[handles.length];
                int marked = 0;
                try {
                    out = stdout == null ? open(a, "NUL", true, program) : open(a, stdout.toString(), true, program);
                    err = stderr != null && stderr.equals(stdout) ? out
                            : stderr == null ? open(a, "NUL", true, program) : open(a, stderr.toString(), true, program);
                    for (long h : handles) {
                        list.add(h);
                    }
                    list.add(stdin.address());
                    list.add(out.address());
                    list.add(err.address());
                    for (; marked < handles.length; marked++) {
                        before[marked] = inheritable(handles[marked], program);
                    }
                    return start(a, application, line, program, list, stdin, out, err);
                } finally {
                    for (int i = 0; i < marked; i++) {
                        if ((before[i] & INHERIT) == 0) {
                            Kernel32.setHandleInformation(st, Win32.handle(handles[i]), INHERIT, 0);
                        }
                    }
                    Win32.closeQuietly(stdin);
                    Win32.closeQuietly(out);
                    if (err != out) {
                        Win32.closeQuietly(err);
                    }
                }
            }
        }
    }

    /** Marks a handle inheritable; returns its flags before. */
    private static int inheritable(long handle, String program) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = NativeBinder.callState();
            MemorySegment flags = a.allocate(ValueLayout.JAVA_INT);
            MemorySegment h = Win32.handle(handle);
            if (Kernel32.getHandleInformation(st, h, flags) == 0) {
                throw Win32.error("GetHandleInformation", program, st, "handle " + handle + " to be inherited");
            }
            if (Kernel32.setHandleInformation(st, h, INHERIT, INHERIT) == 0) {
                throw Win32.error("SetHandleInformation", program, st, "making handle " + handle + " inheritable");
            }
            return flags.get(ValueLayout.JAVA_INT, 0);
        }
    }

    /** A file (or NUL) opened inheritable for a child's standard stream. */
    private static MemorySegment open(Arena a, String file, boolean write, String program) {
        MemorySegment st = NativeBinder.callState();
        MemorySegment sa = a.allocate(Kernel32Abi.SECURITY_ATTRIBUTES.layout());
        sa.set(ValueLayout.JAVA_INT, Kernel32Abi.SECURITY_ATTRIBUTES.offset("nLength"), (int) sa.byteSize());
        sa.set(ValueLayout.JAVA_INT, Kernel32Abi.SECURITY_ATTRIBUTES.offset("bInheritHandle"), Win32.TRUE);
        int access = write ? Kernel32Abi.GENERIC_WRITE.intValue() : Kernel32Abi.GENERIC_READ.intValue();
        int share = Kernel32Abi.FILE_SHARE_READ.intValue() | Kernel32Abi.FILE_SHARE_WRITE.intValue();
        int disposition = write && !file.equals("NUL") ? Kernel32Abi.CREATE_ALWAYS.intValue()
                : Kernel32Abi.OPEN_EXISTING.intValue();
        MemorySegment h = Kernel32.createFileW(st, Win32.wide(a, file), access, share, sa, disposition,
                Kernel32Abi.FILE_ATTRIBUTE_NORMAL.intValue(), MemorySegment.NULL);
        if (Win32.failed(h)) {
            throw Win32.error("CreateFileW", program, st, "opening " + file + " for the child's "
                    + (write ? "output" : "input"));
        }
        return h;
    }

    private static ChildProcess start(Arena a, String application, String line, String program, Set<Long> handles,
                                      MemorySegment stdin, MemorySegment out, MemorySegment err) {
        MemorySegment st = NativeBinder.callState();
        MemorySegment size = a.allocate(ValueLayout.JAVA_LONG);
        Kernel32.initializeProcThreadAttributeList(st, MemorySegment.NULL, 1, 0, size); // fails, telling the size
        MemorySegment list = a.allocate(Math.max(64, size.get(ValueLayout.JAVA_LONG, 0)), 8);
        if (Kernel32.initializeProcThreadAttributeList(st, list, 1, 0, size) == 0) {
            throw Win32.error("InitializeProcThreadAttributeList", program, st);
        }
        try {
            MemorySegment values = a.allocate(ValueLayout.ADDRESS, handles.size());
            int i = 0;
            for (long h : handles) {
                values.setAtIndex(ValueLayout.ADDRESS, i++, Win32.handle(h));
            }
            if (Kernel32.updateProcThreadAttribute(st, list, 0, Kernel32Abi.PROC_THREAD_ATTRIBUTE_HANDLE_LIST.longValue(),
                    values, values.byteSize(), MemorySegment.NULL, MemorySegment.NULL) == 0) {
                throw Win32.error("UpdateProcThreadAttribute", program, st, "the list of handles to inherit");
            }
            MemorySegment si = a.allocate(Kernel32Abi.STARTUPINFOEXW.layout());
            si.set(ValueLayout.JAVA_INT, Kernel32Abi.STARTUPINFOW.offset("cb"), (int) si.byteSize());
            si.set(ValueLayout.JAVA_INT, Kernel32Abi.STARTUPINFOW.offset("dwFlags"),
                    Kernel32Abi.STARTF_USESTDHANDLES.intValue());
            si.set(ValueLayout.ADDRESS, Kernel32Abi.STARTUPINFOW.offset("hStdInput"), stdin);
            si.set(ValueLayout.ADDRESS, Kernel32Abi.STARTUPINFOW.offset("hStdOutput"), out);
            si.set(ValueLayout.ADDRESS, Kernel32Abi.STARTUPINFOW.offset("hStdError"), err);
            si.set(ValueLayout.ADDRESS, Kernel32Abi.STARTUPINFOEXW.offset("lpAttributeList"), list);
            MemorySegment pi = a.allocate(Kernel32Abi.PROCESS_INFORMATION.layout());
            int flags = Kernel32Abi.EXTENDED_STARTUPINFO_PRESENT.intValue() | Kernel32Abi.CREATE_NO_WINDOW.intValue();
            if (Kernel32.createProcessW(st, application == null ? MemorySegment.NULL : Win32.wide(a, application),
                    Win32.wide(a, line), MemorySegment.NULL, MemorySegment.NULL, Win32.TRUE, flags,
                    MemorySegment.NULL, MemorySegment.NULL, si, pi) == 0) {
                throw Win32.error("CreateProcessW", program, st, "starting " + line);
            }
            MemorySegment process = pi.get(ValueLayout.ADDRESS, Kernel32Abi.PROCESS_INFORMATION.offset("hProcess"));
            Win32.closeQuietly(pi.get(ValueLayout.ADDRESS, Kernel32Abi.PROCESS_INFORMATION.offset("hThread")));
            long pid = Integer.toUnsignedLong(pi.get(ValueLayout.JAVA_INT, Kernel32Abi.PROCESS_INFORMATION.offset("dwProcessId")));
            return new Child(process, pid, program);
        } finally {
            Kernel32.deleteProcThreadAttributeList(list);
        }
    }

    /** A started child: its process handle, waited on for its end. */
    private static final class Child implements ChildProcess {
        private final MemorySegment process;
        private final long pid;
        private final String program;
        private boolean closed;

        Child(MemorySegment process, long pid, String program) {
            this.process = process;
            this.pid = pid;
            this.program = program;
        }

        @Override
        public long pid() {
            return pid;
        }

        @Override
        public synchronized OptionalInt waitFor(Duration timeout) {
            check();
            long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
            MemorySegment st = NativeBinder.callState();
            while (true) {
                long left = deadline - System.nanoTime();
                // slices of at most 50 ms, so an interrupt is seen
                int r = Kernel32.waitForSingleObject(st, process, EventCounter.millisRoundedUp(Math.min(Math.max(0, left), 50_000_000L)));
                if (r == Win32.WAIT_OBJECT_0) {
                    try (Arena a = Arena.ofConfined()) {
                        MemorySegment code = a.allocate(ValueLayout.JAVA_INT);
                        if (Kernel32.getExitCodeProcess(st, process, code) == 0) {
                            throw Win32.error("GetExitCodeProcess", program, st);
                        }
                        return OptionalInt.of(code.get(ValueLayout.JAVA_INT, 0));
                    }
                }
                if (r != Win32.WAIT_TIMEOUT) {
                    throw Win32.error("WaitForSingleObject", program, st, "waiting for pid " + pid);
                }
                if (left <= 0 || Thread.currentThread().isInterrupted()) {
                    return OptionalInt.empty(); // as on POSIX: an interrupted wait reports the child still running
                }
            }
        }

        @Override
        public synchronized void kill() {
            check();
            MemorySegment st = NativeBinder.callState();
            if (Kernel32.terminateProcess(st, process, KILLED) == 0
                    && Kernel32.waitForSingleObject(st, process, 0) != Win32.WAIT_OBJECT_0) {
                throw Win32.error("TerminateProcess", program, st, "pid " + pid);
            } // (a process that has ended already refuses, which is what kill wanted)
        }

        private void check() {
            if (closed) {
                throw new IllegalStateException("child " + pid + " (" + program + ") is closed");
            }
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            try {
                MemorySegment st = NativeBinder.callState();
                if (Kernel32.waitForSingleObject(st, process, 0) == Win32.WAIT_TIMEOUT) {
                    Kernel32.terminateProcess(st, process, KILLED);
                    Kernel32.waitForSingleObject(st, process, 10_000);
                }
            } finally {
                closed = true;
                Win32.closeQuietly(process);
            }
        }

        @Override
        public String toString() {
            return "child pid " + pid + " (" + program + ")";
        }
    }
}
