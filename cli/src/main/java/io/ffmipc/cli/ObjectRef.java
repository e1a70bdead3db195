package io.ffmipc.cli;

import io.ffmipc.IpcNames;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.util.List;

/**
 * Which object a per-primitive command means: a portable name (the first positional argument) or
 * a System V key ({@code --key}), never both. The positional arguments after the name are the rest.
 */
record ObjectRef(String name, Integer key, List<String> rest) {

    boolean systemV() {
        return key != null;
    }

    /** How messages name the object. */
    String label() {
        return systemV() ? "key " + Converters.hexKey(key) : "'" + name + "'";
    }

    /** How errors name the object: the name, or the key in hex. */
    String objectName() {
        return systemV() ? Converters.hexKey(key) : name;
    }

    /**
     * @param maxRest how many positional arguments may follow the name (or stand alone with --key)
     */
    static ObjectRef of(CommandSpec spec, List<String> positionals, Integer key, int maxRest) {
        List<String> args = positionals == null ? List.of() : positionals;
        if (key != null) {
            if (args.size() > maxRest) {
                throw new ParameterException(spec.commandLine(), "give either a NAME or --key, not both (got '" + args.getFirst() + "' and --key)");
            }
            return new ObjectRef(null, key, args);
        }
        if (args.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "a NAME (or --key K for System V) is required");
        }
        if (args.size() > maxRest + 1) {
            throw new ParameterException(spec.commandLine(), "unexpected argument '" + args.get(maxRest + 1) + "'");
        }
        return new ObjectRef(IpcNames.validate(args.getFirst()), null, args.subList(1, args.size()));
    }
}
