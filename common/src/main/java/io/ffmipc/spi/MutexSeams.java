package io.ffmipc.spi;

import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;

/**
 * Opens the OS half of named robust mutexes ({@link MutexSeam}). Unlike the other seams it takes
 * the {@link OpenMode}: the OS objects behind a robust mutex are made, found and repaired in one
 * protocol that must hold a lock across those steps (the key anchor of System V, a named mutex's
 * own create-or-open on Windows), so the mode cannot be split into attempts above it. Owner checks
 * happen inside, on the objects the protocol opens.
 */
public interface MutexSeams {

    /** Opens or creates the mutex's OS objects per {@code mode}. */
    MutexSeam open(String name, OpenMode mode, Permissions permissions);

    /** Removes the mutex's OS objects; false if there were none. */
    boolean remove(String name);
}
