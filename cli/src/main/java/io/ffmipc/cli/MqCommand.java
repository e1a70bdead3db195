package io.ffmipc.cli;

import io.ffmipc.ObjectKind;
import io.ffmipc.Ipc;
import io.ffmipc.MessageQueue;
import io.ffmipc.MessageQueueOptions;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.spi.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code ffmipc mq create|send|recv|watch|rm}: named message queues (POSIX on Linux). Messages are text. */
@Command(name = "mq", mixinStandardHelpOptions = true,
        description = "Create, send to, receive from, watch and remove named message queues.",
        subcommands = {MqCommand.Create.class, MqCommand.Send.class, MqCommand.Recv.class, MqCommand.Watch.class,
                MqCommand.Remove.class})
final class MqCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: create, send, recv, watch or rm");
    }

    private static MessageQueue open(String name) {
        return Ipc.platform().messageQueue(name, OpenMode.OPEN, MessageQueueOptions.defaults().withPermissions(OpenAccess.permissions()));
    }

    static String text(MessageQueue.Message m) {
        return new String(m.data(), StandardCharsets.UTF_8);
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a message queue (fails if it exists).")
    static final class Create implements Runnable {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--max-messages", defaultValue = "10", description = "Most messages waiting at once (default ${DEFAULT-VALUE}).")
        long maxMessages;

        @Option(names = "--message-size", defaultValue = "8192", converter = Converters.SizeConverter.class,
                description = "Largest message in bytes, such as 512 or 8k (default ${DEFAULT-VALUE}).")
        long messageSize;

        @Option(names = "--mode", defaultValue = "0600", converter = Converters.ModeConverter.class,
                description = "Permission bits in octal (default ${DEFAULT-VALUE}).")
        int mode;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            MessageQueueOptions o;
            try {
                o = new MessageQueueOptions(maxMessages, messageSize, Permissions.ofMode(mode));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            try (MessageQueue q = Ipc.platform().messageQueue(name, OpenMode.CREATE, o)) {
                spec.commandLine().getOut().println("created message queue '" + q.name() + "': " + q.maxMessages()
                        + " messages of up to " + q.maxMessageSize() + " bytes, mode 0" + Integer.toOctalString(mode));
            }
        }
    }

    @Command(name = "send", mixinStandardHelpOptions = true,
            description = "Send TEXT, waiting at most --timeout for room (exit 3 on timeout).")
    static final class Send implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "TEXT")
        String text;

        @Option(names = "--priority", defaultValue = "0", description = "Priority; higher is received first (default ${DEFAULT-VALUE}).")
        int priority;

        @Option(names = "--timeout", defaultValue = "5s", converter = Converters.DurationConverter.class,
                description = "Longest wait for room (default ${DEFAULT-VALUE}).")
        Duration timeout;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (MessageQueue q = open(name)) {
                if (priority < 0 || priority > q.maxPriority()) {
                    throw new ParameterException(spec.commandLine(), "--priority must be 0 to " + q.maxPriority() + ", got " + priority);
                }
                if (!q.send(text.getBytes(StandardCharsets.UTF_8), priority, timeout)) {
                    return ExitCodes.timedOut(spec, "message queue '" + name + "' stayed full (" + q.maxMessages()
                            + " messages) for " + Durations.format(timeout));
                }
                spec.commandLine().getOut().println("sent to '" + name + "' at priority " + priority + ": depth " + q.depth());
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "recv", mixinStandardHelpOptions = true,
            description = "Receive one message and print its text, waiting at most --timeout (exit 3 on timeout).")
    static final class Recv implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--timeout", defaultValue = "5s", converter = Converters.DurationConverter.class,
                description = "Longest wait for a message (default ${DEFAULT-VALUE}).")
        Duration timeout;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (MessageQueue q = open(name)) {
                Optional<MessageQueue.Message> m = q.receive(timeout);
                if (m.isEmpty()) {
                    return ExitCodes.timedOut(spec, "no message arrived on '" + name + "' within "
                            + Durations.format(timeout));
                }
                FfmipcCommand.printData(spec, "", m.get().data());
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "watch", mixinStandardHelpOptions = true,
            description = "Show the depth, then take and print each message as it arrives (priority, text, depth after it); "
                    + "ends after --count messages or when none arrives within --timeout.")
    static final class Watch implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--count", defaultValue = "0", description = "Stop after this many messages (0: no limit).")
        int count;

        @Option(names = "--timeout", defaultValue = "10s", converter = Converters.DurationConverter.class,
                description = "Stop when no message arrives for this long (default ${DEFAULT-VALUE}).")
        Duration timeout;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (count < 0) {
                throw new ParameterException(spec.commandLine(), "--count must be 0 or more, got " + count);
            }
            var out = spec.commandLine().getOut();
            try (MessageQueue q = open(name)) {
                out.println("watching '" + name + "': depth " + q.depth() + " of " + q.maxMessages());
                out.flush();
                int seen = 0;
                while (count == 0 || seen < count) {
                    Optional<MessageQueue.Message> m = q.receive(timeout);
                    if (m.isEmpty()) {
                        out.println("no message for " + Durations.format(timeout) + "; " + seen + " received");
                        return count == 0 ? ExitCodes.OK : ExitCodes.TIMEOUT;
                    }
                    seen++;
                    out.println("[priority " + m.get().priority() + "] " + text(m.get()) + "  (depth " + q.depth() + ")");
                    out.flush();
                }
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove a message queue's name.")
    static final class Remove extends RemoveByName {
        @Override
        ObjectKind kind() {
            return ObjectKind.MESSAGE_QUEUE;
        }
    }
}
