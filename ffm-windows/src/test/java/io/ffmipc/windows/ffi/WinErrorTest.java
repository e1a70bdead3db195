package io.ffmipc.windows.ffi;

import io.ffmipc.spi.ErrorKind;
import io.ffmipc.ffi.CConstant;
import io.ffmipc.ffi.Target;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The Win32 error table: every declared code is in it once, with the kind the portable model needs. */
class WinErrorTest {

    @Test
    void everyDeclaredCodeHasItsOwnNameInTheTable() throws IllegalAccessException {
        Map<Long, String> seen = new HashMap<>();
        for (Field f : WinError.class.getDeclaredFields()) {
            if (f.getType() != CConstant.class) {
                continue;
            }
            CConstant c = (CConstant) f.get(null);
            assertEquals(f.getName(), c.macro(), "field and macro name differ");
            long code = c.value(Target.WINDOWS_X64);
            assertNull(seen.put(code, c.macro()), c.macro() + " has the code of " + seen.get(code));
            assertEquals(c.macro(), WinError.symbol((int) code), "missing from the table");
        }
        assertEquals("?", WinError.symbol(0x7fff_fff0));
        assertEquals(ErrorKind.OTHER, WinError.kind(0x7fff_fff0));
    }

    @Test
    void meaningfulCodesHaveTheirKinds() {
        assertEquals(ErrorKind.NOT_FOUND, kind(WinError.ERROR_FILE_NOT_FOUND));
        assertEquals(ErrorKind.NOT_FOUND, kind(WinError.ERROR_PATH_NOT_FOUND));
        assertEquals(ErrorKind.EXISTS, kind(WinError.ERROR_ALREADY_EXISTS));
        assertEquals(ErrorKind.EXISTS, kind(WinError.ERROR_FILE_EXISTS));
        assertEquals(ErrorKind.ACCESS_DENIED, kind(WinError.ERROR_ACCESS_DENIED));
        assertEquals(ErrorKind.ACCESS_DENIED, kind(WinError.ERROR_PRIVILEGE_NOT_HELD));
        assertEquals(ErrorKind.LIMIT, kind(WinError.ERROR_TOO_MANY_POSTS));
        assertEquals(ErrorKind.LIMIT, kind(WinError.ERROR_COMMITMENT_LIMIT));
        assertEquals(ErrorKind.PEER_CLOSED, kind(WinError.ERROR_BROKEN_PIPE));
        assertEquals(ErrorKind.PEER_CLOSED, kind(WinError.ERROR_NO_DATA));
        assertEquals(ErrorKind.PEER_CLOSED, kind(WinError.ERROR_PIPE_NOT_CONNECTED));
    }

    private static ErrorKind kind(CConstant c) {
        return WinError.kind((int) c.value(Target.WINDOWS_X64));
    }
}
