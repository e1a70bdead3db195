package io.ffmipc;

import java.util.List;

/**
 * Renders capability matrices for people: a Markdown table (the README's matrix is this output,
 * checked by a test) and an aligned plain-text form for terminals. One column per OS, one row per
 * {@link Capability}, in declaration order.
 */
public final class MatrixTable {

    private MatrixTable() {
    }

    /**
     * A Markdown table: a header row naming each OS, then one row per capability. Cells read
     * {@code native: mechanism}, {@code emulated: mechanism (caveat)} or {@code unsupported: reason}.
     */
    public static String markdown(List<CapabilityMatrix> matrices) {
        requireSome(matrices);
        StringBuilder sb = new StringBuilder("| capability |");
        for (CapabilityMatrix m : matrices) {
            sb.append(' ').append(escapeMarkdown(m.os())).append(" |");
        }
        sb.append("\n|---|");
        sb.append("---|".repeat(matrices.size()));
        sb.append('\n');
        for (Capability c : Capability.values()) {
            sb.append("| ").append(escapeMarkdown(c.title())).append(" |");
            for (CapabilityMatrix m : matrices) {
                sb.append(' ').append(escapeMarkdown(describe(m.get(c)))).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * Plain text. One matrix: one aligned line per capability (title, kind, mechanism or reason).
     * Several: per capability a title line, then one indented line per OS.
     */
    public static String plain(List<CapabilityMatrix> matrices) {
        requireSome(matrices);
        TextTable t = new TextTable();
        if (matrices.size() == 1) {
            CapabilityMatrix m = matrices.getFirst();
            for (Capability c : Capability.values()) {
                Support s = m.get(c);
                t.row(c.title(), s.kind(), detail(s));
            }
            return m.os() + " capability matrix\n" + t.render("  ");
        }
        for (Capability c : Capability.values()) {
            t.heading(c.title());
            for (CapabilityMatrix m : matrices) {
                Support s = m.get(c);
                t.row("  " + m.os(), s.kind(), detail(s));
            }
        }
        return "capability matrix\n" + t.render("  ");
    }

    /** One cell in words: {@code native: …}, {@code emulated: … (caveat)}, {@code unsupported: …}. */
    public static String describe(Support s) {
        return s.kind().toLowerCase(java.util.Locale.ROOT) + ": " + detail(s);
    }

    /** The mechanism (with caveat) or the reason, without the kind. */
    public static String detail(Support s) {
        return switch (s) {
            case Support.Native n -> n.mechanism();
            case Support.Emulated e -> e.mechanism() + " (" + e.caveat() + ")";
            case Support.Unsupported u -> u.reason();
        };
    }

    private static String escapeMarkdown(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
    }

    private static void requireSome(List<CapabilityMatrix> matrices) {
        if (matrices.isEmpty()) {
            throw new IllegalArgumentException("no capability matrix to render");
        }
    }
}
