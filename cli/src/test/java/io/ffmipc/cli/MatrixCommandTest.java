package io.ffmipc.cli;

import io.ffmipc.Capability;
import io.ffmipc.Ipc;
import io.ffmipc.MatrixTable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ffmipc matrix}: read from the providers as data, so it works before any native call. */
class MatrixCommandTest {

    @Test
    void plainMatrixOfThisOs() {
        CliRun r = CliRun.of("matrix");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertEquals(MatrixTable.plain(List.of(Ipc.platform().matrix())), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches(" +named shared memory +NATIVE +POSIX shm_open.*")), r.out());
    }

    @Test
    void markdownAllIsTheReadmeTable() {
        CliRun r = CliRun.of("matrix", "--all", "--markdown");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertEquals(Matrices.readmeTable(), r.out());
        assertTrue(r.out().startsWith("| capability | Linux |"), r.out());
        String header = r.out().lines().findFirst().orElseThrow();
        assertTrue(header.endsWith(" macOS |"), "every provider on the class path is a column: " + header);
    }

    /** Every provider's matrix is data: the Windows column shows on Linux, beside Linux's, row for row. */
    @Test
    void allShowsLinuxAndWindowsSideBySide() {
        CliRun r = CliRun.of("matrix", "--all", "--markdown");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertTrue(r.out().startsWith("| capability | Linux | Windows |"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("| persistent names") && l.contains("| unsupported: ")),
                r.out());
        CliRun plain = CliRun.of("matrix", "--all");
        assertEquals(ExitCodes.OK, plain.exitCode(), plain.toString());
        assertTrue(plain.out().lines().anyMatch(l -> l.matches(" +Windows +NATIVE +CreateFileMappingW.*")), plain.out());
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonIsValidAndCarriesEveryCell() {
        CliRun r = CliRun.of("matrix", "--all", "--json");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        Map<String, Object> doc = (Map<String, Object>) JsonReader.parse(r.out());
        List<Object> matrices = (List<Object>) doc.get("matrices");
        assertEquals(Matrices.all().size(), matrices.size());
        Map<String, Object> linux = (Map<String, Object>) matrices.getFirst();
        assertEquals("Linux", linux.get("os"));
        List<Object> rows = (List<Object>) linux.get("capabilities");
        assertEquals(Capability.values().length, rows.size());
        for (Object o : rows) {
            Map<String, Object> row = (Map<String, Object>) o;
            Capability c = Capability.valueOf((String) row.get("capability"));
            assertEquals(c.title(), row.get("title"));
            String kind = (String) row.get("support");
            assertEquals(Ipc.platform().matrix().get(c).kind(), kind);
            assertTrue(row.containsKey(kind.equals("UNSUPPORTED") ? "reason" : "mechanism"), row.toString());
        }
    }

    @Test
    void jsonEscapesWhatMustBeEscaped() {
        String text = "quote \" backslash \\ newline \n tab \t bell \u0007 line-sep \u2028 µ";
        Object back = JsonReader.parse(Json.write(Map.of("k", List.of(text, 1, -2L, true, Map.of()))));
        assertEquals(Map.of("k", List.of(text, 1.0, -2.0, true, Map.of())), back);
        assertEquals("\"\\u0007\"", Json.quote("\u0007"));
    }
}
