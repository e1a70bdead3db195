package io.ffmipc.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A C reference peer ({@code src/main/c/ffmipc_peers.c}) of one mechanism: the same ring, the
 * same wake-up, the same phases and checks, in two forked C processes. Compiled at bench time.
 */
final class CReference implements Contender {
    private final String mode;
    private final String title;
    private final CPeers compiler;

    CReference(String mode, String title, CPeers compiler) {
        this.mode = mode;
        this.title = title;
        this.compiler = compiler;
    }

    static List<CReference> all(CPeers compiler) {
        return List.of(
                new CReference("spin", "C: shm ring, busy-spin", compiler),
                new CReference("posix-sem", "C: unnamed POSIX semaphores in shm (sem_post / sem_wait)", compiler),
                new CReference("sysv-sem", "C: System V semaphore (semop)", compiler),
                new CReference("eventfd", "C: eventfd, blocking read", compiler),
                new CReference("futex", "C: futex word as counter (FUTEX_WAKE / FUTEX_WAIT)", compiler));
    }

    @Override
    public String name() {
        return "c-" + mode;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String cReference() {
        return null;
    }

    @Override
    public String unavailableReason() {
        return compiler.unavailableReason();
    }

    @Override
    public Figures runRound(Plan plan) {
        ProcessBuilder pb = new ProcessBuilder(compiler.binary().toString(), mode,
                Long.toString(plan.warmup().toMillis()), Long.toString(plan.measure().toMillis()));
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new BenchFailure(name() + ": did not finish within 120 s");
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0) {
                throw new BenchFailure(name() + ": exited with " + p.exitValue() + (err.isEmpty() ? "" : ": " + err));
            }
            String[] f = out.split("\\s+");
            if (f.length != 7) {
                throw new BenchFailure(name() + ": unexpected output '" + out + "'");
            }
            return new Figures(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]), Long.parseLong(f[6]));
        } catch (IOException e) {
            throw new BenchFailure(name() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure(name() + ": interrupted", e);
        }
    }
}
