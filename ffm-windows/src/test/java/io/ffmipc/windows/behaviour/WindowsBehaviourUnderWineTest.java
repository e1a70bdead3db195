package io.ffmipc.windows.behaviour;

import io.ffmipc.testkit.RequiredTool;
import io.ffmipc.windows.behaviour.BehaviourFacts.Fact;
import io.ffmipc.windows.behaviour.BehaviourFacts.Verification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Runs every Windows behaviour check of the facts table under Wine: one dynamic test per row
 * verified {@code wine} (the check must report the documented behaviour) or {@code wine-deviates}
 * (the check must still report Wine's known difference; if Wine starts to agree, the test fails
 * asking for the row to be promoted). Linux only: it needs mingw-w64 and Debian's wine64, which
 * ci/install-deps installs; elsewhere it is skipped, and under CI on Linux a missing tool fails it.
 *
 * <p>One Wine prefix and one persistent wineserver serve the whole suite ({@link WineSession}).
 */
class WindowsBehaviourUnderWineTest {
    private static WineSession wine;
    private static Path executables;
    private static final AtomicInteger AS_DOCUMENTED = new AtomicInteger();
    private static final AtomicInteger DEVIATING = new AtomicInteger();
    private static final AtomicLong CHECK_MILLIS = new AtomicLong();
    private static long setupMillis;

    @BeforeAll
    static void startWine() throws InterruptedException {
        Assumptions.assumeTrue(System.getProperty("os.name", "").equals("Linux"),
                "the Windows behaviour checks run under Wine on Linux only");
        RequiredTool.require(CheckPrograms.COMPILER, "the Windows behaviour checks", "gcc-mingw-w64-x86-64");
        RequiredTool.require(WineSession.WINE, "the Windows behaviour checks", "wine wine64");
        RequiredTool.require(WineSession.WINESERVER, "the Windows behaviour checks", "wine wine64");
        long start = System.nanoTime();
        Path target = BehaviourFacts.moduleDir().resolve("target");
        executables = target.resolve("wine-checks");
        int built = CheckPrograms.build(BehaviourFacts.checkSources(), executables);
        long compiled = System.nanoTime();
        wine = WineSession.start(target.resolve("wine-prefix"));
        setupMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("Wine behaviour suite: %d checks compiled in %d ms, %s prefix %s ready in %d ms%n", built,
                (compiled - start) / 1_000_000, wine.version(), wine.prefix(), (System.nanoTime() - compiled) / 1_000_000);
    }

    @AfterAll
    static void stopWine() throws InterruptedException {
        if (wine != null) {
            wine.close();
            System.out.printf("Wine behaviour suite: %d as documented, %d deviating as known; set-up %d ms, checks %d ms%n",
                    AS_DOCUMENTED.get(), DEVIATING.get(), setupMillis, CHECK_MILLIS.get());
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCheckedBehaviour() {
        BehaviourFacts.Table table = BehaviourFacts.table();
        List<Fact> checked = table.facts().stream().filter(f -> f.verified().runsUnderWine()).toList();
        return checked.stream().map(f -> DynamicTest.dynamicTest(f.toString(), () -> verify(f, table.recordedWith())));
    }

    private static void verify(Fact fact, String recordedWith) throws InterruptedException {
        WineSession.Outcome o = wine.run(CheckPrograms.executable(executables, fact.id()));
        CHECK_MILLIS.addAndGet(o.millis());
        String report = fact.id() + " under Wine (exit " + o.exitCode() + ", " + o.millis() + " ms):\n" + o.output();
        switch (o.exitCode()) {
            case 0 -> {
                if (fact.verified() == Verification.WINE_DEVIATES) {
                    String agrees = wine.version() + " behaves as Windows documents for " + fact.id();
                    if (!wine.version().equals(recordedWith)) {
                        // another Wine than the table's: worth knowing, not a failure of this build
                        System.out.print(report);
                        Assumptions.abort(agrees + ", unlike the " + recordedWith + " the table was recorded with:"
                                + " re-record the table under this Wine to promote the row");
                    }
                    throw new AssertionError(agrees + ": promote its row to 'wine' and drop the note '" + fact.note()
                            + "'.\n" + report);
                }
                AS_DOCUMENTED.incrementAndGet();
            }
            case 10 -> {
                if (fact.verified() == Verification.WINE) {
                    throw new AssertionError("Wine differs from the documented Windows behaviour the provider relies on ("
                            + fact.behaviour() + ").\n" + report);
                }
                DEVIATING.incrementAndGet();
            }
            default -> throw new AssertionError("the check could not run: " + report);
        }
        System.out.print(report);
    }
}
