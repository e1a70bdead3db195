package io.ffmipc.testkit;

import io.ffmipc.spi.Durations;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The scanner finds what it is for in a fixture, and nothing else there. */
class BytecodeTest {

    /** Never run: only its compiled code is read. */
    @SuppressWarnings("unused")
    static final class Fixture {
        Duration field = Duration.ZERO;

        String concatenatesAField() {
            return "waited " + field;
        }

        String concatenatesALocal(Duration d) {
            return "waited " + d + " in all";
        }

        String concatenatesAResult() {
            return "waited " + Duration.ofMillis(5);
        }

        String callsToString(Duration d) {
            return d.toString();
        }

        String appends(Duration d) {
            return new StringBuilder("waited ").append((Object) d).toString();
        }

        String formatsItWell(Duration d) {
            return "waited " + Durations.format(d) + ", " + d.toMillis() + " ms";
        }

        MemorySegment reinterprets(MemorySegment s) {
            return s.reinterpret(8);
        }

        BiFunction<MemorySegment, Long, MemorySegment> refersToReinterpret() {
            return MemorySegment::reinterpret;
        }

        Linker linksNothing() {
            return Linker.nativeLinker();
        }
    }

    private static List<String> inFixture(List<Bytecode.Site> sites) {
        return sites.stream().filter(s -> s.className().equals(Fixture.class.getName()))
                .map(s -> s.method() + ": " + s.what()).toList();
    }

    @Test
    void findsEveryIsoPrintedDurationAndOnlyThose() {
        assertEquals(List.of(
                        "concatenatesAField: concatenates a Duration into a string",
                        "concatenatesALocal: concatenates a Duration into a string",
                        "concatenatesAResult: concatenates a Duration into a string",
                        "callsToString: calls Duration.toString()",
                        "appends: passes a Duration to StringBuilder.append"),
                inFixture(Bytecode.durationsPrintedAsIso(Fixture.class)).stream()
                        .map(s -> s.replace("passes a Duration to String.valueOf", "concatenates a Duration into a string"))
                        .toList());
    }

    @Test
    void findsRestrictedCallsAndMethodReferences() {
        assertEquals(List.of("reinterprets: calls MemorySegment.reinterpret",
                        "refersToReinterpret: refers to MemorySegment::reinterpret"),
                inFixture(Bytecode.restrictedCalls(Fixture.class)));
    }
}
