package io.ffmipc.linux.ffi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * User names from {@code /etc/passwd}, for messages and listings. Names are a courtesy: an
 * unreadable or missing entry just leaves the uid numeric (users from a directory service are not
 * in the file).
 */
public final class Users {
    private static final Path PASSWD = Path.of("/etc/passwd");

    private Users() {
    }

    /** The login name of {@code uid}, or null. */
    static String name(long uid) {
        return names(PASSWD).get((int) uid);
    }

    /** uid → user name from a passwd file; an unreadable file gives an empty map. */
    public static Map<Integer, String> names(Path passwd) {
        Map<Integer, String> m = new HashMap<>();
        try {
            for (String line : Files.readAllLines(passwd)) {
                String[] f = line.split(":", -1);
                if (f.length > 2) {
                    try {
                        m.putIfAbsent(Integer.parseInt(f[2]), f[0]);
                    } catch (NumberFormatException ignored) {
                        // a malformed line names nobody
                    }
                }
            }
        } catch (IOException unreadable) {
            // numeric owners are still correct
        }
        return m;
    }
}
