package io.ffmipc.cli;

import io.ffmipc.Capability;
import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.SystemV;
import io.ffmipc.UnsupportedCapabilityException;

/**
 * How the command reaches System V IPC (segments, semaphore sets and message queues by key): the
 * platform's {@link SystemV} extension, present where the matrix row {@link Capability#SYSTEM_V} is
 * supported; elsewhere the row's reason, as a typed error.
 */
final class SystemVAccess {

    private SystemVAccess() {
    }

    /** This OS's System V. */
    static SystemV get() {
        return of(Ipc.platform());
    }

    static SystemV of(IpcPlatform platform) {
        platform.matrix().require(Capability.SYSTEM_V);
        return platform.systemV().orElseThrow(() -> new UnsupportedCapabilityException(Capability.SYSTEM_V,
                platform.os(), "the provider offers no System V extension"));
    }
}
