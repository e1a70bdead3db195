package io.ffmipc.posix;

import io.ffmipc.ChildProcess;
import io.ffmipc.IpcException;
import io.ffmipc.spi.LauncherSeam;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.List;

/**
 * Starts a child with {@code posix_spawnp}, handing it chosen descriptors. The i-th inherited
 * handle becomes descriptor {@code 3 + i} in the child (token {@code fd:3}, {@code fd:4}, …);
 * every other descriptor above 2 is closed in the child, stdin reads /dev/null, and stdout/stderr
 * go to the given files (default /dev/null). The child gets this process's environment.
 */
public final class PosixLauncherSeam implements LauncherSeam {
    private static final int FIRST_INHERITED_FD = 3;
    private static final String DEV_NULL = "/dev/null";
    private final PosixLibrary lib;

    public PosixLauncherSeam(PosixLibrary lib) {
        this.lib = lib;
    }

    @Override
    public String token(int index, long handle) {
        if (handle < 0 || handle > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("not a file descriptor: " + handle);
        }
        return PosixTokens.of(FIRST_INHERITED_FD + index);
    }

    @Override
    public long handleOf(String token, String what) {
        return PosixTokens.descriptor(token, what);
    }

    @Override
    public ChildProcess spawn(List<String> command, long[] inherited, Path stdout, Path stderr) {
        String program = command.get(0);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment fa = a.allocate(lib.constant("sizeof(posix_spawn_file_actions_t)"), 8);
            check(lib.posixSpawnFileActionsInit(fa), "posix_spawn_file_actions_init", program);
            try {
                addFileActions(a, fa, program, inherited, stdout, stderr);
                MemorySegment argv = a.allocate(ValueLayout.ADDRESS, command.size() + 1);
                for (int i = 0; i < command.size(); i++) {
                    argv.setAtIndex(ValueLayout.ADDRESS, i, a.allocateFrom(command.get(i)));
                }
                argv.setAtIndex(ValueLayout.ADDRESS, command.size(), MemorySegment.NULL);
                MemorySegment pid = a.allocate(ValueLayout.JAVA_INT);
                int err = lib.posixSpawnp(pid, argv.getAtIndex(ValueLayout.ADDRESS, 0), fa, lib.spawnAttributes(a),
                        argv, lib.environ());
                check(err, "posix_spawnp", program);
                return new PosixChild(lib, pid.get(ValueLayout.JAVA_INT, 0), program);
            } finally {
                lib.posixSpawnFileActionsDestroy(fa);
            }
        }
    }

    private void addFileActions(Arena a, MemorySegment fa, String program, long[] inherited, Path stdout, Path stderr) {
        int n = inherited.length;
        // Two steps, so that a handle whose number is another's target is not overwritten before it
        // is moved: first copy every handle above all sources and targets, then down to 3, 4, ….
        int parking = FIRST_INHERITED_FD + n;
        for (long fd : inherited) {
            parking = Math.max(parking, (int) fd + 1);
        }
        for (int i = 0; i < n; i++) {
            check(lib.posixSpawnFileActionsAdddup2(fa, (int) inherited[i], parking + i), "posix_spawn_file_actions_adddup2", program);
        }
        for (int i = 0; i < n; i++) {
            check(lib.posixSpawnFileActionsAdddup2(fa, parking + i, FIRST_INHERITED_FD + i), "posix_spawn_file_actions_adddup2", program);
        }
        // Nothing else leaks into the child: not the JVM's own descriptors, not the parked copies
        // (where the file actions cannot say so, the spawn attributes do: see PosixLibrary.spawnAttributes).
        if (lib.has("posix_spawn_file_actions_addclosefrom_np")) {
            check(lib.posixSpawnFileActionsAddclosefromNp(fa, FIRST_INHERITED_FD + n),
                    "posix_spawn_file_actions_addclosefrom_np", program);
        } else {
            // No closefrom action (musl): the parked copies are closed one by one; the JVM opens
            // its own descriptors close-on-exec.
            for (int i = 0; i < n; i++) {
                check(lib.posixSpawnFileActionsAddclose(fa, parking + i), "posix_spawn_file_actions_addclose", program);
            }
        }
        int rd = lib.constant("O_RDONLY");
        int wr = lib.constant("O_WRONLY") | lib.constant("O_CREAT") | lib.constant("O_TRUNC");
        check(lib.posixSpawnFileActionsAddopen(fa, 0, a.allocateFrom(DEV_NULL), rd, 0), "posix_spawn_file_actions_addopen", program);
        check(lib.posixSpawnFileActionsAddopen(fa, 1, a.allocateFrom(pathOf(stdout)), wr, 0644), "posix_spawn_file_actions_addopen", program);
        check(lib.posixSpawnFileActionsAddopen(fa, 2, a.allocateFrom(pathOf(stderr)), wr, 0644), "posix_spawn_file_actions_addopen", program);
    }

    private static String pathOf(Path p) {
        return p == null ? DEV_NULL : p.toAbsolutePath().toString();
    }

    /** posix_spawn* return the error number instead of setting errno. */
    private void check(int err, String operation, String program) {
        if (err != 0) {
            IpcException e = lib.error(operation, program, err,
                    err == lib.constant("ENOENT") && operation.equals("posix_spawnp")
                            ? "the program (or a file it names for stdout/stderr) was not found" : null);
            throw e;
        }
    }
}
