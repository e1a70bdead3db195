package io.ffmipc;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PermissionsTest {

    @Test
    void defaultIsOwnerOnly() {
        assertEquals(0600, Permissions.OWNER_ONLY.mode());
        assertEquals("0600", Permissions.OWNER_ONLY.toString());
    }

    @Test
    void wideningIsExplicit() {
        assertEquals(0660, Permissions.ownerAndGroup().mode());
        assertEquals(0666, Permissions.everyone().mode());
        assertEquals(0640, Permissions.ofMode(0640).mode());
    }

    @Test
    void toStringIsOctal() {
        assertEquals("0660", Permissions.ownerAndGroup().toString());
        assertEquals("0777", Permissions.ofMode(0777).toString());
        assertEquals("0644", Permissions.ofMode(420).toString());
    }

    @Test
    void boundsAreAccepted() {
        assertEquals(0, Permissions.ofMode(0).mode());
        assertEquals(0777, Permissions.ofMode(0777).mode());
    }

    @Test
    void aboveTheRangeIsRejectedInOctal() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Permissions.ofMode(01000));
        assertEquals("permission mode must be between 0 and 0777 (octal), got 01000", e.getMessage());
        // Special bits (setuid, sticky) are not permission bits.
        assertThrows(IllegalArgumentException.class, () -> Permissions.ofMode(04600));
    }

    @Test
    void negativeIsRejectedReadably() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Permissions.ofMode(-1));
        assertEquals("permission mode must be between 0 and 0777 (octal), got -1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Permissions(Integer.MIN_VALUE));
    }

    @Test
    void valueSemantics() {
        assertEquals(Permissions.OWNER_ONLY, Permissions.ofMode(0600));
        assertEquals(Permissions.OWNER_ONLY.hashCode(), Permissions.ofMode(0600).hashCode());
    }
}
