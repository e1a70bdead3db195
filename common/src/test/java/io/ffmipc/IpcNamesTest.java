package io.ffmipc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IpcNamesTest {

    private static InvalidNameException rejected(String name) {
        return assertThrows(InvalidNameException.class, () -> IpcNames.validate(name));
    }

    @Test
    void nullIsRejected() {
        InvalidNameException e = rejected(null);
        assertEquals("validate name failed: a name is required (got null)", e.getMessage());
        assertTrue(e.objectName().isEmpty());
        assertEquals("validate name", e.operation());
        assertTrue(e.osError().isEmpty());
    }

    @Test
    void emptyIsRejected() {
        InvalidNameException e = rejected("");
        assertEquals("validate name '' failed: a name must have at least 1 character", e.getMessage());
        assertEquals("", e.objectName().orElseThrow());
    }

    @Test
    void maxLengthIsAcceptedAndOneMoreIsRejectedWithTheCount() {
        String ok = "a".repeat(IpcNames.MAX_LENGTH);
        assertEquals(240, IpcNames.MAX_LENGTH);
        assertSame(ok, IpcNames.validate(ok));
        InvalidNameException e = rejected(ok + "b");
        assertTrue(e.getMessage().endsWith("a name may have at most 240 characters, this one has 241"), e.getMessage());
        assertEquals(ok + "b", e.objectName().orElseThrow());
    }

    @Test
    void everyAllowedCharacterIsAccepted() {
        String all = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-";
        assertEquals(all, IpcNames.validate(all));
        assertEquals("_x", IpcNames.validate("_x"));
        assertEquals("7", IpcNames.validate("7"));
        assertEquals("a.b-c_d", IpcNames.validate("a.b-c_d"));
    }

    @Test
    void slashIsRejectedWithItsIndex() {
        assertEquals("validate name 'ab/c' failed: a name may contain only ASCII letters, digits, '.', '_' and '-';"
                + " found '/' at index 2", rejected("ab/c").getMessage());
    }

    @Test
    void leadingSlashIsACharacterRuleNotAStartRule() {
        assertTrue(rejected("/abc").getMessage().endsWith("found '/' at index 0"));
    }

    @Test
    void backslashIsRejected() {
        assertTrue(rejected("a\\b").getMessage().endsWith("found '\\' at index 1"));
    }

    @Test
    void spaceIsRejected() {
        assertTrue(rejected("a b").getMessage().endsWith("found ' ' at index 1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a:b", "a*b", "a~b", "a%b", "a\"b", "a+b", "a@b"})
    void otherPunctuationIsRejected(String name) {
        assertTrue(rejected(name).getMessage().contains("found '" + name.charAt(1) + "' at index 1"));
    }

    @Test
    void nonAsciiIsShownAsCodePoint() {
        assertTrue(rejected("caf\u00e9").getMessage().endsWith("found U+00E9 at index 3"));
    }

    @Test
    void controlCharacterIsShownAsCodePoint() {
        assertTrue(rejected("a\tb").getMessage().endsWith("found U+0009 at index 1"));
        assertTrue(rejected("a\u0000b").getMessage().endsWith("found U+0000 at index 1"));
    }

    @Test
    void characterOutsideTheBasicPlaneIsShownAsOneCodePoint() {
        // U+1F600 is two UTF-16 chars; the message must name the character, not a lone surrogate.
        assertTrue(rejected("ab\uD83D\uDE00").getMessage().endsWith("found U+1F600 at index 2"),
                rejected("ab\uD83D\uDE00").getMessage());
    }

    @Test
    void leadingDotIsRejectedByTheStartRule() {
        assertEquals("validate name '.hidden' failed: a name must start with a letter, a digit or '_', not '.'",
                rejected(".hidden").getMessage());
    }

    @Test
    void leadingDashIsRejectedByTheStartRule() {
        assertTrue(rejected("-x").getMessage().endsWith("a name must start with a letter, a digit or '_', not '-'"));
    }

    @Test
    void invalidNameIsAnIpcException() {
        IpcException e = rejected("a/b");
        assertTrue(e instanceof InvalidNameException);
    }

    // --- POSIX ---

    @Test
    void posixPrefixesASlash() {
        assertEquals("/my-shm.1", IpcNames.posix("my-shm.1"));
        String longest = "x".repeat(240);
        assertEquals("/" + longest, IpcNames.posix(longest));
    }

    @Test
    void posixValidates() {
        assertThrows(InvalidNameException.class, () -> IpcNames.posix("a/b"));
        assertThrows(InvalidNameException.class, () -> IpcNames.posix(null));
    }

    // --- macOS ---

    @Test
    void macosKeepsNamesUpTo30Characters() {
        assertEquals(30, IpcNames.MACOS_MAX_PLAIN);
        assertEquals("/a", IpcNames.macos("a"));
        String thirty = "abcdefghij0123456789ABCDEFGHIJ";
        assertEquals(30, thirty.length());
        assertEquals("/" + thirty, IpcNames.macos(thirty));
    }

    @Test
    void macosShortensLongerNamesTo31CharactersWithTheSlash() {
        for (int len = 31; len <= IpcNames.MAX_LENGTH; len += 13) {
            String name = "n".repeat(len);
            String mapped = IpcNames.macos(name);
            assertEquals(31, mapped.length(), mapped);
            assertTrue(mapped.startsWith("/" + "n".repeat(17) + "~"), mapped);
        }
        assertEquals(31, IpcNames.macos("q".repeat(31)).length());
    }

    @Test
    void macosShortFormUsesOnlyLegalCharacters() {
        String mapped = IpcNames.macos("ffmipc-t-very-long-name-for-a-semaphore.v2");
        assertTrue(mapped.matches("/ffmipc-t-very-lon~[a-z2-7]{12}"), mapped);
        // No further slash: macOS treats the name as one path component.
        assertEquals(0, mapped.lastIndexOf('/'));
    }

    @Test
    void macosShortFormIsDeterministic() {
        String name = "application.shared-state.region-0001";
        String first = IpcNames.macos(name);
        for (int i = 0; i < 5; i++) {
            assertEquals(first, IpcNames.macos(new String(name.toCharArray())));
        }
        // Fixed across JVMs and releases too: other processes (and other versions) must find the object.
        assertEquals(GOLDEN_SHORT_FORM, first);
    }

    /**
     * Computed outside Java from the documented rule:
     * {@code printf %s application.shared-state.region-0001 | sha256sum | xxd -r -p | base32 | cut -c1-12 | tr A-Z a-z}.
     */
    static final String GOLDEN_SHORT_FORM = "/application.share~anzygsunu3cf";

    @Test
    void macosShortFormsDifferForNamesDifferingOnlyAfterThePrefix() {
        String prefix = "p".repeat(17);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String mapped = IpcNames.macos(prefix + "-suffix-number-" + i);
            assertTrue(seen.add(mapped), "collision at " + i + ": " + mapped);
        }
        assertNotEquals(IpcNames.macos(prefix + "xxxxxxxxxxxxxxxxxxxa"), IpcNames.macos(prefix + "xxxxxxxxxxxxxxxxxxxb"));
    }

    @Test
    void macos31CharacterNameIsShortenedNotKept() {
        String name = "abcdefghij0123456789ABCDEFGHIJK";
        assertEquals(31, name.length());
        String mapped = IpcNames.macos(name);
        assertNotEquals("/" + name, mapped);
        assertEquals("/abcdefghij0123456", mapped.substring(0, 18));
    }

    @Test
    void macosValidates() {
        assertThrows(InvalidNameException.class, () -> IpcNames.macos("x".repeat(241)));
        assertThrows(InvalidNameException.class, () -> IpcNames.macos(".x"));
    }

    // --- Windows ---

    @Test
    void windowsLocalAndGlobalNamespaces() {
        assertEquals("Local\\", IpcNames.WindowsNamespace.LOCAL.prefix());
        assertEquals("Global\\", IpcNames.WindowsNamespace.GLOBAL.prefix());
        assertEquals("Local\\my-sem", IpcNames.windows("my-sem", IpcNames.WindowsNamespace.LOCAL));
        assertEquals("Global\\my-sem", IpcNames.windows("my-sem", IpcNames.WindowsNamespace.GLOBAL));
    }

    @Test
    void windowsKeepsLongNamesWithinMaxPath() {
        String longest = "w".repeat(240);
        String mapped = IpcNames.windows(longest, IpcNames.WindowsNamespace.GLOBAL);
        assertEquals("Global\\" + longest, mapped);
        assertTrue(mapped.length() < 260);
    }

    @Test
    void windowsValidates() {
        InvalidNameException e = assertThrows(InvalidNameException.class,
                () -> IpcNames.windows("a\\b", IpcNames.WindowsNamespace.LOCAL));
        assertFalse(e.getMessage().contains("Local"));
    }

    @Test
    void windowsKindPrefixesKeepKindsApart() {
        assertEquals("Local\\ffmipc.shm.jobs", IpcNames.windows("ffmipc.shm.", "jobs", IpcNames.WindowsNamespace.LOCAL));
        assertEquals("Local\\ffmipc.shm..channel.jobs",
                IpcNames.windows("ffmipc.shm.", IpcNames.reserved("channel", "jobs"), IpcNames.WindowsNamespace.LOCAL));
        assertNotEquals(IpcNames.windows("ffmipc.shm.", "jobs", IpcNames.WindowsNamespace.LOCAL),
                IpcNames.windows("ffmipc.sem.", "jobs", IpcNames.WindowsNamespace.LOCAL));
    }

    /** The longest stored name with the longest kind prefix exceeds MAX_PATH: it is shortened deterministically. */
    @Test
    void windowsShortensWhatMaxPathCannotHold() {
        String longest = IpcNames.reserved("channel", "c" + "x".repeat(IpcNames.MAX_LENGTH - 1));
        String a = IpcNames.windows("ffmipc.wait.1024.", longest, IpcNames.WindowsNamespace.GLOBAL);
        assertEquals(IpcNames.WINDOWS_MAX_OBJECT_NAME, a.length(), a);
        assertTrue(a.startsWith("Global\\ffmipc.wait.1024..channel.cxxx"), a);
        assertEquals('~', a.charAt(a.length() - 13), a);
        assertEquals(a, IpcNames.windows("ffmipc.wait.1024.", longest, IpcNames.WindowsNamespace.GLOBAL), "deterministic");
        String other = IpcNames.reserved("channel", "c" + "x".repeat(IpcNames.MAX_LENGTH - 2) + "y");
        String b = IpcNames.windows("ffmipc.wait.1024.", other, IpcNames.WindowsNamespace.GLOBAL);
        assertNotEquals(a, b, "names that differ only past the cut get different hashes");
        assertEquals(a.substring(0, a.length() - 12), b.substring(0, b.length() - 12));
    }

    /** Pipe and mailslot names ignore case on Windows: upper-case letters are written ^x so Foo and foo stay apart. */
    @Test
    void windowsFileNamesKeepCaseApartAndReadBack() {
        String foo = IpcNames.windowsFile("\\\\.\\pipe\\", "ffmipc.mpipe.", "Foo-Bar_9", IpcNames.WINDOWS_MAX_PIPE_NAME);
        assertEquals("\\\\.\\pipe\\ffmipc.mpipe.^foo-^bar_9", foo);
        String lower = IpcNames.windowsFile("\\\\.\\pipe\\", "ffmipc.mpipe.", "foo-bar_9", IpcNames.WINDOWS_MAX_PIPE_NAME);
        assertNotEquals(foo.toLowerCase(java.util.Locale.ROOT), lower.toLowerCase(java.util.Locale.ROOT));
        assertEquals("Foo-Bar_9", IpcNames.unfoldWindowsFile("^foo-^bar_9"));
        assertEquals("foo", IpcNames.unfoldWindowsFile("foo"));
        assertNull(IpcNames.unfoldWindowsFile("a^"), "a stray ^ is no folded name");
        assertNull(IpcNames.unfoldWindowsFile("a^1"));
        assertNull(IpcNames.unfoldWindowsFile("abc~0123456789ab"), "a shortened name cannot be read back");
        String upper = "A".repeat(IpcNames.MAX_LENGTH);
        String shortened = IpcNames.windowsFile("\\\\.\\pipe\\", "ffmipc.mpipe.", upper, IpcNames.WINDOWS_MAX_PIPE_NAME);
        assertEquals(IpcNames.WINDOWS_MAX_PIPE_NAME, shortened.length());
        assertThrows(InvalidNameException.class,
                () -> IpcNames.windowsFile("\\\\.\\pipe\\", "ffmipc.mpipe.", "a\\b", IpcNames.WINDOWS_MAX_PIPE_NAME));
    }
}
