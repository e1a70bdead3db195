package io.ffmipc.macos;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Mach message layout byte for byte, from the facts (header 24 bytes, body count at 24,
 * descriptors from 28 packed to 4: port descriptors of 12 bytes with disposition and type in bytes 10
 * and 11, the out-of-line descriptor's 8-byte address only 4-aligned), and the audit trailer's words.
 */
class MachMessageLayoutTest {

    @Test
    void aSimpleMessageIsHeaderLengthAndPaddedBody() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment body = a.allocateFrom("hello", StandardCharsets.US_ASCII).asSlice(0, 5);
            int size = MachMessageLayout.size(0, false, 5);
            assertEquals(24 + 4 + 8, size);
            MemorySegment buf = a.allocate(64);
            buf.fill((byte) 0x55);
            assertEquals(size, MachMessageLayout.write(buf, 0x103, 42, new MachMessageLayout.Right[0], null, body));
            assertEquals(19, buf.get(JAVA_INT, 0), "MACH_MSGH_BITS(COPY_SEND, 0), not complex");
            assertEquals(size, buf.get(JAVA_INT, 4));
            assertEquals(0x103, buf.get(JAVA_INT, 8), "remote: the destination");
            assertEquals(0, buf.get(JAVA_INT, 12), "no reply port");
            assertEquals(0, buf.get(JAVA_INT, 16), "no voucher");
            assertEquals(42, buf.get(JAVA_INT, 20));
            assertEquals(5, buf.get(JAVA_INT, 24));
            assertEquals("hello", new String(buf.asSlice(28, 5).toArray(JAVA_BYTE), StandardCharsets.US_ASCII));
            assertArrayEquals(new byte[3], buf.asSlice(33, 3).toArray(JAVA_BYTE), "padding is zero");
            MachMessageLayout.Parsed p = MachMessageLayout.read(buf);
            assertEquals(42, p.id());
            assertEquals(0, p.ports().length);
            assertFalse(p.outOfLine());
            assertEquals(28, p.inlineOffset());
            assertEquals(5, p.inlineLength());
        }
    }

    @Test
    void aComplexMessageCarriesPortDescriptorsThenTheOutOfLineBody() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment region = a.allocate(100_000, 16);
            MachMessageLayout.Right[] rights = {new MachMessageLayout.Right(0x207, MachMessageLayout.COPY_SEND),
                    new MachMessageLayout.Right(0x30b, MachMessageLayout.MAKE_SEND)};
            int size = MachMessageLayout.size(2, true, 0);
            assertEquals(24 + 4 + 2 * 12 + 16 + 4, size);
            MemorySegment buf = a.allocate(size + 52);
            MachMessageLayout.write(buf, 0x103, 7, rights, region, null);
            assertEquals(0x80000000 | 19, buf.get(JAVA_INT, 0), "complex");
            assertEquals(3, buf.get(JAVA_INT, 24), "descriptor count");
            assertEquals(0x207, buf.get(JAVA_INT, 28));
            assertEquals(0, buf.get(JAVA_INT, 32), "pad1");
            assertEquals(19, buf.get(JAVA_BYTE, 28 + 10), "disposition COPY_SEND");
            assertEquals(0, buf.get(JAVA_BYTE, 28 + 11), "type MACH_MSG_PORT_DESCRIPTOR");
            assertEquals(0x30b, buf.get(JAVA_INT, 40));
            assertEquals(20, buf.get(JAVA_BYTE, 40 + 10), "disposition MAKE_SEND");
            long ool = 52;
            assertEquals(4, ool % 8, "the out-of-line address is only 4-aligned in a message");
            assertEquals(region.address(), buf.get(JAVA_LONG_UNALIGNED, ool));
            assertEquals(0, buf.get(JAVA_BYTE, ool + 8), "deallocate: the sender keeps its region");
            assertEquals(1, buf.get(JAVA_BYTE, ool + 9), "MACH_MSG_VIRTUAL_COPY");
            assertEquals(1, buf.get(JAVA_BYTE, ool + 11), "type MACH_MSG_OOL_DESCRIPTOR");
            assertEquals(100_000, buf.get(JAVA_INT, ool + 12));
            assertEquals(0, buf.get(JAVA_INT, 68), "no inline body");

            MachMessageLayout.Parsed p = MachMessageLayout.read(buf);
            assertArrayEquals(new int[] {0x207, 0x30b}, p.ports());
            assertTrue(p.outOfLine());
            assertEquals(region.address(), p.outOfLineAddress());
            assertEquals(100_000, p.outOfLineSize());
            assertEquals(size, p.size());
        }
    }

    @Test
    void theSenderIsReadFromTheAuditTrailerAfterTheMessage() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocate(36 + 52);
            MachMessageLayout.write(buf, 1, 1, new MachMessageLayout.Right[0], null, a.allocate(5));
            long t = MachMessageLayout.read(buf).size();
            buf.set(JAVA_INT, t, 0); // MACH_MSG_TRAILER_FORMAT_0
            buf.set(JAVA_INT, t + 4, 52);
            int[] audit = {100, 501, 20, 501, 20, 777, 100001, 3};
            for (int i = 0; i < 8; i++) {
                buf.set(JAVA_INT, t + 20 + 4 * i, audit[i]);
            }
            assertEquals(new MachSender(777, 501, 3), AuditTrailer.read(buf, t));
            buf.set(JAVA_INT, t + 4, 20); // a smaller trailer: not an audit one
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AuditTrailer.read(buf, t));
            assertTrue(e.getMessage().contains("no audit trailer"), e.getMessage());
        }
    }

    @Test
    void aMessageOfAnotherLayoutIsRefusedNamingWhatIsWrong() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocate(64);
            buf.set(JAVA_INT, 4, 500);
            IllegalArgumentException big = assertThrows(IllegalArgumentException.class, () -> MachMessageLayout.read(buf));
            assertTrue(big.getMessage().contains("outside the buffer"), big.getMessage());
            buf.set(JAVA_INT, 0, 0x80000000);
            buf.set(JAVA_INT, 4, 48);
            buf.set(JAVA_INT, 24, 1);
            buf.set(JAVA_BYTE, 28 + 11, (byte) 2); // an OOL-ports descriptor
            IllegalArgumentException type = assertThrows(IllegalArgumentException.class, () -> MachMessageLayout.read(buf));
            assertTrue(type.getMessage().contains("type 2"), type.getMessage());
        }
    }
}
