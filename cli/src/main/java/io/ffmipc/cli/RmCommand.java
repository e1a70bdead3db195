package io.ffmipc.cli;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
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
        description = {"Remove an IPC object by NAME (shm, sem, mq, mutex, fifo, event, condition, barrier, rwlock)"
                + " or by --key (sysv-shm, sysv-sem, sysv-msg).",
                "The kinds 'ffmipc ls' prints are accepted too (posix-shm, posix-sem, posix-mq)."})
final class RmCommand implements Callable<Integer> {

    /** The kinds, with how each is removed; ls's kind names are aliases. */
    enum Kind {
        shm("posix-shm"), sem("posix-sem"), mq("posix-mq"), mutex(null), fifo(null),
        event(null), condition(null), barrier(null), rwlock(null),
        sysv_shm(null), sysv_sem(null), sysv_msg(null);

        private final String lsAlias;

        Kind(String lsAlias) {
            this.lsAlias = lsAlias;
        }

        static Kind parse(String text) {
            for (Kind k : values()) {
                if (k.label().equals(text) || text.equals(k.lsAlias)) {
                    return k;
                }
            }
            return null;
        }

        boolean systemV() {
            return name().startsWith("sysv");
        }

        String label() {
            return name().replace('_', '-');
        }

        /** Removes a named object of this kind; false if there was none. */
        boolean removeNamed(IpcPlatform p, String name) {
            return switch (this) {
                case shm -> p.removeSharedMemory(name);
                case sem -> p.removeSemaphore(name);
                case mq -> p.removeMessageQueue(name);
                case mutex -> p.removeMutex(name);
                case fifo -> p.removeStreamPipe(name);
                case event -> p.removeEvent(name);
                case condition -> p.removeCondition(name);
                case barrier -> p.removeBarrier(name);
                case rwlock -> p.removeReadWriteLock(name);
                default -> throw new IllegalStateException(label() + " is removed by key");
            };
        }
    }

    private static final String KINDS = "shm, sem, mq, mutex, fifo, event, condition, barrier, rwlock (by NAME) or "
            + "sysv-shm, sysv-sem, sysv-msg (by --key)";

    @Parameters(index = "0", paramLabel = "KIND", description = "shm, sem, mq, mutex, fifo, event, condition, barrier,"
            + " rwlock, sysv-shm, sysv-sem or sysv-msg (or ls's posix-shm, posix-sem, posix-mq).")
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
        Kind kind = Kind.parse(kindText);
        if (kind == null) {
            String hint = kindText.equals("message-pipe") ? " (a message-pipe server's name goes away when it closes)" : "";
            throw new ParameterException(spec.commandLine(), "unknown kind '" + kindText + "'" + hint + ": give " + KINDS);
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
            removed = kind.removeNamed(Ipc.platform(), name);
        }
        RemovalReport.report(spec, removed, kind.label(), kind.systemV() ? Converters.hexKey(key) : name, what);
        return ExitCodes.OK;
    }
}
