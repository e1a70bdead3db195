package io.ffmipc.cli;

import io.ffmipc.Permissions;

/**
 * Whether this command line may use objects of another user. By default an existing object someone
 * else created under the name is refused (the library's rule against squatting);
 * {@code ffmipc --accept-foreign-owner ...} accepts it, as {@link Permissions#acceptingForeignOwner()}
 * does in code. One command runs per process, and {@link Main#run} sets this before each.
 */
final class OpenAccess {
    private static volatile boolean acceptForeignOwner;

    private OpenAccess() {
    }

    static void acceptForeignOwner(boolean accept) {
        acceptForeignOwner = accept;
    }

    /** The permissions to open existing objects with. */
    static Permissions permissions() {
        return and(Permissions.OWNER_ONLY);
    }

    /** {@code created} (the permissions a create asks for), with this command line's rule for existing objects. */
    static Permissions and(Permissions created) {
        return acceptForeignOwner ? created.acceptingForeignOwner() : created;
    }
}
