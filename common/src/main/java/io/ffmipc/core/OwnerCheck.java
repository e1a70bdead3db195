package io.ffmipc.core;

import io.ffmipc.IpcAccessDeniedException;
import io.ffmipc.Permissions;
import io.ffmipc.spi.ObjectOwner;
import io.ffmipc.spi.ProcessSeam;

/**
 * The rule against squatting, once for every kind and OS: an existing object is used only if it
 * belongs to this process's user, unless the caller accepted another owner
 * ({@link Permissions#acceptingForeignOwner()}). Another user who creates a name first could
 * otherwise read what this process writes, or feed it what they like.
 */
public final class OwnerCheck {
    private OwnerCheck() {
    }

    /**
     * Throws {@link IpcAccessDeniedException} naming the owner and the option if {@code owner} is
     * not this process's user, or is null (the OS cannot tell), and {@code permissions} do not
     * accept that.
     *
     * @param operation what was being done ({@code "open shared memory"})
     * @param what      the object as messages name it ({@code "shared memory"})
     */
    public static void require(ProcessSeam processes, ObjectOwner owner, Permissions permissions, String operation,
                               String what, String name) {
        require(processes, owner, permissions, operation, what, name,
                "to use it anyway, open it with Permissions.acceptingForeignOwner()");
    }

    /**
     * As {@link #require(ProcessSeam, ObjectOwner, Permissions, String, String, String)}, ending the
     * message with {@code remedy} instead (for calls that have no such option, such as a removal).
     */
    public static void require(ProcessSeam processes, ObjectOwner owner, Permissions permissions, String operation,
                               String what, String name, String remedy) {
        if (permissions.acceptForeignOwner()) {
            return;
        }
        ObjectOwner self = processes.currentUser();
        if (owner == null) {
            throw new IpcAccessDeniedException(operation, name, null, "this OS cannot tell who owns the " + what
                    + ", so it cannot rule out that another user created the name first to read or change what this"
                    + " process writes; to use it anyway, open it with Permissions.acceptingForeignOwner()");
        }
        if (!owner.sameUser(self)) {
            throw new IpcAccessDeniedException(operation, name, null, "the " + what + " belongs to " + processes.describe(owner)
                    + ", not to this process's user (" + processes.describe(self) + "): another user may have created the name first"
                    + " to read or change what this process writes; " + remedy);
        }
    }
}
