package io.ffmipc.macos.ffi;

import io.ffmipc.spi.ErrorKind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The macOS errno and Mach return-code tables: names and kinds by value, never Linux's. */
class CodeTablesTest {

    @Test
    void everyErrnoFromOneToElastHasItsMacosName() {
        for (int code = 1; code <= 106; code++) {
            assertNotEquals("?", Errno.CODES.symbol(code), "errno " + code);
        }
        assertEquals("?", Errno.CODES.symbol(107));
        assertEquals(106, CodeTable.of(Errno.class, java.util.Map.of()).size());
        // the values that differ from Linux, where a copied table would go wrong
        assertEquals("EAGAIN", Errno.CODES.symbol(35));
        assertEquals("EDEADLK", Errno.CODES.symbol(11));
        assertEquals("ETIMEDOUT", Errno.CODES.symbol(60));
        assertEquals("ENOSYS", Errno.CODES.symbol(78));
        assertEquals("EIDRM", Errno.CODES.symbol(90));
        assertEquals("EOWNERDEAD", Errno.CODES.symbol(105));
    }

    @Test
    void errnoKindsDecideTheExceptionType() {
        assertEquals(ErrorKind.NOT_FOUND, Errno.CODES.kind(2));
        assertEquals(ErrorKind.EXISTS, Errno.CODES.kind(17));
        assertEquals(ErrorKind.ACCESS_DENIED, Errno.CODES.kind(13));
        assertEquals(ErrorKind.LIMIT, Errno.CODES.kind(63)); // ENAMETOOLONG: a POSIX name over 31 characters
        assertEquals(ErrorKind.PEER_CLOSED, Errno.CODES.kind(32));
        assertEquals(ErrorKind.NOT_FOUND, Errno.CODES.kind(61)); // ECONNREFUSED: no server
        assertEquals(ErrorKind.OTHER, Errno.CODES.kind(35));
        assertEquals("ENOENT (2): No such file or directory", Errno.CODES.osError(2, "No such file or directory").toString());
    }

    @Test
    void machCodesHaveTheirNamesAndKinds() {
        assertEquals("KERN_SUCCESS", MachReturn.CODES.symbol(0));
        assertEquals("KERN_INVALID_NAME", MachReturn.CODES.symbol(15));
        assertEquals("KERN_TERMINATED", MachReturn.CODES.symbol(37));
        assertEquals("MACH_SEND_INVALID_DEST", MachReturn.CODES.symbol(0x10000003));
        assertEquals("MACH_RCV_TIMED_OUT", MachReturn.CODES.symbol(0x10004003));
        assertEquals("BOOTSTRAP_UNKNOWN_SERVICE", MachReturn.CODES.symbol(1102));
        assertEquals("?", MachReturn.CODES.symbol(0x10009999));
        assertEquals(ErrorKind.PEER_CLOSED, MachReturn.CODES.kind(0x10000003));
        assertEquals(ErrorKind.NOT_FOUND, MachReturn.CODES.kind(1102));
        assertEquals(ErrorKind.EXISTS, MachReturn.CODES.kind(1103));
        assertEquals(ErrorKind.LIMIT, MachReturn.CODES.kind(0x1000000e));
        // a timeout is a result, not an error: nothing maps it to an exception type
        assertEquals(ErrorKind.OTHER, MachReturn.CODES.kind(0x10000004));
        assertEquals("MACH_RCV_PORT_DIED (268451849): (ipc/rcv) port died",
                MachReturn.CODES.osError(0x10004009, "(ipc/rcv) port died").toString());
    }
}
