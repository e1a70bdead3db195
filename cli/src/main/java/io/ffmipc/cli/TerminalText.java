package io.ffmipc.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Makes text safe to show on a terminal: every control character that could move the cursor,
 * recolour or retitle the terminal, or reorder what is shown is written as an escape instead —
 * {@code ESC} as {@code \x1b}, a carriage return as {@code \r}, a right-to-left override as
 * {@code \u202e}. Names and messages reach the terminal only through {@link #escaping(Writer)}: the
 * command's standard output and error are wrapped in it once ({@link Main#commandLine}), so a name
 * typed by a user, read from {@code /dev/shm} or sent by a peer cannot act on the terminal wherever
 * it is printed. Line feeds and tabs stay: they are the command's own layout. What a command prints
 * as data (a received message, a pipe's or segment's bytes) is written raw, on purpose, to
 * {@link FfmipcCommand#binaryOut}, as {@code cat} would.
 */
final class TerminalText {

    private TerminalText() {
    }

    /** Whether {@code c} is shown as an escape: C0 and C1 controls but line feed and tab, DEL, bidi controls. */
    static boolean mustEscape(char c) {
        return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f)
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }

    /** {@code text} with every character {@link #mustEscape} written as {@code \xHH} (or {@code \r}, {@code \\uHHHH}). */
    static String escape(CharSequence text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            append(sb, text.charAt(i));
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, char c) {
        if (!mustEscape(c)) {
            sb.append(c);
        } else if (c == '\r') {
            sb.append("\\r");
        } else if (c <= 0xff) {
            sb.append(String.format("\\x%02x", (int) c));
        } else {
            sb.append(String.format("\\u%04x", (int) c));
        }
    }

    /** A writer that passes everything through {@link #escape} on its way to {@code out}. */
    static Writer escaping(Writer out) {
        return new FilterWriter(out) {
            @Override
            public void write(int c) throws IOException {
                write(Character.toString((char) c), 0, 1);
            }

            @Override
            public void write(char[] buf, int off, int len) throws IOException {
                write(new String(buf, off, len), 0, len);
            }

            @Override
            public void write(String s, int off, int len) throws IOException {
                String escaped = escape(s.substring(off, off + len));
                out.write(escaped, 0, escaped.length());
            }
        };
    }
}
