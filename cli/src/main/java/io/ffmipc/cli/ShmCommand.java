package io.ffmipc.cli;

import io.ffmipc.Ipc;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.SharedMemory;
import io.ffmipc.SystemV;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** {@code ffmipc shm create|write|read|rm}: named (POSIX) shared memory, or System V by {@code --key}. */
@Command(name = "shm", mixinStandardHelpOptions = true,
        description = "Create, write, read and remove shared memory: by NAME (POSIX) or by --key (System V).",
        subcommands = {ShmCommand.Create.class, ShmCommand.Write.class, ShmCommand.Read.class, ShmCommand.Remove.class})
final class ShmCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: create, write, read or rm");
    }

    /** Opens the object whole, runs {@code action} on its memory, closes it. */
    static <T> T withMemory(ObjectRef ref, Function<MemorySegment, T> action) {
        if (ref.systemV()) {
            try (SystemV.Segment s = SystemVAccess.get().sharedMemory(ref.key(), OpenMode.OPEN, 0, OpenAccess.permissions())) {
                return action.apply(s.segment());
            }
        }
        try (SharedMemory m = Ipc.platform().sharedMemory(ref.name(), OpenMode.OPEN, 0, OpenAccess.permissions())) {
            return action.apply(m.segment());
        }
    }

    static void checkRange(ObjectRef ref, long size, long offset, long length) {
        if (offset < 0 || length < 0 || offset > size || length > size - offset) {
            throw new IllegalArgumentException(length + " bytes at offset " + offset + " do not fit in shared memory "
                    + ref.label() + " of " + size + " bytes");
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create shared memory (fails if it exists).")
    static final class Create implements Runnable {
        @Parameters(arity = "0..1", paramLabel = "NAME")
        List<String> positionals;

        @Option(names = "--key", paramLabel = "K", converter = Converters.KeyConverter.class, description = "System V key instead of a NAME.")
        Integer key;

        @Option(names = "--size", required = true, converter = Converters.SizeConverter.class,
                description = "Size in bytes (k, m, g suffixes: 64k).")
        long size;

        @Option(names = "--mode", defaultValue = "0600", converter = Converters.ModeConverter.class,
                description = "Permission bits in octal (default ${DEFAULT-VALUE}).")
        int mode;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            ObjectRef ref = ObjectRef.of(spec, positionals, key, 0);
            if (ref.systemV()) {
                SystemVAccess.get().sharedMemory(ref.key(), OpenMode.CREATE, size, Permissions.ofMode(mode)).close();
            } else {
                Ipc.platform().sharedMemory(ref.name(), OpenMode.CREATE, size, Permissions.ofMode(mode)).close();
            }
            spec.commandLine().getOut().println("created shared memory " + ref.label() + ": " + size + " bytes, mode 0"
                    + Integer.toOctalString(mode));
        }
    }

    @Command(name = "write", mixinStandardHelpOptions = true, description = "Write TEXT (UTF-8) or a file's bytes into shared memory.")
    static final class Write implements Runnable {
        @Parameters(arity = "0..2", paramLabel = "NAME TEXT")
        List<String> positionals;

        @Option(names = "--key", paramLabel = "K", converter = Converters.KeyConverter.class, description = "System V key instead of a NAME.")
        Integer key;

        @Option(names = "--offset", defaultValue = "0", converter = Converters.SizeConverter.class, description = "Where to write (default 0).")
        long offset;

        @Option(names = "--file", paramLabel = "FILE", description = "Write this file's bytes instead of TEXT.")
        Path file;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            ObjectRef ref = ObjectRef.of(spec, positionals, key, 1);
            if ((file == null) == ref.rest().isEmpty()) {
                throw new ParameterException(spec.commandLine(), "give either TEXT or --file FILE");
            }
            byte[] data;
            try {
                data = file != null ? Files.readAllBytes(file) : ref.rest().getFirst().getBytes(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
            withMemory(ref, memory -> {
                checkRange(ref, memory.byteSize(), offset, data.length);
                MemorySegment.copy(data, 0, memory, ValueLayout.JAVA_BYTE, offset, data.length);
                return null;
            });
            spec.commandLine().getOut().println("wrote " + data.length + " bytes at offset " + offset + " of " + ref.label());
        }
    }

    @Command(name = "read", mixinStandardHelpOptions = true,
            description = "Copy bytes of shared memory to standard output: --length bytes from --offset, "
                    + "or without --length up to the first zero byte.")
    static final class Read implements Runnable {
        @Parameters(arity = "0..1", paramLabel = "NAME")
        List<String> positionals;

        @Option(names = "--key", paramLabel = "K", converter = Converters.KeyConverter.class, description = "System V key instead of a NAME.")
        Integer key;

        @Option(names = "--offset", defaultValue = "0", converter = Converters.SizeConverter.class, description = "Where to start (default 0).")
        long offset;

        @Option(names = "--length", converter = Converters.SizeConverter.class, description = "How many bytes (default: up to the first zero byte).")
        Long length;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            ObjectRef ref = ObjectRef.of(spec, positionals, key, 0);
            byte[] data = withMemory(ref, memory -> {
                long size = memory.byteSize();
                checkRange(ref, size, offset, length == null ? 0 : length);
                long n = length != null ? length : untilZero(memory, offset);
                if (n > Integer.MAX_VALUE - 8) {
                    throw new IllegalArgumentException("cannot read " + n + " bytes at once; give a smaller --length");
                }
                return memory.asSlice(offset, n).toArray(ValueLayout.JAVA_BYTE);
            });
            spec.commandLine().getOut().flush();
            PrintStream out = FfmipcCommand.root(spec).binaryOut;
            out.write(data, 0, data.length);
            out.flush();
        }

        private static long untilZero(MemorySegment memory, long from) {
            long i = from;
            while (i < memory.byteSize() && memory.get(ValueLayout.JAVA_BYTE, i) != 0) {
                i++;
            }
            return i - from;
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove shared memory (mappings that exist stay valid).")
    static final class Remove implements Runnable {
        @Parameters(arity = "0..1", paramLabel = "NAME")
        List<String> positionals;

        @Option(names = "--key", paramLabel = "K", converter = Converters.KeyConverter.class, description = "System V key instead of a NAME.")
        Integer key;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            ObjectRef ref = ObjectRef.of(spec, positionals, key, 0);
            boolean removed = ref.systemV() ? SystemVAccess.get().removeSharedMemory(ref.key()) : Ipc.platform().removeSharedMemory(ref.name());
            RemovalReport.byRef(spec, removed, "shared memory", ref);
        }
    }
}
