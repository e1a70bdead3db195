package io.ffmipc.linux;

import io.ffmipc.ChildLauncher;
import io.ffmipc.ChildProcess;
import io.ffmipc.Inheritable;
import io.ffmipc.IpcException;
import io.ffmipc.linux.ffi.Errno;
import io.ffmipc.linux.ffi.LibC;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a child with {@code posix_spawnp}, handing it chosen descriptors. The i-th inherited
 * handle becomes descriptor {@code 3 + i} in the child (token {@code fd:3}, {@code fd:4}, …);
 * every other descriptor above 2 is closed in the child, stdin reads /dev/null, and stdout/stderr
 * go to the given files (default /dev/null). The child gets this process's environment.
 */
public final class SpawnLauncher implements ChildLauncher {
    private static final int FIRST_INHERITED_FD = 3;
    private static final String DEV_NULL = "/dev/null";

    private final List<String> command;
    private final List<Integer> inherited = new ArrayList<>();
    private Path stdout;
    private Path stderr;

    public SpawnLauncher(List<String> command) {
        if (command == null || command.isEmpty()) {
            throw new IllegalArgumentException("a command is required: at least the program to run");
        }
        for (String s : command) {
            if (s == null || s.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("command arguments must be non-null and free of NUL characters: " + command);
            }
        }
        this.command = new ArrayList<>(command);
    }

    @Override
    public String inherit(Inheritable handle) {
        long h = handle.osHandle();
        if (h < 0 || h > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("not a file descriptor: " + h);
        }
        inherited.add((int) h);
        return Descriptors.token(FIRST_INHERITED_FD + inherited.size() - 1);
    }

    @Override
    public ChildLauncher argument(String argument) {
        if (argument == null || argument.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an argument must be non-null and free of NUL characters");
        }
        command.add(argument);
        return this;
    }

    @Override
    public ChildLauncher stdout(Path file) {
        this.stdout = file;
        return this;
    }

    @Override
    public ChildLauncher stderr(Path file) {
        this.stderr = file;
        return this;
    }

    @Override
    public ChildProcess start() {
        String program = command.get(0);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment fa = a.allocate(LibC.SIZEOF_POSIX_SPAWN_FILE_ACTIONS_T.longValue(), 8);
            check(LibC.posixSpawnFileActionsInit(fa), "posix_spawn_file_actions_init", program);
            try {
                addFileActions(a, fa, program);
                MemorySegment argv = a.allocate(ValueLayout.ADDRESS, command.size() + 1);
                for (int i = 0; i < command.size(); i++) {
                    argv.setAtIndex(ValueLayout.ADDRESS, i, a.allocateFrom(command.get(i)));
                }
                argv.setAtIndex(ValueLayout.ADDRESS, command.size(), MemorySegment.NULL);
                MemorySegment pid = a.allocate(ValueLayout.JAVA_INT);
                int err = LibC.posixSpawnp(pid, argv.getAtIndex(ValueLayout.ADDRESS, 0), fa, MemorySegment.NULL, argv,
                        LibC.environ());
                check(err, "posix_spawnp", program);
                return new SpawnedChild(pid.get(ValueLayout.JAVA_INT, 0), program);
            } finally {
                LibC.posixSpawnFileActionsDestroy(fa);
            }
        }
    }

    private void addFileActions(Arena a, MemorySegment fa, String program) {
        int n = inherited.size();
        // Two steps, so that a handle whose number is another's target is not overwritten before it
        // is moved: first copy every handle above all sources and targets, then down to 3, 4, ….
        int parking = FIRST_INHERITED_FD + n;
        for (int fd : inherited) {
            parking = Math.max(parking, fd + 1);
        }
        for (int i = 0; i < n; i++) {
            check(LibC.posixSpawnFileActionsAdddup2(fa, inherited.get(i), parking + i), "posix_spawn_file_actions_adddup2", program);
        }
        for (int i = 0; i < n; i++) {
            check(LibC.posixSpawnFileActionsAdddup2(fa, parking + i, FIRST_INHERITED_FD + i), "posix_spawn_file_actions_adddup2", program);
        }
        // Nothing else leaks into the child: not the JVM's own descriptors, not the parked copies.
        // musl has no closefrom action: there the parked copies are closed one by one, and the
        // JVM's own descriptors are close-on-exec.
        if (LibC.GLIBC) {
            check(LibC.posixSpawnFileActionsAddclosefromNp(fa, FIRST_INHERITED_FD + n), "posix_spawn_file_actions_addclosefrom_np", program);
        } else {
            for (int i = 0; i < n; i++) {
                check(LibC.posixSpawnFileActionsAddclose(fa, parking + i), "posix_spawn_file_actions_addclose", program);
            }
        }
        int rd = LibC.O_RDONLY.intValue();
        int wr = LibC.O_WRONLY.intValue() | LibC.O_CREAT.intValue() | LibC.O_TRUNC.intValue();
        check(LibC.posixSpawnFileActionsAddopen(fa, 0, a.allocateFrom(DEV_NULL), rd, 0), "posix_spawn_file_actions_addopen", program);
        check(LibC.posixSpawnFileActionsAddopen(fa, 1, a.allocateFrom(pathOf(stdout)), wr, 0644), "posix_spawn_file_actions_addopen", program);
        check(LibC.posixSpawnFileActionsAddopen(fa, 2, a.allocateFrom(pathOf(stderr)), wr, 0644), "posix_spawn_file_actions_addopen", program);
    }

    private static String pathOf(Path p) {
        return p == null ? DEV_NULL : p.toAbsolutePath().toString();
    }

    /** posix_spawn* return the error number instead of setting errno. */
    private static void check(int err, String operation, String program) {
        if (err != 0) {
            IpcException e = Errno.exception(operation, program, err,
                    err == Errno.ENOENT.intValue() && operation.equals("posix_spawnp")
                            ? "the program (or a file it names for stdout/stderr) was not found" : null);
            throw e;
        }
    }
}
