package io.ffmipc;

/**
 * Who may open an object the library creates. The default is owner-only (POSIX mode 0600, a
 * current-user DACL on Windows); anything wider must be asked for.
 *
 * @param mode POSIX permission bits, 0 to 0777; Windows maps owner/group/other onto a DACL
 */
public record Permissions(int mode) {
    /** Read and write for the creating user only: the default. */
    public static final Permissions OWNER_ONLY = new Permissions(0600);

    public Permissions {
        if (mode < 0 || mode > 0777) {
            throw new IllegalArgumentException(
                    "permission mode must be between 0 and 0777 (octal), got "
                            // a negative value in octal would read as 037777777777
                            + (mode < 0 ? Integer.toString(mode) : "0" + Integer.toOctalString(mode)));
        }
    }

    /** Read and write for the owner and the owner's group (0660). */
    public static Permissions ownerAndGroup() {
        return new Permissions(0660);
    }

    /** Read and write for every user (0666). */
    public static Permissions everyone() {
        return new Permissions(0666);
    }

    /** Exactly these POSIX permission bits. */
    public static Permissions ofMode(int mode) {
        return new Permissions(mode);
    }

    @Override
    public String toString() {
        return "0" + Integer.toOctalString(mode);
    }
}
