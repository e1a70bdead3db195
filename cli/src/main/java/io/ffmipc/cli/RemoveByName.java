package io.ffmipc.cli;

import io.ffmipc.ObjectKind;
import io.ffmipc.Ipc;
import io.ffmipc.IpcNames;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code rm NAME} subcommand of each per-kind command ({@code event rm}, {@code mq rm}, …): one
 * portable name, removed through the platform, reported as "removed KIND 'NAME'" or a missing object.
 * A subclass names its {@link ObjectKind}.
 */
abstract class RemoveByName implements Runnable {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Spec
    CommandSpec spec;

    /** What this command removes. */
    abstract ObjectKind kind();

    @Override
    public final void run() {
        ObjectKind kind = kind();
        RemovalReport.byName(spec, Ipc.platform().remove(kind, IpcNames.validate(name)), kind.title(), name);
    }
}
