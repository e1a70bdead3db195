package io.ffmipc.cli;

import io.ffmipc.Capability;
import io.ffmipc.ChildLauncher;
import io.ffmipc.IpcPlatform;
import io.ffmipc.StreamPipe;
import io.ffmipc.spi.Durations;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * A byte stream through a named FIFO: the tour holds the read end, the peer opens the write end
 * (which waits for a reader), writes 1 MiB and closes; the tour reads until end of stream.
 */
final class FifoStep extends TourStep {
    private static final int TOTAL = 1024 * 1024;
    private static final int CHUNK = 64 * 1024;
    private String name;
    private StreamPipe in;

    @Override
    String id() {
        return "fifo";
    }

    @Override
    String title() {
        return "FIFO byte stream";
    }

    @Override
    List<Capability> capabilities() {
        return List.of(Capability.BYTE_STREAM_PIPE);
    }

    @Override
    String prepare(Tour tour, ChildLauncher launcher) {
        name = tour.name("fifo");
        tour.platform().createStreamPipe(name);
        // The read end opens at once; the peer's write end would otherwise wait for it.
        in = tour.platform().openStreamPipe(name, StreamPipe.End.READ, java.time.Duration.ZERO);
        return name;
    }

    @Override
    String run(Tour tour) {
        long got = 0;
        long t0 = System.nanoTime();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(CHUNK);
            while (true) {
                long n = in.read(buf, tour.settings().timeout());
                if (n == 0) {
                    throw new TourTimeoutException("no bytes from the peer within " + Durations.format(tour.settings().timeout())
                            + " after " + got);
                }
                if (n < 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    if (buf.get(ValueLayout.JAVA_BYTE, i) != pattern(got + i)) {
                        throw new IllegalStateException("byte " + (got + i) + " of the stream is wrong");
                    }
                }
                got += n;
            }
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        if (got != TOTAL) {
            throw new IllegalStateException("the stream ended after " + got + " of " + TOTAL + " bytes");
        }
        return String.format(java.util.Locale.ROOT, "%d MiB through %s in %.0f ms, checked byte by byte, then end of stream when the peer closed",
                TOTAL >> 20, name, ms);
    }

    @Override
    void cleanup(Tour tour) {
        if (in != null) {
            in.close();
        }
        if (name != null) {
            tour.platform().removeStreamPipe(name);
        }
    }

    @Override
    void peer(IpcPlatform platform, String argument, TourSettings settings) {
        try (StreamPipe out = platform.openStreamPipe(argument, StreamPipe.End.WRITE, settings.timeout());
             Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(CHUNK);
            for (long sent = 0; sent < TOTAL; sent += CHUNK) {
                for (int i = 0; i < CHUNK; i++) {
                    buf.set(ValueLayout.JAVA_BYTE, i, pattern(sent + i));
                }
                if (out.write(buf, settings.timeout()) != CHUNK) {
                    throw new TourTimeoutException("the tour did not read within " + Durations.format(settings.timeout()));
                }
            }
        }
    }

    private static byte pattern(long i) {
        return (byte) (i ^ (i >>> 9));
    }
}
