package io.ffmipc.windows;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The command line CreateProcessW gets, read back by the rules Microsoft documents for the C
 * runtime ("Parsing C command-line arguments"), implemented here independently of the quoting.
 */
class CommandLineTest {

    /** argv as the Microsoft C runtime splits a command line (program by its own rule). */
    static List<String> parse(String line) {
        List<String> args = new ArrayList<>();
        int i = 0;
        StringBuilder program = new StringBuilder();
        boolean quoted = false;
        for (; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if ((c == ' ' || c == '\t') && !quoted) {
                break;
            } else {
                program.append(c);
            }
        }
        args.add(program.toString());
        while (true) {
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            if (i >= line.length()) {
                return args;
            }
            StringBuilder arg = new StringBuilder();
            boolean inQuotes = false;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (c == '\\') {
                    int n = 0;
                    while (i < line.length() && line.charAt(i) == '\\') {
                        n++;
                        i++;
                    }
                    if (i < line.length() && line.charAt(i) == '"') {
                        arg.append("\\".repeat(n / 2));
                        if (n % 2 == 1) {
                            arg.append('"');
                            i++;
                        }
                    } else {
                        arg.append("\\".repeat(n));
                    }
                    continue;
                }
                if (c == '"') {
                    if (inQuotes && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        arg.append('"'); // "" inside quotes: a literal quote (newer runtimes)
                        i += 2;
                        continue;
                    }
                    inQuotes = !inQuotes;
                    i++;
                    continue;
                }
                if ((c == ' ' || c == '\t') && !inQuotes) {
                    break;
                }
                arg.append(c);
                i++;
            }
            args.add(arg.toString());
        }
    }

    @Test
    void argumentsComeBackAsTheyWere() {
        List<String> command = List.of("C:\\Program Files\\Java\\bin\\java", "-cp", "C:\\a b\\x.jar;C:\\c",
                "", "plain", "with space", "quote\"inside", "trailing\\", "trailing space\\", "\\\\server\\share\\",
                "a\\\\\"b", "tab\there", "new\nline", "\"", "\\", "handle:1234", "ünïcødé");
        String line = CommandLine.of(command);
        assertEquals(command, parse(line), line);
    }

    @Test
    void simpleArgumentsAreNotQuoted() {
        assertEquals("C:\\jdk\\bin\\java -cp C:\\x.jar io.Main handle:12",
                CommandLine.of(List.of("C:\\jdk\\bin\\java", "-cp", "C:\\x.jar", "io.Main", "handle:12")));
        assertEquals("\"C:\\Program Files\\j\\java\" \"\" \"a b\"",
                CommandLine.of(List.of("C:\\Program Files\\j\\java", "", "a b")));
    }

    @Test
    void aProgramWithAQuoteIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CommandLine.of(List.of("a\"b.exe")));
    }

    /** An absolute program is named exactly (with .exe when only that exists); a bare name is left to Windows' search. */
    @Test
    void theApplicationNameOfAbsoluteProgramsOnly() {
        Set<Path> files = Set.of(Path.of("/jdk/bin/java.exe"), Path.of("/tools/run"));
        assertEquals(Path.of("/jdk/bin/java.exe").toString(), CommandLine.application("/jdk/bin/java", files::contains));
        assertEquals(Path.of("/tools/run").toString(), CommandLine.application("/tools/run", files::contains));
        assertEquals(Path.of("/missing/x").toString(), CommandLine.application("/missing/x", files::contains),
                "a missing program is named as given: CreateProcessW reports it");
        assertNull(CommandLine.application("java", files::contains));
    }
}
