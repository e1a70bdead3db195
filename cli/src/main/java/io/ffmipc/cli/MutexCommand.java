package io.ffmipc.cli;

import io.ffmipc.ObjectKind;
import io.ffmipc.Ipc;
import io.ffmipc.IpcNames;
import io.ffmipc.LockResult;
import io.ffmipc.MutexStatus;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.RobustMutex;
import io.ffmipc.spi.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code ffmipc mutex create|lock|unlock|status|rm NAME}: robust mutexes from scripts. {@code lock}
 * holds the lock in its own process — for {@code --hold}, or until its standard input closes or it
 * is asked to stop ({@code unlock}, SIGTERM) — and then unlocks properly; killed with SIGKILL, it
 * leaves the next acquirer told that the owner died.
 */
@Command(name = "mutex", mixinStandardHelpOptions = true,
        description = "Create, lock, unlock, inspect and remove robust mutexes (the next acquirer is told when a holder died).",
        subcommands = {MutexCommand.Create.class, MutexCommand.Lock.class, MutexCommand.Unlock.class,
                MutexCommand.Status.class, MutexCommand.Remove.class})
final class MutexCommand implements Runnable {
    /** How long {@code unlock} waits for the holding {@code mutex lock} process to let go. */
    static final Duration UNLOCK_WAIT = Duration.ofSeconds(5);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: create, lock, unlock, status or rm");
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a mutex (fails if it exists).")
    static final class Create implements Runnable {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--mode", defaultValue = "0600", converter = Converters.ModeConverter.class,
                description = "Permission bits in octal (default ${DEFAULT-VALUE}); users of the mutex need read and write.")
        int mode;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            Ipc.platform().mutex(IpcNames.validate(name), OpenMode.CREATE, Permissions.ofMode(mode)).close();
            spec.commandLine().getOut().println("created mutex '" + name + "': mode 0" + Integer.toOctalString(mode));
        }
    }

    @Command(name = "lock", mixinStandardHelpOptions = true,
            description = {"Take the lock (waiting at most --timeout; exit 3 on timeout) and hold it for --hold, "
                    + "or until standard input closes, 'ffmipc mutex unlock' or SIGTERM; then unlock properly.",
                    "Prints 'locked' or 'locked after the previous owner died' as soon as it holds the lock."})
    static final class Lock implements Callable<Integer> {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--timeout", defaultValue = "5s", converter = Converters.DurationConverter.class,
                description = "Longest wait for the lock (default ${DEFAULT-VALUE}).")
        Duration timeout;

        @Option(names = "--hold", converter = Converters.DurationConverter.class,
                description = "Hold the lock this long, then unlock (default: until standard input closes).")
        Duration hold;

        @Option(names = "--create", description = "Create the mutex if it does not exist.")
        boolean create;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            try (RobustMutex m = Ipc.platform().mutex(IpcNames.validate(name), create ? OpenMode.OPEN_OR_CREATE : OpenMode.OPEN,
                    OpenAccess.permissions())) {
                long t0 = System.nanoTime();
                LockResult r = m.tryLock(timeout);
                if (!r.acquired()) {
                    return ExitCodes.timedOut(spec, "mutex '" + name + "' stayed held (" + m.status() + ") for "
                            + Durations.format(timeout));
                }
                out.printf("locked '%s'%s after %.1f ms, pid %d%n", name,
                        r.ownerDied() ? " after the previous owner died (OWNER_DIED: check the state it protects)" : "",
                        (System.nanoTime() - t0) / 1e6, ProcessHandle.current().pid());
                out.flush();
                CountDownLatch release = new CountDownLatch(1);
                CountDownLatch unlocked = new CountDownLatch(1);
                // SIGTERM ('mutex unlock') ends the hold; the hook waits until this thread, the owner, has unlocked.
                Thread hook = new Thread(() -> {
                    release.countDown();
                    awaitQuietly(unlocked, UNLOCK_WAIT);
                });
                Runtime.getRuntime().addShutdownHook(hook);
                if (hold == null) {
                    Thread.ofPlatform().daemon().start(() -> {
                        drain(System.in);
                        release.countDown();
                    });
                    release.await();
                } else {
                    release.await(hold.toNanos(), TimeUnit.NANOSECONDS);
                }
                m.unlock();
                out.println("unlocked '" + name + "'");
                out.flush();
                unlocked.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it returns now that the lock is released
                }
                return ExitCodes.OK;
            }
        }

        private static void drain(InputStream in) {
            byte[] buffer = new byte[256];
            try {
                while (in.read(buffer) >= 0) {
                    // anything typed is ignored; the end of input ends the hold
                }
            } catch (IOException closed) {
                // same as the end of input
            }
        }

        private static void awaitQuietly(CountDownLatch latch, Duration limit) {
            try {
                latch.await(limit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Command(name = "unlock", mixinStandardHelpOptions = true,
            description = {"Ask the 'ffmipc mutex lock' process that holds the mutex to unlock it (SIGTERM) and wait until it has.",
                    "Only the holder can unlock a robust mutex; a holder that is not an 'ffmipc mutex lock' is left alone."})
    static final class Unlock implements Runnable {
        @Parameters(paramLabel = "NAME")
        String name;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            try (RobustMutex m = Ipc.platform().mutex(IpcNames.validate(name), OpenMode.OPEN, OpenAccess.permissions())) {
                MutexStatus s = m.status();
                if (s.state() != MutexStatus.State.HELD || s.ownerPid() <= 0) {
                    throw new IllegalStateException("mutex '" + name + "' is not held (" + s + "); nothing to unlock");
                }
                Optional<ProcessHandle> holder = ProcessHandle.of(s.ownerPid());
                List<String> args = holder.flatMap(h -> h.info().arguments()).map(List::of).orElse(List.of());
                int at = args.indexOf("mutex");
                if (holder.isEmpty() || at < 0 || at + 1 >= args.size() || !args.get(at + 1).equals("lock")) {
                    throw new IllegalStateException("mutex '" + name + "' is held by pid " + s.ownerPid()
                            + ", which is not an 'ffmipc mutex lock' process; only the holder can unlock a robust mutex "
                            + "(killing it makes the next acquirer be told the owner died)");
                }
                holder.get().destroy(); // SIGTERM: its shutdown hook has it unlock properly
                long end = System.nanoTime() + UNLOCK_WAIT.toNanos();
                while (m.status().state() == MutexStatus.State.HELD && m.status().ownerPid() == s.ownerPid()) {
                    if (System.nanoTime() > end) {
                        throw new IllegalStateException("pid " + s.ownerPid() + " did not unlock mutex '" + name
                                + "' within " + Durations.format(UNLOCK_WAIT));
                    }
                    Thread.onSpinWait();
                }
                spec.commandLine().getOut().println("unlocked '" + name + "' (pid " + s.ownerPid() + " let go): " + m.status());
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Print whether the mutex is free, held (by which pid) or free after its owner died.")
    static final class Status implements Runnable {
        @Parameters(paramLabel = "NAME")
        String name;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            try (RobustMutex m = Ipc.platform().mutex(IpcNames.validate(name), OpenMode.OPEN, OpenAccess.permissions())) {
                spec.commandLine().getOut().println(m.status());
            }
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove a mutex.")
    static final class Remove extends RemoveByName {
        @Override
        ObjectKind kind() {
            return ObjectKind.MUTEX;
        }
    }
}
