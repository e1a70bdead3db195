package io.ffmipc.windows;

/**
 * The inheritance tokens of Windows: {@code handle:N}, N the HANDLE's value in decimal. A handle
 * inherited through PROC_THREAD_ATTRIBUTE_HANDLE_LIST keeps its value in the child, so the token is
 * the value itself.
 */
final class HandleTokens {
    static final String PREFIX = "handle:";

    private HandleTokens() {
    }

    /** The token of a handle this process holds (positive: pseudo handles are negative). */
    static String token(long handle) {
        if (handle <= 0) {
            throw new IllegalArgumentException("not a handle that can be inherited: " + handle);
        }
        return PREFIX + handle;
    }

    /**
     * The handle a token names.
     *
     * @param what the kind of object, for the message ({@code "shared memory"})
     */
    static long handle(String token, String what) {
        if (token != null && token.startsWith(PREFIX)) {
            String digits = token.substring(PREFIX.length());
            if (!digits.isEmpty() && digits.length() <= 18 && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                long h = Long.parseLong(digits);
                if (h > 0) {
                    return h;
                }
            }
        }
        throw new IllegalArgumentException("not an inheritance token for " + what + ": '" + token + "' (expected "
                + PREFIX + "N, N the handle's value in decimal, as ChildLauncher.inherit returned it)");
    }
}
