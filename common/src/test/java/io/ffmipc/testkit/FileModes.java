package io.ffmipc.testkit;

/** Permission bits as {@code ls -l} and {@code PosixFilePermissions.toString} write them, for asserting a file's mode. */
public final class FileModes {
    private FileModes() {
    }

    /** {@code 0640} → {@code "rw-r-----"}. */
    public static String rwx(int mode) {
        StringBuilder sb = new StringBuilder(9);
        for (int bit = 8; bit >= 0; bit--) {
            sb.append((mode & (1 << bit)) != 0 ? "rwx".charAt((8 - bit) % 3) : '-');
        }
        return sb.toString();
    }
}
