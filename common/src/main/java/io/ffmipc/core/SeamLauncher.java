package io.ffmipc.core;

import io.ffmipc.ChildLauncher;
import io.ffmipc.ChildProcess;
import io.ffmipc.Inheritable;
import io.ffmipc.spi.LauncherSeam;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@link ChildLauncher} on any OS over a {@link LauncherSeam}: the command and its checks, the
 * handles to inherit with their tokens, the output files; the seam only starts the process.
 */
public final class SeamLauncher implements ChildLauncher {
    private final LauncherSeam seam;
    private final List<String> command;
    private final List<Long> inherited = new ArrayList<>();
    private Path stdout;
    private Path stderr;

    public SeamLauncher(LauncherSeam seam, List<String> command) {
        this.seam = Objects.requireNonNull(seam, "seam");
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
        Objects.requireNonNull(handle, "handle");
        long h = handle.osHandle();
        String token = seam.token(inherited.size(), h); // checks the handle before it is kept
        inherited.add(h);
        return token;
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
        long[] handles = inherited.stream().mapToLong(Long::longValue).toArray();
        return seam.spawn(List.copyOf(command), handles, stdout, stderr);
    }
}
