package io.ffmipc.linux;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.contract.SyncContract;
import io.ffmipc.contract.SyncPeer;
import io.ffmipc.testkit.SeamsWithout;

/**
 * The sync contract (events, conditions, barriers, read-write locks) where the provider offers no
 * wait seam (macOS before 14.4 without the opted-in private calls): the core's structures poll their
 * words ({@link io.ffmipc.core.PollingWaitSeam}); the peers run on the same platform.
 */
class PolledSyncTest extends SyncContract {

    static IpcPlatform polled() {
        return SeamsWithout.platform(Ipc.platform(), SeamsWithout::messageQueuesAndWaitSeam);
    }

    private static final IpcPlatform PLATFORM = polled();

    @Override
    protected IpcPlatform platform() {
        return PLATFORM;
    }

    @Override
    protected Class<?> peerMain() {
        return Peer.class;
    }

    /** A peer on the same polled platform. */
    public static final class Peer {
        private Peer() {
        }

        public static void main(String[] args) throws Exception {
            SyncPeer.run(polled(), args);
        }
    }
}
