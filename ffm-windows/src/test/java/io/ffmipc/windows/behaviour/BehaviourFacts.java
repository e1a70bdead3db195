package io.ffmipc.windows.behaviour;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The table of Windows behaviours the provider relies on ({@code windows-behaviour-facts.tsv}, a
 * test resource at the class path root): per row the behaviour in words, how it is verified here, the
 * Microsoft Learn pages that document it and, for a deviation, what Wine does instead.
 */
final class BehaviourFacts {
    static final String RESOURCE = "/windows-behaviour-facts.tsv";

    private BehaviourFacts() {
    }

    /** How a row is verified on Linux. */
    enum Verification {
        /** The C check must find the documented behaviour under Wine. */
        WINE("wine"),
        /** Wine is known to behave otherwise; the check must still find it so, and fails once Wine agrees. */
        WINE_DEVIATES("wine-deviates"),
        /** Only Microsoft's documentation; nothing here can show it. */
        DOC_ONLY("doc-only");

        final String word;

        Verification(String word) {
            this.word = word;
        }

        static Verification of(String word) {
            for (Verification v : values()) {
                if (v.word.equals(word)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("unknown verification '" + word + "': use "
                    + Arrays.stream(values()).map(v -> v.word).toList());
        }

        /** Whether a C check runs under Wine for this row. */
        boolean runsUnderWine() {
            return this != DOC_ONLY;
        }
    }

    /**
     * One row.
     *
     * @param id         the behaviour's name; for a checked row also the C check's file name
     * @param verified   how it is verified
     * @param behaviour  what Windows does, in words
     * @param sources    the Microsoft Learn pages
     * @param note       what Wine does instead (deviations), why it cannot be shown here, or "-"
     * @param line       the row's line in the table, for messages
     */
    record Fact(String id, Verification verified, String behaviour, List<String> sources, String note, int line) {
        @Override
        public String toString() {
            return id + " (" + verified.word + ")";
        }
    }

    /** The table: the Wine version its Wine column was recorded with, and the rows in order. */
    record Table(String recordedWith, List<Fact> facts) {
    }

    /** The rows, in table order. */
    static List<Fact> load() {
        return table().facts();
    }

    static Table table() {
        try (InputStream in = BehaviourFacts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + RESOURCE + " not found on the test class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String RECORDED_WITH = "# recorded-with:";

    static Table parse(String text) {
        List<Fact> facts = new ArrayList<>();
        String recordedWith = null;
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith(RECORDED_WITH)) {
                recordedWith = line.substring(RECORDED_WITH.length()).strip();
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != 5) {
                throw new IllegalArgumentException(RESOURCE + ":" + (i + 1) + ": 5 tab-separated cells expected, found "
                        + cells.length);
            }
            List<String> sources = Arrays.stream(cells[3].split(" ; ")).map(String::strip).toList();
            facts.add(new Fact(cells[0].strip(), Verification.of(cells[1].strip().toLowerCase(Locale.ROOT)),
                    cells[2].strip(), sources, cells[4].strip(), i + 1));
        }
        if (recordedWith == null) {
            throw new IllegalArgumentException(RESOURCE + " does not say which Wine it was recorded with ('"
                    + RECORDED_WITH + " wine-8.0')");
        }
        return new Table(recordedWith, List.copyOf(facts));
    }

    /** The ffm-windows module directory (Surefire runs tests there and says so in {@code basedir}). */
    static Path moduleDir() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    }

    /** Where the C checks are. */
    static Path checkSources() {
        return moduleDir().resolve("src/test/c/wine");
    }
}
