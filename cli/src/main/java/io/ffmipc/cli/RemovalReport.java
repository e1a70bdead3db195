package io.ffmipc.cli;

import io.ffmipc.NoSuchIpcObjectException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The end of every {@code rm}: "removed WHAT" on stdout, or — when there was nothing to remove —
 * a {@link NoSuchIpcObjectException} (which {@code ffmipc} prints as "no such object", exit 1).
 */
final class RemovalReport {

    private RemovalReport() {
    }

    /**
     * @param kind       the object's kind, as in "remove KIND" in the error
     * @param objectName the name (or hex key) the error names
     * @param what       how the success line names the object
     */
    static void report(CommandSpec spec, boolean removed, String kind, String objectName, String what) {
        if (!removed) {
            throw new NoSuchIpcObjectException("remove " + kind, objectName, null, "there is no such object");
        }
        spec.commandLine().getOut().println("removed " + what);
    }

    /** An object removed by its portable name: "removed KIND 'NAME'". */
    static void byName(CommandSpec spec, boolean removed, String kind, String name) {
        report(spec, removed, kind, name, kind + " '" + name + "'");
    }

    /** An object removed by name or System V key: "removed KIND 'NAME'" or "removed KIND key 0x…". */
    static void byRef(CommandSpec spec, boolean removed, String kind, ObjectRef ref) {
        report(spec, removed, kind, ref.objectName(), kind + " " + ref.label());
    }
}
