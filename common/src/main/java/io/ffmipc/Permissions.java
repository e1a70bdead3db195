package io.ffmipc;

/**
 * Who may use an object: the permissions an object this call creates gets, and whether an object
 * that already exists may belong to another user.
 *
 * <p>The default is owner-only (POSIX mode 0600, a current-user DACL on Windows): anything wider
 * must be asked for. Opening is just as strict: an existing object whose owner is not this
 * process's user is refused with {@link IpcAccessDeniedException} naming the owner, because another
 * user could have created the name first to read or change what this process writes (squatting).
 * A process that is meant to share another user's object says so with {@link #acceptingForeignOwner()}.
 *
 * @param mode               POSIX permission bits, 0 to 0777, for an object this call creates;
 *                           Windows maps owner/group/other onto a DACL
 * @param acceptForeignOwner whether an existing object may belong to another user
 */
public record Permissions(int mode, boolean acceptForeignOwner) {
    /** Read and write for the creating user only, and only this user's objects opened: the default. */
    public static final Permissions OWNER_ONLY = new Permissions(0600);

    /** Checks the mode; {@link IllegalArgumentException} for bits outside 0777. */
    public Permissions {
        if (mode < 0 || mode > 0777) {
            throw new IllegalArgumentException(
                    "permission mode must be between 0 and 0777 (octal), got "
                            // a negative value in octal would read as 037777777777
                            + (mode < 0 ? Integer.toString(mode) : "0" + Integer.toOctalString(mode)));
        }
    }

    /** These permission bits; existing objects must belong to this process's user. */
    public Permissions(int mode) {
        this(mode, false);
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

    /**
     * The same permissions, but an existing object may belong to another user (the OS's own
     * permission check still applies). Use it where sharing with another user is the point.
     */
    public Permissions acceptingForeignOwner() {
        return new Permissions(mode, true);
    }

    @Override
    public String toString() {
        return "0" + Integer.toOctalString(mode) + (acceptForeignOwner ? " (accepting another owner)" : "");
    }
}
