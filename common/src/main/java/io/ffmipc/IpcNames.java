package io.ffmipc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Portable names and their mapping onto each OS's namespace. A name is validated once, here,
 * with a message naming the rule that failed.
 *
 * <h2>Portable rules</h2>
 * <ul>
 *   <li>1 to {@value #MAX_LENGTH} characters;</li>
 *   <li>only ASCII letters, digits, {@code '.'}, {@code '_'} and {@code '-'};</li>
 *   <li>the first character is a letter, a digit or {@code '_'}.</li>
 * </ul>
 *
 * <h2>Mapping</h2>
 * <ul>
 *   <li>Linux: {@code "/" + name} for POSIX objects (NAME_MAX 255; semaphores lose 4 to the
 *       {@code sem.} prefix glibc adds, which the portable limit leaves room for).</li>
 *   <li>macOS: the kernel keeps 31 characters including the leading slash ({@code PSHMNAMLEN},
 *       {@code PSEMNAMLEN}). A name of up to {@value #MACOS_MAX_PLAIN} characters maps to
 *       {@code "/" + name}; a longer one to its first {@value #MACOS_PREFIX} characters, a
 *       {@code '~'} and the first 12 characters of the RFC 4648 base-32 encoding (lower case) of the
 *       SHA-256 hash of its ASCII bytes — deterministic, so every process maps it alike, and 30
 *       characters long.</li>
 *   <li>Windows: kernel objects (mappings, semaphores, mutexes) are {@code Local\} (this session) or
 *       {@code Global\} (all sessions, needs SeCreateGlobalPrivilege to create) followed by the
 *       provider's per-kind prefix and the name ({@code Local\ffmipc.shm.jobs}), so that objects of
 *       different kinds never share a name (Windows keeps every kind in one namespace). Pipe and
 *       mailslot names live in the file system, whose names ignore case: there every upper-case letter
 *       {@code X} is written {@code ^x} ({@code '^'} is no portable character), so names that differ
 *       only in case stay apart ({@link #windowsFile}). A result longer than Windows allows
 *       ({@value #WINDOWS_MAX_OBJECT_NAME} characters for kernel objects, MAX_PATH less the NUL;
 *       {@value #WINDOWS_MAX_PIPE_NAME} for a pipe name) keeps as much of the name as fits, then a
 *       {@code '~'} and the 12-character hash described for macOS, of the whole name; {@code '~'} is
 *       no portable character either, so a shortened name never meets a name that was not.</li>
 * </ul>
 */
public final class IpcNames {
    /** Longest portable name. */
    public static final int MAX_LENGTH = 240;
    /** Longest Windows kernel-object name the documentation allows (MAX_PATH, 260, less the terminating NUL). */
    public static final int WINDOWS_MAX_OBJECT_NAME = 259;
    /** Longest Windows pipe name, {@code \\.\pipe\} included (CreateNamedPipeW). */
    public static final int WINDOWS_MAX_PIPE_NAME = 256;
    /** Longest name macOS takes as it is (31 minus the leading slash). */
    public static final int MACOS_MAX_PLAIN = 30;
    static final int MACOS_PREFIX = 17;
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private IpcNames() {
    }

    /** Windows object namespaces. */
    public enum WindowsNamespace {
        /** The session's own namespace, where objects are created by default. */
        LOCAL("Local\\"),
        /** The namespace every session shares (creating a file mapping there from a user's session needs SeCreateGlobalPrivilege). */
        GLOBAL("Global\\");

        private final String prefix;

        WindowsNamespace(String prefix) {
            this.prefix = prefix;
        }

        /** The prefix of an object name in this namespace ({@code Local\\}). */
        public String prefix() {
            return prefix;
        }
    }

    /** Checks the portable rules; returns the name, or throws {@link InvalidNameException} naming the rule broken. */
    public static String validate(String name) {
        if (name == null) {
            throw new InvalidNameException(null, "a name is required (got null)");
        }
        if (name.isEmpty()) {
            throw new InvalidNameException(name, "a name must have at least 1 character");
        }
        if (name.length() > MAX_LENGTH) {
            throw new InvalidNameException(name, "a name may have at most " + MAX_LENGTH
                    + " characters, this one has " + name.length());
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || (i > 0 && (c == '.' || c == '-'));
            if (!ok) {
                // A character outside the BMP is two chars: show its code point, not a lone surrogate.
                int cp = name.codePointAt(i);
                String shown = cp < 0x20 || cp > 0x7e ? String.format("U+%04X", cp) : "'" + c + "'";
                throw new InvalidNameException(name, i == 0 && (c == '.' || c == '-')
                        ? "a name must start with a letter, a digit or '_', not " + shown
                        : "a name may contain only ASCII letters, digits, '.', '_' and '-'; found " + shown
                                + " at index " + i);
            }
        }
        return name;
    }

    /**
     * The stored name of an object the library builds on shared memory (a channel, a barrier):
     * {@code "." + kind + "." + name}. A portable name never starts with {@code '.'}, so stored
     * names never meet a user's shared memory, and each kind tag is a namespace of its own: a
     * barrier and a channel may share a portable name without meeting.
     *
     * @param kind a short lower-case tag ({@code "channel"})
     */
    public static String reserved(String kind, String name) {
        validate(name);
        return "." + kind + "." + name;
    }

    /**
     * Checks a stored name: a portable name, or a {@link #reserved} one; returns it. Only the
     * library makes reserved names, but what reaches an OS namespace is checked either way.
     */
    public static String validateStored(String stored) {
        if (stored != null && stored.startsWith(".")) {
            int dot = stored.indexOf('.', 1);
            String kind = dot < 0 ? "" : stored.substring(1, dot);
            if (kind.isEmpty() || !kind.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                throw new InvalidNameException(stored, "a name must start with a letter, a digit or '_', not '.'");
            }
            validate(stored.substring(dot + 1));
            return stored;
        }
        return validate(stored);
    }

    /** The POSIX (Linux) name: {@code "/" + name}, for a portable or {@linkplain #reserved reserved} name. */
    public static String posix(String name) {
        return "/" + validateStored(name);
    }

    /**
     * The Linux name of POSIX shared memory. glibc and musl keep a named semaphore {@code X} as the
     * file {@code sem.X} in the same directory as shared memory ({@code /dev/shm}), so shared memory
     * named {@code sem.X} would be semaphore {@code X}'s storage: such names are refused.
     */
    public static String linuxSharedMemory(String name) {
        if (name != null && name.startsWith("sem.")) {
            throw new InvalidNameException(name, "on Linux a shared memory name may not start with 'sem.':"
                    + " the C library keeps named semaphores in the same namespace under that prefix");
        }
        return posix(name);
    }

    /** The macOS POSIX name, at most 31 characters with the slash (see the class comment). */
    public static String macos(String name) {
        validateStored(name);
        if (name.length() <= MACOS_MAX_PLAIN) {
            return "/" + name;
        }
        return "/" + name.substring(0, MACOS_PREFIX) + "~" + hash12(name);
    }

    /** The Windows kernel-object name in the given namespace, with no kind prefix. */
    public static String windows(String name, WindowsNamespace namespace) {
        return windows("", name, namespace);
    }

    /**
     * The Windows kernel-object name of a portable or {@linkplain #reserved reserved} name in the
     * given namespace, after the kind's prefix ({@code "ffmipc.shm."}): {@code Local\ffmipc.shm.jobs},
     * shortened to {@value #WINDOWS_MAX_OBJECT_NAME} characters (see the class comment). Kernel-object
     * names are case sensitive, so the name is kept as it is.
     */
    public static String windows(String kindPrefix, String name, WindowsNamespace namespace) {
        return fitted(namespace.prefix() + kindPrefix, validateStored(name), WINDOWS_MAX_OBJECT_NAME);
    }

    /**
     * A Windows name in the file system's namespaces (pipes, mailslots), which ignore case:
     * {@code directory + kindPrefix} and the name with every upper-case letter {@code X} written
     * {@code ^x}, shortened to {@code maxLength} characters (see the class comment).
     *
     * @param directory {@code \\.\pipe\} or {@code \\.\mailslot\}
     */
    public static String windowsFile(String directory, String kindPrefix, String name, int maxLength) {
        String stored = validateStored(name);
        StringBuilder folded = new StringBuilder(stored.length() + 8);
        for (int i = 0; i < stored.length(); i++) {
            char c = stored.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                folded.append('^').append((char) (c - 'A' + 'a'));
            } else {
                folded.append(c);
            }
        }
        return fitted(directory + kindPrefix, folded.toString(), maxLength);
    }

    /**
     * The name {@link #windowsFile} wrote ({@code ^x} back to {@code X}), or null if {@code folded} is
     * none it could have written (a shortened name, or one with a stray {@code '^'}).
     */
    public static String unfoldWindowsFile(String folded) {
        StringBuilder name = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c == '^') {
                if (++i == folded.length() || folded.charAt(i) < 'a' || folded.charAt(i) > 'z') {
                    return null;
                }
                name.append((char) (folded.charAt(i) - 'a' + 'A'));
            } else if (c == '~') {
                return null;
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }

    /** {@code head + tail} if it fits {@code max} characters; else as much of tail as fits, '~' and tail's hash. */
    private static String fitted(String head, String tail, int max) {
        if (head.length() + tail.length() <= max) {
            return head + tail;
        }
        int keep = max - head.length() - 13;
        if (keep < 1) {
            throw new IllegalArgumentException("a Windows name prefix of " + head.length() + " characters leaves no room"
                    + " within " + max);
        }
        return head + tail.substring(0, keep) + "~" + hash12(tail);
    }

    private static String hash12(String name) {
        byte[] d;
        try {
            d = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
        // The first 60 bits of the hash, 5 at a time from the most significant: the same text as the
        // first 12 characters of RFC 4648 base 32 of the digest, lower-cased, so any tool can reproduce it.
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (d[i] & 0xff);
        }
        char[] out = new char[12];
        for (int i = 0; i < 12; i++) {
            out[i] = BASE32[(int) ((bits >>> (59 - 5 * i)) & 31)];
        }
        return new String(out);
    }
}
