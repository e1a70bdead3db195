package io.ffmipc.cli;

import io.ffmipc.Capability;
import io.ffmipc.CapabilityMatrix;
import io.ffmipc.MatrixTable;
import io.ffmipc.Support;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code ffmipc matrix}: what this OS (or every OS) offers, read from the providers as data. */
@Command(name = "matrix", mixinStandardHelpOptions = true,
        description = "Print the capability matrix of this OS, or of every provider on the class path with --all.")
final class MatrixCommand implements Runnable {

    @Option(names = "--all", description = "Every provider on the class path, not only this OS's.")
    boolean all;

    @ArgGroup(exclusive = true)
    Format format = new Format();

    static final class Format {
        @Option(names = "--json", description = "JSON instead of text.")
        boolean json;

        @Option(names = "--markdown", description = "A Markdown table (the README's form).")
        boolean markdown;
    }

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        List<CapabilityMatrix> matrices = Matrices.matrices(all);
        String text;
        if (format.json) {
            text = json(matrices) + "\n";
        } else if (format.markdown) {
            text = MatrixTable.markdown(matrices);
        } else {
            text = MatrixTable.plain(matrices);
        }
        spec.commandLine().getOut().print(text);
    }

    static String json(List<CapabilityMatrix> matrices) {
        List<Object> list = new ArrayList<>();
        for (CapabilityMatrix m : matrices) {
            List<Object> rows = new ArrayList<>();
            for (Capability c : Capability.values()) {
                Support s = m.get(c);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("capability", c.name());
                row.put("title", c.title());
                row.put("support", s.kind());
                switch (s) {
                    case Support.Native n -> row.put("mechanism", n.mechanism());
                    case Support.Emulated e -> {
                        row.put("mechanism", e.mechanism());
                        row.put("caveat", e.caveat());
                    }
                    case Support.Unsupported u -> row.put("reason", u.reason());
                }
                rows.add(row);
            }
            Map<String, Object> os = new LinkedHashMap<>();
            os.put("os", m.os());
            os.put("capabilities", rows);
            list.add(os);
        }
        return Json.write(Map.of("matrices", list));
    }
}
