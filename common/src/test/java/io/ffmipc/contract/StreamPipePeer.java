package io.ffmipc.contract;

import io.ffmipc.Ipc;
import io.ffmipc.StreamPipe;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Child side of {@link StreamPipeContract}. Args: mode, pipe name, then per mode:
 * {@code write <name> <bytes>} writes {@code bytes} bytes of {@link #pattern} and exits (closing the
 * write end); {@code write-and-hang <name>} writes "ready\n" and then sleeps until killed.
 */
public final class StreamPipePeer {
    private StreamPipePeer() {
    }

    /** The byte at {@code i} of the test stream: not periodic in any small power of two. */
    static byte pattern(long i) {
        return (byte) (i * 31 + i / 251);
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String name = args[1];
        try (StreamPipe out = Ipc.platform().openStreamPipe(name, StreamPipe.End.WRITE, Duration.ofSeconds(20))) {
            if (mode.equals("write")) {
                int total = Integer.parseInt(args[2]);
                byte[] chunk = new byte[10_000];
                int sent = 0;
                while (sent < total) {
                    int n = Math.min(chunk.length, total - sent);
                    for (int i = 0; i < n; i++) {
                        chunk[i] = pattern(sent + i);
                    }
                    if (out.write(chunk, 0, n, Duration.ofSeconds(20)) != n) {
                        System.out.println("write timed out at " + sent);
                        System.exit(2);
                    }
                    sent += n;
                }
                System.out.println("wrote " + sent);
            } else if (mode.equals("write-and-hang")) {
                byte[] ready = "ready\n".getBytes(StandardCharsets.US_ASCII);
                out.write(ready, 0, ready.length, Duration.ofSeconds(20));
                Thread.sleep(60_000); // killed by the parent long before
                System.exit(3);
            } else {
                System.out.println("unknown mode " + mode);
                System.exit(4);
            }
        }
        System.exit(0);
    }
}
