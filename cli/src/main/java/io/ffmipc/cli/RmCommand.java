package io.ffmipc.cli;

import io.ffmipc.ObjectKind;
import io.ffmipc.Ipc;
import io.ffmipc.IpcNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code ffmipc rm KIND NAME | --key K}: removes one IPC object of any kind {@code ffmipc ls} shows. */
@Command(name = "rm", mixinStandardHelpOptions = true,
        description = {"Remove an IPC object by NAME (shm, sem, mq, mutex, fifo, event, condition, barrier, rwlock,"
                + " channel, shm-mq)"
                + " or by --key (sysv-shm, sysv-sem, sysv-msg).",
                "The kinds 'ffmipc ls' prints are accepted too (posix-shm, posix-sem, posix-mq)."})
final class RmCommand implements Callable<Integer> {

    private static final String KINDS = "shm, sem, mq, mutex, fifo, event, condition, barrier, rwlock, channel, shm-mq"
            + " (by NAME) or "
            + "sysv-shm, sysv-sem, sysv-msg (by --key)";

    @Parameters(index = "0", paramLabel = "KIND", description = "shm, sem, mq, mutex, fifo, event, condition, barrier,"
            + " rwlock, channel, shm-mq, sysv-shm, sysv-sem or sysv-msg (or the older posix-shm, posix-sem, posix-mq).")
    String kindText;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME", description = "The portable name (kinds removed by name).")
    String name;

    @Option(names = "--key", paramLabel = "K", converter = Converters.KeyConverter.class,
            description = "The System V key (sysv-* kinds), hexadecimal with 0x or decimal.")
    Integer key;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ObjectKind kind = ObjectKind.parse(kindText);
        if (kind == null || kind == ObjectKind.MESSAGE_PIPE) {
            String hint = kind != null ? " (a message-pipe server's name goes away when it closes)" : "";
            throw new ParameterException(spec.commandLine(), (kind == null ? "unknown kind '" : "cannot remove '")
                    + kindText + "'" + hint + ": give " + KINDS);
        }
        boolean removed;
        String what;
        if (kind.systemV()) {
            if (key == null || name != null) {
                throw new ParameterException(spec.commandLine(), kind.label() + " objects are removed by --key, not by name");
            }
            what = kind.title() + " key " + Converters.hexKey(key);
            removed = switch (kind) {
                case SYSV_SHARED_MEMORY -> SystemVAccess.get().removeSharedMemory(key);
                case SYSV_SEMAPHORE_SET -> SystemVAccess.get().removeSemaphoreSet(key);
                default -> SystemVAccess.get().removeMessageQueue(key);
            };
        } else {
            if (name == null || key != null) {
                throw new ParameterException(spec.commandLine(), kind.label() + " objects are removed by NAME, not by --key");
            }
            IpcNames.validate(name);
            what = kind.title() + " '" + name + "'";
            removed = Ipc.platform().remove(kind, name);
        }
        RemovalReport.report(spec, removed, kind.label(), kind.systemV() ? Converters.hexKey(key) : name, what);
        return ExitCodes.OK;
    }
}
