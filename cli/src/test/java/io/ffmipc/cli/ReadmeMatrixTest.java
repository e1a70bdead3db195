package io.ffmipc.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's capability matrix is the code's: the table between the markers must be what {@code ffmipc matrix --all --markdown} prints. */
class ReadmeMatrixTest {
    private static final String BEGIN = "<!-- matrix:begin -->";
    private static final String END = "<!-- matrix:end -->";

    @Test
    void readmeMatrixMatchesTheProviders() throws IOException {
        Path readme = findReadme();
        String text = Files.readString(readme);
        int b = text.indexOf(BEGIN);
        int e = text.indexOf(END);
        assertTrue(b >= 0 && e > b, readme + " must contain the markers " + BEGIN + " and " + END);
        String inReadme = text.substring(b + BEGIN.length(), e).strip();
        String expected = Matrices.readmeTable().strip();
        assertEquals(expected, inReadme, "The capability matrix in " + readme + " differs from the providers' matrices. "
                + "Regenerate it: replace the lines between " + BEGIN + " and " + END
                + " with the output of `./ffmipc matrix --all --markdown`.");
    }

    /** The repository root's README, from the module directory (Maven) or the root (an IDE). */
    private static Path findReadme() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("cli"))) {
                return dir.resolve("README.md");
            }
        }
        throw new AssertionError("no README.md beside a cli directory above " + Path.of("").toAbsolutePath());
    }
}
