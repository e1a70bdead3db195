package io.ffmipc.windows;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HandleTokensTest {

    @Test
    void aTokenIsTheHandleValue() {
        assertEquals("handle:1234", HandleTokens.token(1234));
        assertEquals(1234, HandleTokens.handle("handle:1234", "event"));
        assertEquals(Long.MAX_VALUE / 10, HandleTokens.handle(HandleTokens.token(Long.MAX_VALUE / 10), "event"));
    }

    @Test
    void badTokensNameTheFormAndTheKind() {
        for (String bad : new String[] {null, "", "3", "handle:", "handle:x", "handle:-1", "handle:0", "fd:3",
                "handle:+4", "handle: 4", "handle:99999999999999999999"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> HandleTokens.handle(bad, "shared memory"), bad);
            assertTrue(e.getMessage().contains("handle:") && e.getMessage().contains("shared memory")
                    && e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> HandleTokens.token(-1), "a pseudo handle cannot be inherited");
        assertThrows(IllegalArgumentException.class, () -> HandleTokens.token(0));
    }
}
