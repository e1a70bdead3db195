package io.ffmipc.macos.ffi;

import io.ffmipc.testkit.abi.AbiDeclarations.Binding;
import io.ffmipc.testkit.abi.MacosAbiFacts;
import io.ffmipc.ffi.Target;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A {@link TableFact} field of a binding class, and its comparison with the facts table. */
record TableFactField(String name, TableFact fact) {

    /** Every static {@link TableFact} field of the bindings' classes. */
    static List<TableFactField> scan(List<Binding> bindings) {
        List<TableFactField> out = new ArrayList<>();
        for (Binding b : bindings) {
            for (Field f : b.type().getDeclaredFields()) {
                if (f.getType() == TableFact.class && Modifier.isStatic(f.getModifiers())) {
                    try {
                        out.add(new TableFactField(b.type().getName() + "." + f.getName(), (TableFact) f.get(null)));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return out;
    }

    /** The disagreements of {@code fact} (named {@code name} in messages) with the table; empty if none. */
    static List<String> check(MacosAbiFacts table, String name, TableFact fact) {
        List<String> bad = new ArrayList<>();
        for (Target t : List.of(Target.MACOS_ARM64, Target.MACOS_X86_64)) {
            if (!fact.targets().contains(t)) {
                continue;
            }
            String who = "ABI fact " + name + " on " + t.id() + ": " + fact.kind() + " " + fact.name();
            MacosAbiFacts.Row row = table.find(fact.kind(), fact.name(), t);
            if (row == null) {
                bad.add(who + " is not in the macOS facts table (" + MacosAbiFacts.RESOURCE
                        + "): add it with its source before a binding may use it");
            } else if (!same(fact, row)) {
                bad.add(who + " is declared " + fact.value() + ", the table says " + row.value() + " (table line "
                        + row.line() + ", " + row.source() + ", confidence " + row.confidence() + ")");
            }
        }
        return bad;
    }

    private static boolean same(TableFact fact, MacosAbiFacts.Row row) {
        return switch (fact.kind()) {
            case "member" -> row.numbers().equals(Map.of("offset", fact.offset(), "size", fact.size()));
            case "constant", "limit" -> fact.longValue() == Long.decode(row.value());
            default -> fact.value().equals(row.value());
        };
    }
}
