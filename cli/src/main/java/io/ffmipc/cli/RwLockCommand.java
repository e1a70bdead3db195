package io.ffmipc.cli;

import io.ffmipc.ObjectKind;
import io.ffmipc.Ipc;
import io.ffmipc.OpenMode;
import io.ffmipc.ReadWriteLock;
import io.ffmipc.spi.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ffmipc rwlock read|write NAME -- COMMAND...} runs a command while holding a process-shared
 * read-write lock (shared for readers, exclusive for a writer, writers preferred), so scripts can
 * guard a file or a resource the way {@code flock(1)} does; {@code rwlock rm NAME} removes it.
 */
@Command(name = "rwlock", mixinStandardHelpOptions = true,
        description = "Process-shared read-write locks: run a command holding the lock shared (read) or exclusive (write).",
        subcommands = {RwLockCommand.Read.class, RwLockCommand.Write.class, RwLockCommand.Remove.class})
final class RwLockCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: read, write or rm");
    }

    /** What read and write share: the lock's name, the wait, and the command run while holding it. */
    abstract static class Hold implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1..*", paramLabel = "COMMAND",
                description = "The command to run while holding the lock (put -- before it); its exit code is ours.")
        List<String> command;

        @Option(names = "--timeout", defaultValue = "30s", converter = Converters.DurationConverter.class,
                description = "Longest wait for the lock, such as 500ms, 5s or 2m (default ${DEFAULT-VALUE}); exit 3 after it.")
        Duration timeout;

        @Spec
        CommandSpec spec;

        abstract String mode();

        abstract boolean lock(ReadWriteLock l, Duration timeout);

        abstract void unlock(ReadWriteLock l);

        @Override
        public Integer call() throws IOException, InterruptedException {
            if (command == null || command.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "a COMMAND to run while holding the lock is required");
            }
            try (ReadWriteLock l = Ipc.platform().readWriteLock(name, OpenMode.OPEN_OR_CREATE, OpenAccess.permissions())) {
                if (!lock(l, timeout)) {
                    return ExitCodes.timedOut(spec, "read-write lock '" + name + "': no " + mode() + " lock within "
                            + Durations.format(timeout));
                }
                try {
                    Process p = new ProcessBuilder(command).inheritIO().start();
                    return p.waitFor();
                } finally {
                    unlock(l);
                }
            }
        }
    }

    @Command(name = "read", mixinStandardHelpOptions = true,
            description = "Run COMMAND holding the lock shared: other readers may run at once, writers wait.")
    static final class Read extends Hold {
        @Override
        String mode() {
            return "read";
        }

        @Override
        boolean lock(ReadWriteLock l, Duration timeout) {
            return l.readLock(timeout);
        }

        @Override
        void unlock(ReadWriteLock l) {
            l.readUnlock();
        }
    }

    @Command(name = "write", mixinStandardHelpOptions = true,
            description = "Run COMMAND holding the lock exclusively: no reader or other writer runs meanwhile.")
    static final class Write extends Hold {
        @Override
        String mode() {
            return "write";
        }

        @Override
        boolean lock(ReadWriteLock l, Duration timeout) {
            return l.writeLock(timeout);
        }

        @Override
        void unlock(ReadWriteLock l) {
            l.writeUnlock();
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove a read-write lock.")
    static final class Remove extends RemoveByName {
        @Override
        ObjectKind kind() {
            return ObjectKind.READ_WRITE_LOCK;
        }
    }
}
