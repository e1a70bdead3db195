package io.ffmipc.spi;

import io.ffmipc.PeerIdentity;

/** What the OS says about processes and users: this process, its user, and whether another process still runs. */
public interface ProcessSeam {

    /** This process as a peer sees it. */
    PeerIdentity current();

    /** The user this process acts as (effective uid, token user SID); objects it creates are this owner's. */
    ObjectOwner currentUser();

    /** How messages name a user: its {@link ObjectOwner#description()} with the account name where the OS knows it. */
    default String describe(ObjectOwner owner) {
        return owner.description();
    }

    /**
     * The start time of process {@code pid} in a unit that reads the same in every process at every
     * moment (kernel ticks since boot, the kernel's creation time), masked to 31 bits; 0 if the
     * process does not run or the OS does not say. With the pid it tells a process from a later one
     * that got the same pid.
     */
    long startKey(long pid);
}
