package io.ffmipc.cli;

import io.ffmipc.Ipc;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.Semaphore;
import io.ffmipc.spi.Durations;
import io.ffmipc.SystemV;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ffmipc sem create|post|wait|get|rm}: named (POSIX) semaphores, or a System V set by {@code --key}. */
@Command(name = "sem", mixinStandardHelpOptions = true,
        description = "Create, post, wait for, read and remove semaphores: by NAME (POSIX) or by --key (a System V set; --index picks one).",
        subcommands = {SemCommand.Create.class, SemCommand.Post.class, SemCommand.Wait.class, SemCommand.Get.class,
                SemCommand.Remove.class})
final class SemCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: create, post, wait, get or rm");
    }

    /** The options every command on an existing semaphore shares. */
    static final class Target {
        @Parameters(arity = "0..1", paramLabel = "NAME")
        List<String> positionals;

        @Option(names = "--key", paramLabel = "K", converter = Converters.KeyConverter.class, description = "System V set key instead of a NAME.")
        Integer key;

        @Option(names = "--index", defaultValue = "0", description = "Which semaphore of a System V set (default 0).")
        int index;
    }

    /** One semaphore, however it is named. */
    private interface Handle extends AutoCloseable {
        void post();

        boolean await(Duration timeout);

        int value();

        @Override
        void close();
    }

    private static Handle open(CommandSpec spec, Target t) {
        ObjectRef ref = ObjectRef.of(spec, t.positionals, t.key, 0);
        if (t.index < 0) { // wrong whatever the set: a usage error; too large for this set is an error (exit 1)
            throw new ParameterException(spec.commandLine(), "--index must be 0 or more, got " + t.index);
        }
        if (ref.systemV()) {
            SystemV.SemaphoreSet set = SystemVAccess.get().semaphoreSet(ref.key(), OpenMode.OPEN, 0, OpenAccess.permissions(),
                    SystemV.DEFAULT_INIT_TIMEOUT);
            if (t.index < 0 || t.index >= set.size()) {
                set.close();
                throw new IllegalArgumentException("semaphore set " + ref.label() + " has " + set.size()
                        + " semaphore(s); --index " + t.index + " is out of range");
            }
            return new Handle() {
                @Override
                public void post() {
                    set.release(t.index, false);
                }

                @Override
                public boolean await(Duration timeout) {
                    // no SEM_UNDO: the unit taken must stay taken after this command exits
                    return set.tryAcquire(t.index, false, timeout);
                }

                @Override
                public int value() {
                    return set.value(t.index);
                }

                @Override
                public void close() {
                    set.close();
                }
            };
        }
        Semaphore s = Ipc.platform().semaphore(ref.name(), OpenMode.OPEN, 0, OpenAccess.permissions());
        return new Handle() {
            @Override
            public void post() {
                s.release();
            }

            @Override
            public boolean await(Duration timeout) {
                return s.tryAcquire(timeout);
            }

            @Override
            public int value() {
                return s.value();
            }

            @Override
            public void close() {
                s.close();
            }
        };
    }

    private static String label(CommandSpec spec, Target t) {
        ObjectRef ref = ObjectRef.of(spec, t.positionals, t.key, 0);
        return ref.systemV() ? ref.label() + " index " + t.index : ref.label();
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a semaphore (fails if it exists).")
    static final class Create implements Runnable {
        @Parameters(arity = "0..1", paramLabel = "NAME")
        List<String> positionals;

        @Option(names = "--key", paramLabel = "K", converter = Converters.KeyConverter.class, description = "Create a System V set instead.")
        Integer key;

        @Option(names = "--count", defaultValue = "1", description = "Semaphores in a System V set (default ${DEFAULT-VALUE}).")
        int count;

        @Option(names = "--value", defaultValue = "0", description = "Initial value (default ${DEFAULT-VALUE}).")
        int value;

        @Option(names = "--mode", defaultValue = "0600", converter = Converters.ModeConverter.class,
                description = "Permission bits in octal (default ${DEFAULT-VALUE}).")
        int mode;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            ObjectRef ref = ObjectRef.of(spec, positionals, key, 0);
            if (value < 0) {
                throw new ParameterException(spec.commandLine(), "--value must be 0 or more, got " + value);
            }
            if (ref.systemV()) {
                if (count < 1) {
                    throw new ParameterException(spec.commandLine(), "--count must be at least 1, got " + count);
                }
                SystemVAccess.get().semaphoreSet(ref.key(), OpenMode.CREATE, count, Permissions.ofMode(mode),
                        SystemV.DEFAULT_INIT_TIMEOUT, value).close();
            } else {
                Ipc.platform().semaphore(ref.name(), OpenMode.CREATE, value, Permissions.ofMode(mode)).close();
            }
            spec.commandLine().getOut().println("created semaphore " + ref.label() + (ref.systemV() ? " (" + count + " semaphores)" : "")
                    + ": value " + value + ", mode 0" + Integer.toOctalString(mode));
        }
    }

    @Command(name = "post", mixinStandardHelpOptions = true, description = "Add one unit to a semaphore.")
    static final class Post implements Runnable {
        @picocli.CommandLine.Mixin
        Target target = new Target();

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            try (Handle h = open(spec, target)) {
                h.post();
                spec.commandLine().getOut().println("posted " + label(spec, target) + ": value " + h.value());
            }
        }
    }

    @Command(name = "wait", mixinStandardHelpOptions = true, description = "Take one unit, waiting at most --timeout (exit 3 on timeout).")
    static final class Wait implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Target target = new Target();

        @Option(names = "--timeout", defaultValue = "5s", converter = Converters.DurationConverter.class,
                description = "Longest wait, such as 500ms, 5s or 2m (default ${DEFAULT-VALUE}).")
        Duration timeout;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (Handle h = open(spec, target)) {
                if (!h.await(timeout)) {
                    return ExitCodes.timedOut(spec, "no unit of semaphore " + label(spec, target)
                            + " became available within " + Durations.format(timeout));
                }
                spec.commandLine().getOut().println("acquired " + label(spec, target) + ": value " + h.value());
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Print a semaphore's current value.")
    static final class Get implements Runnable {
        @picocli.CommandLine.Mixin
        Target target = new Target();

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            try (Handle h = open(spec, target)) {
                spec.commandLine().getOut().println(h.value());
            }
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove a semaphore (a System V set as a whole).")
    static final class Remove implements Runnable {
        @Parameters(arity = "0..1", paramLabel = "NAME")
        List<String> positionals;

        @Option(names = "--key", paramLabel = "K", converter = Converters.KeyConverter.class, description = "System V set key instead of a NAME.")
        Integer key;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            ObjectRef ref = ObjectRef.of(spec, positionals, key, 0);
            boolean removed = ref.systemV() ? SystemVAccess.get().removeSemaphoreSet(ref.key()) : Ipc.platform().removeSemaphore(ref.name());
            RemovalReport.byRef(spec, removed, "semaphore", ref);
        }
    }
}
