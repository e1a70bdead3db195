package io.ffmipc.cli;

import io.ffmipc.Ipc;
import io.ffmipc.IpcTimeoutException;
import io.ffmipc.MessagePipe;
import io.ffmipc.MessagePipeServer;
import io.ffmipc.PeerClosedException;
import io.ffmipc.Permissions;
import io.ffmipc.StreamPipe;
import io.ffmipc.spi.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code ffmipc pipe ...}: byte-stream pipes (FIFOs) and message pipes from a shell. A timeout
 * (no reader, no server, nothing arrived) exits with 3, so scripts can tell it from an error.
 */
@Command(name = "pipe", mixinStandardHelpOptions = true,
        description = "Byte-stream pipes (fifo-create, fifo-write, fifo-read, rm) and message pipes (serve, send).",
        subcommands = {PipeCommand.FifoCreate.class, PipeCommand.FifoWrite.class, PipeCommand.FifoRead.class,
                PipeCommand.Remove.class, PipeCommand.Serve.class, PipeCommand.Send.class})
final class PipeCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "a subcommand is required: fifo-create, fifo-write, fifo-read, rm, serve or send");
    }

    /** Runs {@code body}; a timeout becomes exit code 3 with one line on stderr. */
    static int timed(CommandSpec spec, Callable<Integer> body) throws Exception {
        try {
            return body.call();
        } catch (IpcTimeoutException e) {
            spec.commandLine().getErr().println("ffmipc: " + ErrorLine.of(e));
            return ExitCodes.TIMEOUT;
        }
    }

    @Command(name = "fifo-create", mixinStandardHelpOptions = true,
            description = "Create a byte-stream pipe (a FIFO; on Linux /tmp/NAME). Fails if it exists.")
    static final class FifoCreate implements Runnable {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--mode", defaultValue = "0600", converter = Converters.ModeConverter.class,
                description = "Permission bits in octal (default ${DEFAULT-VALUE}).")
        int mode;

        @Override
        public void run() {
            Ipc.platform().createStreamPipe(name, Permissions.ofMode(mode));
        }
    }

    @Command(name = "fifo-write", mixinStandardHelpOptions = true,
            description = "Write TEXT (or standard input) into a byte-stream pipe, waiting for a reader.")
    static final class FifoWrite implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", arity = "0..1", paramLabel = "TEXT", description = "Text to write (default: standard input).")
        String text;

        @Option(names = "--timeout", defaultValue = "10s", converter = Converters.DurationConverter.class,
                description = "How long to wait for a reader and for room (default ${DEFAULT-VALUE}).")
        Duration timeout;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return timed(spec, () -> {
                byte[] bytes = text != null ? text.getBytes(StandardCharsets.UTF_8) : System.in.readAllBytes();
                try (StreamPipe out = Ipc.platform().openStreamPipe(name, StreamPipe.End.WRITE, timeout, OpenAccess.permissions())) {
                    int n = out.write(bytes, 0, bytes.length, timeout);
                    if (n < bytes.length) {
                        throw new IpcTimeoutException("write", name, null, "the reader took only " + n + " of "
                                + bytes.length + " bytes within " + Durations.format(timeout));
                    }
                }
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "fifo-read", mixinStandardHelpOptions = true,
            description = "Copy a byte-stream pipe to standard output until every writer has gone.")
    static final class FifoRead implements Callable<Integer> {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--timeout", defaultValue = "10s", converter = Converters.DurationConverter.class,
                description = "Longest wait for the next bytes (default ${DEFAULT-VALUE}); exit 3 when it passes.")
        Duration timeout;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintStream out = FfmipcCommand.root(spec).binaryOut;
            byte[] buf = new byte[64 * 1024];
            try (StreamPipe in = Ipc.platform().openStreamPipe(name, StreamPipe.End.READ, Duration.ZERO, OpenAccess.permissions())) {
                while (true) {
                    int n = in.read(buf, 0, buf.length, timeout);
                    if (n < 0) {
                        out.flush();
                        return ExitCodes.OK;
                    }
                    if (n == 0) {
                        out.flush();
                        spec.commandLine().getErr().println("ffmipc: no bytes arrived on '" + name + "' within " + Durations.format(timeout));
                        return ExitCodes.TIMEOUT;
                    }
                    out.write(buf, 0, n);
                }
            }
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove a byte-stream pipe's name.")
    static final class Remove implements Callable<Integer> {
        @Parameters(paramLabel = "NAME")
        String name;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (!Ipc.platform().removeStreamPipe(name)) {
                spec.commandLine().getErr().println("ffmipc: no byte-stream pipe named '" + name + "'");
                return ExitCodes.ERROR;
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Run an echo server for message pipes: print each client's identity (pid, uid, gid "
                    + "as the OS reports it) and each message, and send every message back.")
    static final class Serve implements Callable<Integer> {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--clients", defaultValue = "1",
                description = "Clients to serve, one after another, before exiting; 0 = until killed (default ${DEFAULT-VALUE}).")
        int clients;

        @Option(names = "--timeout", defaultValue = "60s", converter = Converters.DurationConverter.class,
                description = "Longest wait for a client or its next message (default ${DEFAULT-VALUE}).")
        Duration timeout;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (clients < 0) {
                throw new ParameterException(spec.commandLine(), "--clients must be 0 (until killed) or more, got " + clients);
            }
            PrintWriter out = spec.commandLine().getOut();
            try (MessagePipeServer server = Ipc.platform().messagePipeServer(name)) {
                out.println("serving '" + server.name() + "' (same-user clients only)");
                for (int served = 0; clients == 0 || served < clients; served++) {
                    Optional<MessagePipe> accepted = server.accept(timeout);
                    if (accepted.isEmpty()) {
                        spec.commandLine().getErr().println("ffmipc: no client within " + Durations.format(timeout));
                        return ExitCodes.TIMEOUT;
                    }
                    try (MessagePipe pipe = accepted.get()) {
                        out.println("client " + pipe.peer());
                        echo(pipe, out);
                    }
                }
            }
            return ExitCodes.OK;
        }

        private void echo(MessagePipe pipe, PrintWriter out) {
            while (true) {
                byte[] m;
                try {
                    m = pipe.receive(timeout);
                } catch (PeerClosedException gone) {
                    out.println("client " + pipe.peer().pid() + " closed");
                    return;
                }
                if (m == null) {
                    out.println("client " + pipe.peer().pid() + " silent for " + Durations.format(timeout) + "; dropped");
                    return;
                }
                out.println("pid " + pipe.peer().pid() + ": " + new String(m, StandardCharsets.UTF_8));
                pipe.send(m, timeout);
            }
        }
    }

    @Command(name = "send", mixinStandardHelpOptions = true,
            description = "Connect to a message-pipe server, send TEXT as one message and print the reply.")
    static final class Send implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "TEXT")
        String text;

        @Option(names = "--timeout", defaultValue = "10s", converter = Converters.DurationConverter.class,
                description = "Longest wait for the server and for its reply (default ${DEFAULT-VALUE}).")
        Duration timeout;

        @Option(names = "--show-server", description = "Also print the server's identity (pid, uid, gid) first.")
        boolean showServer;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return timed(spec, () -> {
                PrintWriter out = spec.commandLine().getOut();
                try (MessagePipe pipe = Ipc.platform().connectMessagePipe(name, timeout, OpenAccess.permissions())) {
                    if (showServer) {
                        out.println("server " + pipe.peer());
                    }
                    if (!pipe.send(text.getBytes(StandardCharsets.UTF_8), timeout)) {
                        throw new IpcTimeoutException("send", name, null, "no room within " + Durations.format(timeout));
                    }
                    byte[] reply = pipe.receive(timeout);
                    if (reply == null) {
                        throw new IpcTimeoutException("receive", name, null, "no reply within " + Durations.format(timeout));
                    }
                    FfmipcCommand.printData(spec, "", reply);
                }
                return ExitCodes.OK;
            });
        }
    }
}
