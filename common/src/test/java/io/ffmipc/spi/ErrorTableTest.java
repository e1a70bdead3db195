package io.ffmipc.spi;

import io.ffmipc.IpcAccessDeniedException;
import io.ffmipc.IpcException;
import io.ffmipc.NoSuchIpcObjectException;
import io.ffmipc.ffi.CConstant;
import io.ffmipc.ffi.Target;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.ffmipc.spi.ErrorTable.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared error-code table: names, kinds and typed exceptions from the target's values. */
class ErrorTableTest {
    private static final CConstant NOT_THERE = CConstant.perTarget("ERROR_FILE_NOT_FOUND", Target.WINDOWS_X64, 2);
    private static final CConstant DENIED = CConstant.perTarget("ERROR_ACCESS_DENIED", Target.WINDOWS_X64, 5);
    private static final ErrorTable TABLE = new ErrorTable(Target.WINDOWS_X64,
            List.of(entry(NOT_THERE, ErrorKind.NOT_FOUND), entry(DENIED, ErrorKind.ACCESS_DENIED)));

    @Test
    void namesAndKindsComeFromTheTargetsValues() {
        assertEquals("ERROR_ACCESS_DENIED", TABLE.symbol(5));
        assertEquals(ErrorKind.NOT_FOUND, TABLE.kind(2));
        assertEquals("?", TABLE.symbol(77));
        assertEquals(ErrorKind.OTHER, TABLE.kind(77));
    }

    @Test
    void exceptionsAreTypedAndCarryTheOsError() {
        IpcException e = TABLE.exception("OpenFileMappingW", "orders", 2, c -> "The system cannot find the file.", null);
        assertTrue(e instanceof NoSuchIpcObjectException, e.getClass().getName());
        assertTrue(e.getMessage().contains("ERROR_FILE_NOT_FOUND (2): The system cannot find the file."), e.getMessage());
        assertTrue(TABLE.exception("CreateMutexW", "m", 5, c -> "denied", "owner-only") instanceof IpcAccessDeniedException);
    }
}
