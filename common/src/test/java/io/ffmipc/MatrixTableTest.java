package io.ffmipc;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MatrixTableTest {

    private static CapabilityMatrix matrix(String os, Support first) {
        CapabilityMatrix.Builder b = CapabilityMatrix.builder(os);
        for (Capability c : Capability.values()) {
            b.set(c, c == Capability.NAMED_SHARED_MEMORY ? first : Support.unsupported("no " + c.name().toLowerCase()));
        }
        return b.build();
    }

    @Test
    void markdownHasOneColumnPerOsAndOneRowPerCapability() {
        String md = MatrixTable.markdown(List.of(
                matrix("Alpha", Support.nativeVia("shm_open | mmap")),
                matrix("Beta", Support.emulated("ring", "slower"))));
        List<String> lines = md.lines().toList();
        assertEquals("| capability | Alpha | Beta |", lines.get(0));
        assertEquals("|---|---|---|", lines.get(1));
        assertEquals(2 + Capability.values().length, lines.size());
        // a '|' inside a cell is escaped so the row keeps its columns
        assertEquals("| named shared memory | native: shm_open \\| mmap | emulated: ring (slower) |", lines.get(2));
        assertEquals("| mapped file | unsupported: no mapped_file | unsupported: no mapped_file |", lines.get(3));
    }

    @Test
    void plainSingleMatrixAlignsKindAndDetail() {
        String text = MatrixTable.plain(List.of(matrix("Alpha", Support.nativeVia("shm_open"))));
        List<String> lines = text.lines().toList();
        assertEquals("Alpha capability matrix", lines.get(0));
        assertEquals(1 + Capability.values().length, lines.size());
        int kindColumn = lines.get(1).indexOf("NATIVE");
        assertTrue(kindColumn > Capability.NAMED_SHARED_MEMORY.title().length(), text);
        assertEquals(kindColumn, lines.get(2).indexOf("UNSUPPORTED"), "kinds start in one column:\n" + text);
    }

    @Test
    void plainSeveralMatricesGroupsByCapability() {
        String text = MatrixTable.plain(List.of(matrix("Alpha", Support.nativeVia("x")), matrix("Beta", Support.nativeVia("y"))));
        List<String> lines = text.lines().toList();
        assertEquals("  named shared memory", lines.get(1));
        assertTrue(lines.get(2).matches(" {4}Alpha +NATIVE +x"), lines.get(2));
        assertTrue(lines.get(3).matches(" {4}Beta +NATIVE +y"), lines.get(3));
    }

    @Test
    void plainSeveralMatricesAlignsTheOsLinesByTheirOwnWidthsNotTheTitles() {
        String text = MatrixTable.plain(List.of(matrix("Alpha", Support.nativeVia("x")), matrix("Beta", Support.nativeVia("y"))));
        List<String> lines = text.lines().toList();
        // the OS column is as wide as "Alpha" (the kind column as "UNSUPPORTED", found on other rows)
        assertTrue(lines.get(2).matches("    Alpha  NATIVE +x"), lines.get(2));
        assertTrue(lines.get(3).matches("    Beta   NATIVE +y"), lines.get(3));
    }

    @Test
    void noMatrixIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> MatrixTable.markdown(List.of()));
    }

    @Test
    void textTableAlignsColumnsAndTrimsTrailingBlanks() {
        String t = new TextTable().row("a", "bb", "c").row("ccc", "d", "").row("e").render("> ");
        assertEquals("> a    bb  c\n> ccc  d\n> e\n", t);
    }
}
