package io.ffmipc.cli;

import io.ffmipc.Ipc;
import io.ffmipc.IpcNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code ffmipc rm KIND NAME | --key K}: removes one IPC object. */
@Command(name = "rm", mixinStandardHelpOptions = true,
        description = "Remove an IPC object: a POSIX one by name (shm, sem) or a System V one by key (sysv-shm, sysv-sem, sysv-msg).")
final class RmCommand implements Callable<Integer> {

    enum Kind {
        shm, sem, sysv_shm, sysv_sem, sysv_msg;

        static Kind parse(String text) {
            try {
                return valueOf(text.replace('-', '_'));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        boolean systemV() {
            return name().startsWith("sysv");
        }

        String label() {
            return name().replace('_', '-');
        }
    }

    @Parameters(index = "0", paramLabel = "KIND", description = "shm, sem, sysv-shm, sysv-sem or sysv-msg.")
    String kindText;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME", description = "The portable name (POSIX kinds).")
    String name;

    @Option(names = "--key", paramLabel = "K", converter = Converters.KeyConverter.class,
            description = "The System V key (sysv-* kinds), hexadecimal with 0x or decimal.")
    Integer key;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Kind kind = Kind.parse(kindText);
        if (kind == null) {
            throw new ParameterException(spec.commandLine(), "unknown kind '" + kindText
                    + "': give shm, sem, sysv-shm, sysv-sem or sysv-msg");
        }
        boolean removed;
        String what;
        if (kind.systemV()) {
            if (key == null || name != null) {
                throw new ParameterException(spec.commandLine(), kind.label() + " objects are removed by --key, not by name");
            }
            what = kind.label() + " " + Converters.hexKey(key);
            removed = switch (kind) {
                case sysv_shm -> SystemV.removeSegment(key);
                case sysv_sem -> SystemV.removeSemaphoreSet(key);
                default -> SystemV.removeMessageQueue(key);
            };
        } else {
            if (name == null || key != null) {
                throw new ParameterException(spec.commandLine(), kind.label() + " objects are removed by NAME, not by --key");
            }
            IpcNames.validate(name);
            what = kind.label() + " '" + name + "'";
            removed = kind == Kind.shm ? Ipc.platform().removeSharedMemory(name) : Ipc.platform().removeSemaphore(name);
        }
        RemovalReport.report(spec, removed, kind.label(), kind.systemV() ? Converters.hexKey(key) : name, what);
        return ExitCodes.OK;
    }
}
