package io.ffmipc.windows;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * A command as CreateProcessW takes it: one string that the child's C runtime splits back into
 * arguments (the rules of CommandLineToArgvW and the Microsoft C runtime), and the program to run.
 *
 * <p>Arguments: one with no space, tab, newline or double quote goes as it is (an empty one as
 * {@code ""}); any other is quoted, each double quote preceded by a backslash, and backslashes
 * doubled where they come before a double quote (also the closing one), since only there are they
 * escapes. The program (the first element) is parsed by other rules — quotes delimit, backslashes
 * are literal — so it is quoted if it has a space and refused if it has a double quote (no file
 * name has one).
 *
 * <p>The program: an absolute path is given as lpApplicationName, with {@code .exe} appended if the
 * path itself is no file (CreateProcessW appends it only when it searches), so Windows does not
 * search for it (its search starts in the current directory); a bare name is left to Windows'
 * search (lpApplicationName NULL).
 */
final class CommandLine {
    private CommandLine() {
    }

    /** The command line of {@code command} (program first). */
    static String of(List<String> command) {
        StringBuilder s = new StringBuilder();
        String program = command.get(0);
        if (program.indexOf('"') >= 0) {
            throw new IllegalArgumentException("a program path cannot contain a double quote: " + program);
        }
        boolean quote = program.isEmpty() || program.chars().anyMatch(c -> c == ' ' || c == '\t');
        s.append(quote ? "\"" + program + "\"" : program);
        for (String arg : command.subList(1, command.size())) {
            s.append(' ');
            argument(s, arg);
        }
        return s.toString();
    }

    /** Appends one argument (not the program), quoted as the C runtime reads it back. */
    static void argument(StringBuilder s, String arg) {
        if (!arg.isEmpty() && arg.chars().noneMatch(c -> c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '"')) {
            s.append(arg);
            return;
        }
        s.append('"');
        int backslashes = 0;
        for (int i = 0; i < arg.length(); i++) {
            char c = arg.charAt(i);
            if (c == '\\') {
                backslashes++;
                continue;
            }
            if (c == '"') {
                s.append("\\".repeat(2 * backslashes + 1)).append('"');
            } else {
                s.append("\\".repeat(backslashes)).append(c);
            }
            backslashes = 0;
        }
        s.append("\\".repeat(2 * backslashes)).append('"');
    }

    /**
     * The lpApplicationName for {@code program}: the path for an absolute one (with {@code .exe}
     * appended if only that exists), or null to let Windows search for a bare name.
     */
    static String application(String program, Predicate<Path> isFile) {
        Path p;
        try {
            p = Path.of(program);
        } catch (RuntimeException notAPath) {
            return null;
        }
        if (!p.isAbsolute()) {
            return null;
        }
        if (!isFile.test(p)) {
            Path exe = Path.of(program + ".exe");
            if (isFile.test(exe)) {
                return exe.toString();
            }
        }
        return p.toString();
    }
}
