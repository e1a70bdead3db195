package io.ffmipc.cli;

import io.ffmipc.Ipc;
import io.ffmipc.IpcNames;
import io.ffmipc.IpcPlatform;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code rm NAME} subcommand of each per-kind command ({@code event rm}, {@code mq rm}, …): one
 * portable name, removed through the platform, reported as "removed KIND 'NAME'" or a missing object.
 * A subclass names its kind and its removal call.
 */
abstract class RemoveByName implements Runnable {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Spec
    CommandSpec spec;

    /** The kind's word in the report, such as {@code event}. */
    abstract String kind();

    /** Removes {@code name}; false if there was no such object. */
    abstract boolean remove(IpcPlatform platform, String name);

    @Override
    public final void run() {
        RemovalReport.byName(spec, remove(Ipc.platform(), IpcNames.validate(name)), kind(), name);
    }
}
