package io.ffmipc.testkit.abi;

import io.ffmipc.ffi.*;
import io.ffmipc.testkit.abi.AbiDeclarations.Binding;
import io.ffmipc.testkit.abi.AbiDeclarations.Fact;

import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The macOS ABI facts table and the check of declarations against it. macOS headers are not
 * available off a Mac, so macOS facts cannot be compiled here: instead every fact a binding
 * declares for a macOS target must be in the table (with its source) and agree with it. A fact the
 * table does not have fails too, so nothing unverified lands.
 *
 * <p>The table is tab-separated: {@code kind name targets value source confidence}; {@code #} lines
 * are comments, the first other line is the header. Kinds: {@code type} (value = size),
 * {@code struct} ({@code size=N[;align=N]}), {@code member} ({@code offset=N[;size=N]}, name
 * {@code struct-name.member}), {@code constant} (an integer, {@code 0x} allowed), {@code function}
 * (a C pointer type such as {@code int (*)(const char *, int, ...)}, or {@code params=N}, or
 * {@code variadic=no}), {@code symbol} (the linker symbol a function is reached by, without the
 * leading underscore), and the informational {@code global}, {@code absent}, {@code limit}.
 * Targets: {@code macos} (both) or {@code macos-arm64} / {@code macos-x86_64}.
 */
public final class MacosAbiFacts {
    /** The table's location on the class path (common's test resources). */
    public static final String RESOURCE = "abi/macos-abi-facts.tsv";

    private static final Set<String> KINDS = Set.of("type", "struct", "member", "constant", "function", "global",
            "absent", "limit", "symbol");
    private static final List<String> HEADER = List.of("kind", "name", "targets", "value", "source", "confidence");

    /** One row, with its line number for messages. */
    public record Row(String kind, String name, Set<Target> targets, String value, String source, String confidence,
                      int line) {
        /** The {@code key=value} parts of the value. */
        public Map<String, Long> numbers() {
            Map<String, Long> m = new LinkedHashMap<>();
            for (String part : value.split(";")) {
                int eq = part.indexOf('=');
                m.put(part.substring(0, eq).trim(), Long.decode(part.substring(eq + 1).trim()));
            }
            return m;
        }

        String cite() {
            return "(table line " + line + ", " + source + ", confidence " + confidence + ")";
        }
    }

    /** What a check compared and what disagreed. */
    public record Report(int checked, List<String> mismatches) {
    }

    private final List<Row> rows;
    private final Map<String, Row> index = new HashMap<>();

    private MacosAbiFacts(List<Row> rows) {
        this.rows = List.copyOf(rows);
        for (Row r : rows) {
            for (Target t : r.targets()) {
                Row old = index.put(key(r.kind(), r.name(), t), r);
                if (old != null) {
                    throw new IllegalArgumentException("line " + r.line() + ": " + r.kind() + " " + r.name() + " on " + t
                            + " is already given on line " + old.line());
                }
            }
        }
    }

    private static String key(String kind, String name, Target t) {
        return kind + "\u0000" + name + "\u0000" + t.id();
    }

    public List<Row> rows() {
        return rows;
    }

    /** Loads the table from the class path. */
    public static MacosAbiFacts load(ClassLoader loader) {
        try (var in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path (it is in ffm-ipc-common's test jar)");
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Parses and validates the table: known kinds and targets, well-formed values, a source on every row. */
    public static MacosAbiFacts parse(String text) {
        List<Row> rows = new ArrayList<>();
        boolean header = false;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripTrailing();
            int no = i + 1;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (cols.length != HEADER.size()) {
                throw new IllegalArgumentException("line " + no + ": " + cols.length + " columns, want " + HEADER);
            }
            if (!header) {
                if (!List.of(cols).equals(HEADER)) {
                    throw new IllegalArgumentException("line " + no + ": header must be " + HEADER);
                }
                header = true;
                continue;
            }
            Row r = new Row(cols[0], cols[1], targets(cols[2], no), cols[3], cols[4], cols[5], no);
            validate(r);
            rows.add(r);
        }
        if (!header) {
            throw new IllegalArgumentException("no header line " + HEADER);
        }
        return new MacosAbiFacts(rows);
    }

    private static Set<Target> targets(String s, int line) {
        Set<Target> out = EnumSet.noneOf(Target.class);
        for (String t : s.split(",")) {
            switch (t.trim()) {
                case "macos" -> {
                    out.add(Target.MACOS_ARM64);
                    out.add(Target.MACOS_X86_64);
                }
                case "macos-arm64" -> out.add(Target.MACOS_ARM64);
                case "macos-x86_64" -> out.add(Target.MACOS_X86_64);
                default -> throw new IllegalArgumentException("line " + line + ": unknown target '" + t + "'");
            }
        }
        return out;
    }

    private static void validate(Row r) {
        String where = "line " + r.line() + " (" + r.name() + "): ";
        if (!KINDS.contains(r.kind())) {
            throw new IllegalArgumentException(where + "unknown kind '" + r.kind() + "', want one of " + KINDS);
        }
        if (r.name().isBlank() || r.source().isBlank() || r.confidence().isBlank()) {
            throw new IllegalArgumentException(where + "every row needs a name, a source citation and a confidence");
        }
        try {
            switch (r.kind()) {
                case "type", "constant" -> Long.decode(r.value());
                case "struct" -> requireKeys(r, "size", Set.of("size", "align"));
                case "member" -> {
                    requireKeys(r, "offset", Set.of("offset", "size"));
                    if (r.name().indexOf('.') < 0) {
                        throw new IllegalArgumentException(where + "a member is named struct.member");
                    }
                }
                case "function" -> {
                    if (!r.value().contains("(*)") && !r.value().equals("variadic=no")) {
                        requireKeys(r, "params", Set.of("params"));
                    }
                }
                default -> {
                }
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + "bad number in '" + r.value() + "'", e);
        }
    }

    private static void requireKeys(Row r, String required, Set<String> allowed) {
        Map<String, Long> m = r.numbers();
        if (!m.containsKey(required) || !allowed.containsAll(m.keySet())) {
            throw new IllegalArgumentException("line " + r.line() + " (" + r.name() + "): value '" + r.value()
                    + "' must give " + required + " (allowed: " + allowed + ")");
        }
    }

    /** The row for a fact, or null. */
    public Row find(String kind, String name, Target target) {
        return index.get(key(kind, name, target));
    }

    /** Every fact the bindings declare for a macOS target, compared with the table. */
    public Report check(List<Binding> bindings) {
        int checked = 0;
        List<String> bad = new ArrayList<>();
        for (Binding b : bindings) {
            for (Fact f : b.facts()) {
                for (Target t : f.targets()) {
                    if (t.isMacos()) {
                        checked += checkFact(f, t, bad);
                    }
                }
            }
        }
        return new Report(checked, bad);
    }

    private int checkFact(Fact f, Target t, List<String> bad) {
        String who = "ABI fact " + f.name() + " on " + t.id() + ": ";
        switch (f.declaration()) {
            case CConstant c -> {
                Row r = need("constant", c.macro(), t, who, bad);
                if (r != null && !sameValue(c.value(t), Long.decode(r.value()))) {
                    bad.add(who + c.macro() + " is declared " + c.value(t) + ", the table says " + r.value() + " " + r.cite());
                }
                return 1;
            }
            case CStruct s -> {
                StructLayout l = s.layout(t);
                Row r = need("struct", s.cName(), t, who, bad);
                int n = 1;
                if (r != null) {
                    Map<String, Long> v = r.numbers();
                    compare(who, "sizeof(" + s.cName() + ")", l.byteSize(), v.get("size"), r, bad);
                    if (v.containsKey("align")) {
                        compare(who, "_Alignof(" + s.cName() + ")", l.byteAlignment(), v.get("align"), r, bad);
                    }
                }
                return n + members(who, s.cName(), l, "", 0, t, bad);
            }
            case CFunction fn -> {
                Row r = need("function", fn.name(), t, who, bad);
                if (r != null) {
                    String v = r.value();
                    if (v.contains("(*)")) {
                        if (!squash(fn.pointerType(false)).equals(squash(v))) {
                            bad.add(who + fn.name() + " is declared " + fn.pointerType(false) + ", the table says " + v
                                    + " " + r.cite());
                        }
                    } else if (v.equals("variadic=no")) {
                        if (fn.variadic()) {
                            bad.add(who + fn.name() + " is declared variadic, the table says it is not " + r.cite());
                        }
                    } else if (fn.variadic() || fn.parameterTypes().size() != r.numbers().get("params")) {
                        bad.add(who + fn.name() + " is declared with " + fn.parameterTypes().size() + " parameters"
                                + (fn.variadic() ? " and '...'" : "") + ", the table says " + v + " " + r.cite());
                    }
                }
                return 1;
            }
            default -> throw new IllegalStateException(f.name());
        }
    }

    private int members(String who, String type, GroupLayout group, String prefix, long base, Target t, List<String> bad) {
        int n = 0;
        long offset = 0;
        for (MemoryLayout m : group.memberLayouts()) {
            long at = base + (group instanceof StructLayout ? offset : 0);
            offset += m.byteSize();
            String path = m.name().map(x -> prefix + x).orElse(null);
            if (path != null) {
                n++;
                Row r = need("member", type + "." + path, t, who, bad);
                if (r != null) {
                    Map<String, Long> v = r.numbers();
                    compare(who, "offsetof(" + type + ", " + path + ")", at, v.get("offset"), r, bad);
                    if (v.containsKey("size")) {
                        compare(who, "sizeof(" + type + "." + path + ")", m.byteSize(), v.get("size"), r, bad);
                    }
                }
            }
            if (m instanceof GroupLayout g) {
                n += members(who, type, g, path == null ? prefix : path + ".", at, t, bad);
            }
        }
        return n;
    }

    private Row need(String kind, String name, Target t, String who, List<String> bad) {
        Row r = find(kind, name, t);
        if (r == null) {
            bad.add(who + kind + " " + name + " is not in the macOS facts table (" + RESOURCE
                    + "): add it with its source before a binding may use it");
        }
        return r;
    }

    private static void compare(String who, String what, long declared, long table, Row r, List<String> bad) {
        if (declared != table) {
            bad.add(who + what + " is declared " + declared + ", the table says " + table + " " + r.cite());
        }
    }

    /** CTypes' macOS layouts of the scalar types in the table (types CTypes does not know are not used by bindings). */
    public Report checkTypes() {
        int checked = 0;
        List<String> bad = new ArrayList<>();
        for (Row r : rows) {
            if (!r.kind().equals("type")) {
                continue;
            }
            for (Target t : r.targets()) {
                MemoryLayout l;
                try {
                    l = CTypes.layout(r.name(), t);
                } catch (IllegalArgumentException unknown) {
                    continue;
                }
                checked++;
                long want = Long.decode(r.value());
                if (l == null || l.byteSize() != want) {
                    bad.add("CTypes maps " + r.name() + " on " + t.id() + " to " + (l == null ? "void" : l.byteSize() + " bytes")
                            + ", the table says " + want + " " + r.cite());
                }
            }
        }
        return new Report(checked, bad);
    }

    /** Equal, or equal as the same 32-bit pattern (0xFFFFFFFF declared as -1). */
    static boolean sameValue(long declared, long table) {
        if (declared == table) {
            return true;
        }
        boolean fits32 = declared >= Integer.MIN_VALUE && declared <= 0xFFFF_FFFFL
                && table >= Integer.MIN_VALUE && table <= 0xFFFF_FFFFL;
        return fits32 && (int) declared == (int) table;
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", "");
    }
}
