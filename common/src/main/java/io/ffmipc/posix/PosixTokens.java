package io.ffmipc.posix;

/**
 * The token by which a child process finds a descriptor it inherited: {@code fd:N}, the same
 * descriptor number as in the parent (the launcher keeps numbers unchanged).
 */
public final class PosixTokens {
    private static final String PREFIX = "fd:";

    private PosixTokens() {
    }

    /** The token for descriptor {@code fd}. */
    public static String of(long fd) {
        return PREFIX + fd;
    }

    /** The descriptor a token names; {@code what} names the object in the message of a malformed token. */
    public static int descriptor(String token, String what) {
        String bad = "bad " + what + " token '" + token + "': expected 'fd:<descriptor number>', such as 'fd:3'";
        if (token == null || !token.startsWith(PREFIX)) {
            throw new IllegalArgumentException(bad);
        }
        int fd;
        try {
            fd = Integer.parseInt(token.substring(PREFIX.length()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(bad);
        }
        if (fd < 0) {
            throw new IllegalArgumentException(bad);
        }
        return fd;
    }
}
