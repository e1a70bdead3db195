package io.ffmipc.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConvertersTest {

    @Test
    void durations() {
        assertEquals(Duration.ofMillis(500), Converters.duration("500ms"));
        assertEquals(Duration.ofSeconds(5), Converters.duration("5s"));
        assertEquals(Duration.ofMinutes(2), Converters.duration("2m"));
        assertEquals(Duration.ofHours(1), Converters.duration("1h"));
        assertEquals(Duration.ofNanos(250_000), Converters.duration("250us"));
        assertEquals(Duration.ofNanos(7), Converters.duration("7ns"));
        for (String bad : new String[] {"5", "s", "-1s", "1.5s", "5 s", "5sec", ""}) {
            TypeConversionException e = assertThrows(TypeConversionException.class, () -> Converters.duration(bad), bad);
            assertTrue(e.getMessage().contains("such as 500ms, 5s or 2m"), e.getMessage());
        }
        assertThrows(TypeConversionException.class, () -> Converters.duration("99999999999999999999s"));
    }

    @Test
    void sizes() {
        assertEquals(4096, Converters.size("4096"));
        assertEquals(64 * 1024, Converters.size("64k"));
        assertEquals(1L << 20, Converters.size("1M"));
        assertEquals(2L << 30, Converters.size("2g"));
        assertThrows(TypeConversionException.class, () -> Converters.size("-1"));
        assertThrows(TypeConversionException.class, () -> Converters.size("1t"));
        assertThrows(TypeConversionException.class, () -> Converters.size("9999999999999999999k"));
    }

    @Test
    void modes() {
        assertEquals(0600, Converters.mode("0600"));
        assertEquals(0660, Converters.mode("660"));
        assertEquals(0, Converters.mode("0"));
        assertThrows(TypeConversionException.class, () -> Converters.mode("0800"));
        assertThrows(TypeConversionException.class, () -> Converters.mode("1777"));
        assertThrows(TypeConversionException.class, () -> Converters.mode("rw"));
    }

    @Test
    void keys() {
        assertEquals(0x7f100001, Converters.sysvKey("0x7f100001"));
        assertEquals(1234, Converters.sysvKey("1234"));
        assertEquals(0xdeadbeef, Converters.sysvKey("0xdeadbeef"));
        assertEquals(-2, Converters.sysvKey("-2"));
        assertEquals(0xfffffffe, Converters.sysvKey("0xfffffffe"));
        assertEquals("0x7f100001", Converters.hexKey(0x7f100001));
        assertThrows(TypeConversionException.class, () -> Converters.sysvKey("0"));
        assertThrows(TypeConversionException.class, () -> Converters.sysvKey("-1"), "the library's key rule");
        assertThrows(TypeConversionException.class, () -> Converters.sysvKey("0xffffffff"));
        assertThrows(TypeConversionException.class, () -> Converters.sysvKey("0x100000000"));
        assertThrows(TypeConversionException.class, () -> Converters.sysvKey("key"));
    }
}
