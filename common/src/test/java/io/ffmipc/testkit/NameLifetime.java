package io.ffmipc.testkit;

import io.ffmipc.Capability;
import io.ffmipc.IpcPlatform;

/**
 * Whether a platform's names outlive their last handle, by its matrix: the contracts expect
 * {@code remove*} and {@code unlink} to forget a name where names persist (POSIX), and the name to go
 * with the last handle where they do not (Windows, whose {@code remove*} then returns false).
 */
public final class NameLifetime {
    private NameLifetime() {
    }

    /** The matrix row {@link Capability#PERSISTENT_NAMES} is available. */
    public static boolean persistent(IpcPlatform platform) {
        return platform.matrix().get(Capability.PERSISTENT_NAMES).available();
    }
}
