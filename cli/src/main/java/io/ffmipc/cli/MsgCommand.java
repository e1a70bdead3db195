package io.ffmipc.cli;

import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.spi.Durations;
import io.ffmipc.SystemV;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code ffmipc msg create|send|recv|stat|rm --key K}: System V message queues, messages typed. */
@Command(name = "msg", mixinStandardHelpOptions = true,
        description = "System V message queues by --key: create, send typed text, receive by type, stat, remove.",
        subcommands = {MsgCommand.Create.class, MsgCommand.Send.class, MsgCommand.Recv.class, MsgCommand.StatCmd.class,
                MsgCommand.Remove.class})
final class MsgCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: create, send, recv, stat or rm");
    }

    static final class Key {
        @Option(names = "--key", required = true, paramLabel = "K", converter = Converters.KeyConverter.class,
                description = "The queue's System V key (decimal or 0x hex).")
        int key;
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a queue (fails if it exists).")
    static final class Create implements Runnable {
        @picocli.CommandLine.Mixin
        Key key = new Key();

        @Option(names = "--mode", defaultValue = "0600", converter = Converters.ModeConverter.class,
                description = "Permission bits in octal (default ${DEFAULT-VALUE}).")
        int mode;

        @Option(names = "--max-bytes", converter = Converters.SizeConverter.class,
                description = "Most bytes the queue holds (msg_qbytes; default: the system's msgmnb).")
        Long maxBytes;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            // checked before the queue exists: a refused limit must not leave an unusable queue behind
            if (maxBytes != null && maxBytes < 1) {
                throw new ParameterException(spec.commandLine(), "--max-bytes must be at least 1"
                        + " (a queue of 0 bytes holds no message), got " + maxBytes);
            }
            try (SystemV.MessageQueue q = SystemVAccess.get().messageQueue(key.key, OpenMode.CREATE, Permissions.ofMode(mode))) {
                if (maxBytes != null) {
                    q.setMaxBytes(maxBytes);
                }
                spec.commandLine().getOut().println("created System V message queue key " + Converters.hexKey(key.key)
                        + ": id " + q.id() + ", " + q.stat().maxBytes() + " bytes, mode 0" + Integer.toOctalString(mode));
            }
        }
    }

    @Command(name = "send", mixinStandardHelpOptions = true, description = "Send TEXT as a message of --type (exit 3 on timeout).")
    static final class Send implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Key key = new Key();

        @Parameters(index = "0", paramLabel = "TEXT")
        String text;

        @Option(names = "--type", defaultValue = "1", description = "Message type, 1 or more (default ${DEFAULT-VALUE}).")
        long type;

        @Option(names = "--timeout", defaultValue = "5s", converter = Converters.DurationConverter.class,
                description = "Longest wait for room (default ${DEFAULT-VALUE}).")
        Duration timeout;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (type < 1) {
                throw new ParameterException(spec.commandLine(), "--type must be 1 or more, got " + type);
            }
            try (SystemV.MessageQueue q = SystemVAccess.get().messageQueue(key.key, OpenMode.OPEN, OpenAccess.permissions())) {
                if (!q.send(type, text.getBytes(StandardCharsets.UTF_8), timeout)) {
                    return ExitCodes.timedOut(spec, "System V queue key " + Converters.hexKey(key.key) + " stayed full for "
                            + Durations.format(timeout));
                }
                spec.commandLine().getOut().println("sent type " + type + " to key " + Converters.hexKey(key.key));
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "recv", mixinStandardHelpOptions = true,
            description = "Receive one message and print 'type<TAB>text' (exit 3 on timeout). --type T: exactly T; "
                    + "--type -N: the lowest type up to N; default 0: any.")
    static final class Recv implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Key key = new Key();

        @Option(names = "--type", defaultValue = "0",
                description = "0 any, T > 0 exactly T, -N the lowest type up to N (default ${DEFAULT-VALUE}).")
        long type;

        @Option(names = "--max-size", defaultValue = "8192", converter = Converters.SizeConverter.class,
                description = "Receive buffer; a longer message is an error unless --truncate (default ${DEFAULT-VALUE}).")
        long maxSize;

        @Option(names = "--truncate", description = "Cut a longer message to --max-size (MSG_NOERROR).")
        boolean truncate;

        @Option(names = "--timeout", defaultValue = "5s", converter = Converters.DurationConverter.class,
                description = "Longest wait for a message (default ${DEFAULT-VALUE}).")
        Duration timeout;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (maxSize < 1 || maxSize > Integer.MAX_VALUE) {
                throw new ParameterException(spec.commandLine(), "--max-size must be 1 to " + Integer.MAX_VALUE + ", got " + maxSize);
            }
            try (SystemV.MessageQueue q = SystemVAccess.get().messageQueue(key.key, OpenMode.OPEN, OpenAccess.permissions())) {
                Optional<SystemV.MessageQueue.Message> m = q.receive(new SystemV.MessageQueue.Selector(type), (int) maxSize,
                        truncate, timeout);
                if (m.isEmpty()) {
                    return ExitCodes.timedOut(spec, "no matching message on System V queue key "
                            + Converters.hexKey(key.key) + " within " + Durations.format(timeout));
                }
                FfmipcCommand.printData(spec, m.get().type() + "\t", m.get().data());
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "stat", mixinStandardHelpOptions = true, description = "Print the queue's IPC_STAT figures.")
    static final class StatCmd implements Runnable {
        @picocli.CommandLine.Mixin
        Key key = new Key();

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            try (SystemV.MessageQueue q = SystemVAccess.get().messageQueue(key.key, OpenMode.OPEN, OpenAccess.permissions())) {
                SystemV.MessageQueue.Stat s = q.stat();
                spec.commandLine().getOut().println("key " + Converters.hexKey(key.key) + " id " + s.id() + ": messages "
                        + s.messages() + ", bytes " + s.bytes() + " of " + s.maxBytes() + ", last send pid " + s.lastSendPid()
                        + ", last receive pid " + s.lastReceivePid() + ", mode 0" + Integer.toOctalString(s.mode()));
            }
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove the queue (IPC_RMID).")
    static final class Remove implements Runnable {
        @picocli.CommandLine.Mixin
        Key key = new Key();

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            RemovalReport.report(spec, SystemVAccess.get().removeMessageQueue(key.key), "message queue", Converters.hexKey(key.key),
                    "System V message queue key " + Converters.hexKey(key.key));
        }
    }
}
