package io.ffmipc.windows.behaviour;

import io.ffmipc.windows.behaviour.BehaviourFacts.Fact;
import io.ffmipc.windows.behaviour.BehaviourFacts.Verification;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps the facts table honest on any OS: every C check has a row and every checked row a check,
 * every row cites Microsoft Learn, every deviation says what Wine does, and the human-readable
 * table in ffm-windows/README.md is the one the data gives. Run with
 * {@code -Dwindows.facts.update=true} to rewrite that README section from the table.
 */
class WindowsBehaviourFactsTest {
    static final String BEGIN = "<!-- behaviour-facts:begin -->";
    static final String END = "<!-- behaviour-facts:end -->";

    private final List<Fact> facts = BehaviourFacts.load();

    @Test
    void idsAreUniqueAndEveryRowIsComplete() {
        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (Fact f : facts) {
            if (!ids.add(f.id())) {
                problems.add(f.id() + " appears twice");
            }
            if (!f.id().matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                problems.add(f.id() + " is not a lower-case dashed name");
            }
            if (f.behaviour().length() < 20) {
                problems.add(f.id() + ": the behaviour is not described");
            }
            for (String s : f.sources()) {
                if (!s.startsWith("https://learn.microsoft.com/")) {
                    problems.add(f.id() + ": source '" + s + "' is not a Microsoft Learn page");
                }
            }
            if (f.verified() == Verification.WINE_DEVIATES && f.note().equals("-")) {
                problems.add(f.id() + ": a deviation must say what Wine does");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyCheckHasARowAndEveryCheckedRowACheck() {
        Set<String> programs = new TreeSet<>(CheckPrograms.names(BehaviourFacts.checkSources()));
        Set<String> checkedRows = new TreeSet<>();
        Set<String> docOnly = new TreeSet<>();
        for (Fact f : facts) {
            (f.verified().runsUnderWine() ? checkedRows : docOnly).add(f.id());
        }
        Set<String> withoutRow = new TreeSet<>(programs);
        withoutRow.removeAll(checkedRows);
        Set<String> withoutProgram = new TreeSet<>(checkedRows);
        withoutProgram.removeAll(programs);
        Set<String> docOnlyWithProgram = new TreeSet<>(docOnly);
        docOnlyWithProgram.retainAll(programs);
        assertEquals(Set.of(), withoutRow, "C checks without a wine/wine-deviates row");
        assertEquals(Set.of(), withoutProgram, "rows verified under Wine without a C check");
        assertEquals(Set.of(), docOnlyWithProgram, "doc-only rows that have a C check: say how they are verified");
    }

    @Test
    void readmeTableIsTheFactsTable() throws IOException {
        Path readme = BehaviourFacts.moduleDir().resolve("README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8).replace("\r\n", "\n");
        int b = text.indexOf(BEGIN);
        int e = text.indexOf(END);
        assertTrue(b >= 0 && e > b, readme + " must contain " + BEGIN + " and " + END);
        String expected = "\n" + markdown(facts);
        String actual = text.substring(b + BEGIN.length(), e);
        if (!expected.equals(actual) && Boolean.getBoolean("windows.facts.update")) {
            Files.writeString(readme, text.substring(0, b + BEGIN.length()) + expected + text.substring(e),
                    StandardCharsets.UTF_8);
            return;
        }
        assertEquals(expected, actual, "the table in " + readme + " differs from " + BehaviourFacts.RESOURCE
                + "; regenerate it with mvn -pl ffm-windows test -Dtest=WindowsBehaviourFactsTest"
                + " -Dwindows.facts.update=true");
    }

    /** The README's form of the table: behaviour, how it is verified, sources as links. */
    static String markdown(List<Fact> facts) {
        StringBuilder sb = new StringBuilder("| id | verified | behaviour | Microsoft Learn | Wine / note |\n");
        sb.append("|---|---|---|---|---|\n");
        for (Fact f : facts) {
            List<String> links = new ArrayList<>();
            for (int i = 0; i < f.sources().size(); i++) {
                links.add("[" + (i + 1) + "](" + f.sources().get(i) + ")");
            }
            sb.append("| `").append(f.id()).append("` | ").append(f.verified().word).append(" | ")
                    .append(cell(f.behaviour())).append(" | ").append(String.join(" ", links)).append(" | ")
                    .append(f.note().equals("-") ? "" : cell(f.note())).append(" |\n");
        }
        return sb.toString();
    }

    private static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|");
    }
}
