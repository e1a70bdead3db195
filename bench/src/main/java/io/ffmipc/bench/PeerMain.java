package io.ffmipc.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The second JVM of a round: {@code PeerMain <mechanism> <args...>}. Opens the mechanism's peer
 * end and answers the driver; exits 0 when every message arrived in order, 1 otherwise (the
 * reason on standard error). Writes nothing to standard output, which may be the message pipe.
 */
public final class PeerMain {

    private PeerMain() {
    }

    public static void main(String[] args) {
        try {
            if (args.length < 1) {
                throw new IllegalArgumentException("usage: PeerMain <mechanism> <args...>");
            }
            Mechanism m = Mechanisms.byName(args[0]);
            List<String> rest = Arrays.asList(args).subList(1, args.length);
            try (Link link = m.openPeer(rest)) {
                Exchanges.answer(link);
            }
            System.exit(0);
        } catch (Throwable t) {
            System.err.println("bench peer " + String.join(" ", args) + " failed:");
            t.printStackTrace();
            System.exit(1);
        }
    }
}
