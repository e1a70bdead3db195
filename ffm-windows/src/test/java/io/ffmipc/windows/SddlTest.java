package io.ffmipc.windows;

import io.ffmipc.Permissions;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The descriptors every created object gets, as SDDL. */
class SddlTest {
    private static final String USER = "S-1-5-21-1004336348-1177238915-682003330-1001";
    private static final String GROUP = "S-1-5-21-1004336348-1177238915-682003330-513";

    @Test
    void ownerOnlyIsTheUserAlone() {
        assertEquals("O:" + USER + "D:P(A;;GA;;;" + USER + ")", Sddl.forCreate(Permissions.OWNER_ONLY, USER, () -> GROUP));
    }

    @Test
    void groupAndOtherBitsAddTheirAces() {
        assertEquals("O:" + USER + "D:P(A;;GA;;;" + USER + ")(A;;GRGWGX;;;" + GROUP + ")",
                Sddl.forCreate(Permissions.ownerAndGroup(), USER, () -> GROUP));
        assertEquals("O:" + USER + "D:P(A;;GA;;;" + USER + ")(A;;GRGWGX;;;WD)",
                Sddl.forCreate(Permissions.ofMode(0606), USER, () -> GROUP));
        assertEquals("O:" + USER + "D:P(A;;GRGX;;;" + USER + ")(A;;GRGX;;;" + GROUP + ")(A;;GWGX;;;WD)",
                Sddl.forCreate(Permissions.ofMode(0442), USER, () -> GROUP));
        assertEquals("O:" + USER + "D:P", Sddl.forCreate(Permissions.ofMode(0), USER, () -> GROUP),
                "no bits: an empty DACL, nobody but the owner's implicit rights");
    }

    /** Execute bits alone grant nothing: POSIX objects need r or w to be used, and x is added with them. */
    @Test
    void executeAloneGrantsNothingAndTheGroupIsAskedForOnlyWhenNeeded() {
        AtomicInteger asked = new AtomicInteger();
        assertEquals("O:" + USER + "D:P(A;;GA;;;" + USER + ")",
                Sddl.forCreate(Permissions.ofMode(0711), USER, () -> {
                    asked.incrementAndGet();
                    return GROUP;
                }));
        assertEquals(0, asked.get());
    }

    @Test
    void anotherObjectsDaclGetsThisUserAsOwner() {
        assertEquals("O:" + USER + "D:P(A;;GA;;;S-1-5-21-9-9-9-1002)", Sddl.withOwner(USER, "D:P(A;;GA;;;S-1-5-21-9-9-9-1002)"));
        assertThrows(IllegalArgumentException.class, () -> Sddl.withOwner(USER, "O:BAD:P"));
    }

    @Test
    void onlySidsReachTheText() {
        assertThrows(IllegalArgumentException.class, () -> Sddl.forCreate(Permissions.OWNER_ONLY, "S-1-5)(A;;GA;;;WD", () -> GROUP));
        assertThrows(IllegalArgumentException.class, () -> Sddl.forCreate(Permissions.everyone(), USER, () -> "WD"));
        assertThrows(IllegalArgumentException.class, () -> Sddl.sid(null));
        assertEquals("S-1-5-18", Sddl.sid("S-1-5-18"));
    }
}
