package io.ffmipc;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with left-aligned columns separated by two spaces, for terminals. Used by
 * {@link MatrixTable} and by the {@code ffmipc} command's listings, so both align alike.
 */
public final class TextTable {
    private final List<Line> rows = new ArrayList<>();

    /** A row of cells, or a heading: one cell printed as it is and not measured. */
    private record Line(List<String> cells, boolean heading) {
    }

    /** An empty table; add rows with {@link #row}. */
    public TextTable() {
        // rows are added one by one
    }

    /** Adds a row; rows may have different numbers of cells. {@code null} cells print empty. */
    public TextTable row(String... cells) {
        List<String> r = new ArrayList<>(cells.length);
        for (String c : cells) {
            r.add(c == null ? "" : c);
        }
        rows.add(new Line(r, false));
        return this;
    }

    /**
     * Adds a line of its own between rows (a group's title): printed as it is, it takes no part in
     * the column widths, so a long title does not push every column of the rows under it right.
     */
    public TextTable heading(String text) {
        rows.add(new Line(List.of(text == null ? "" : text), true));
        return this;
    }

    /** The table, each line prefixed with {@code indent} and ended by a newline; trailing blanks trimmed. */
    public String render(String indent) {
        List<Integer> widths = new ArrayList<>();
        for (Line line : rows) {
            if (line.heading()) {
                continue;
            }
            List<String> r = line.cells();
            for (int i = 0; i < r.size(); i++) {
                int w = r.get(i).length();
                if (i == widths.size()) {
                    widths.add(w);
                } else if (w > widths.get(i)) {
                    widths.set(i, w);
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        for (Line row : rows) {
            List<String> r = row.cells();
            if (row.heading()) {
                sb.append((indent + r.getFirst()).stripTrailing()).append('\n');
                continue;
            }
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < r.size(); i++) {
                line.append(r.get(i));
                if (i < r.size() - 1) {
                    line.append(" ".repeat(widths.get(i) - r.get(i).length() + 2));
                }
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return render("");
    }
}
