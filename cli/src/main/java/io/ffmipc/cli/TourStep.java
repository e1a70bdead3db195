package io.ffmipc.cli;

import io.ffmipc.Capability;
import io.ffmipc.CapabilityMatrix;
import io.ffmipc.ChildLauncher;
import io.ffmipc.IpcPlatform;
import io.ffmipc.Support;

import java.util.List;

/**
 * One step of the tour: objects the tour creates, a conversation with the peer over them, and
 * their removal. The same class holds both sides; the peer finds its side by {@link #id()}.
 */
abstract class TourStep {

    /** Short identifier the peer is told, such as {@code shm}. */
    abstract String id();

    /** What the step shows, for the tour's output. */
    abstract String title();

    /** The matrix rows this step exercises; it is skipped if any is unsupported. */
    abstract List<Capability> capabilities();

    /** Why this step cannot run here, or {@code null}. */
    String skipReason(CapabilityMatrix matrix) {
        for (Capability c : capabilities()) {
            if (matrix.get(c) instanceof Support.Unsupported u) {
                return c.title() + ": " + u.reason();
            }
        }
        return null;
    }

    /**
     * Tour side, before the peer starts: creates the step's objects (hands inheritable ones to
     * {@code launcher}) and returns the argument that tells the peer how to find them.
     */
    abstract String prepare(Tour tour, ChildLauncher launcher);

    /** Tour side: the conversation with the running peer; returns what happened, in words. */
    abstract String run(Tour tour);

    /** Tour side: closes and removes whatever {@link #prepare} created, even if it stopped half-way. */
    abstract void cleanup(Tour tour);

    /** Peer side: its half of the conversation, given the argument {@link #prepare} returned. */
    abstract void peer(IpcPlatform platform, String argument, TourSettings settings);
}
