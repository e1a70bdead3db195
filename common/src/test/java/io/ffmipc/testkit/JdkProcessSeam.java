package io.ffmipc.testkit;

import io.ffmipc.PeerIdentity;
import io.ffmipc.spi.ObjectOwner;
import io.ffmipc.spi.ProcessSeam;

/**
 * A {@link ProcessSeam} from the JDK alone, for common's own tests (no provider is on their class
 * path): start times from {@link ProcessHandle.Info#startInstant()}, the user from
 * {@code user.name}. Good enough to test the portable logic; providers use the kernel's records.
 */
public final class JdkProcessSeam implements ProcessSeam {
    @Override
    public PeerIdentity current() {
        return new PeerIdentity(ProcessHandle.current().pid(), -1, -1);
    }

    @Override
    public ObjectOwner currentUser() {
        String user = System.getProperty("user.name");
        return new ObjectOwner("user:" + user, user);
    }

    @Override
    public long startKey(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().startInstant())
                .map(i -> i.toEpochMilli() & 0x7FFF_FFFFL).orElse(0L);
    }
}
