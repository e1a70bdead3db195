package io.ffmipc.cli;

import io.ffmipc.SystemVKeys;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsers for the command line's values; a bad value is a usage error (exit 2). */
final class Converters {

    private Converters() {
    }

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ns|us|µs|ms|s|m|h)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)([kmg]?)", Pattern.CASE_INSENSITIVE);

    /** {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h} (also {@code ns}, {@code us}). */
    static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            throw new TypeConversionException("invalid duration '" + text
                    + "': give a whole number and a unit (ns, us, ms, s, m, h), such as 500ms, 5s or 2m");
        }
        long n;
        try {
            n = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new TypeConversionException("invalid duration '" + text + "': the number is too large");
        }
        return switch (m.group(2)) {
            case "ns" -> Duration.ofNanos(n);
            case "us", "µs" -> Duration.ofNanos(Math.multiplyExact(n, 1000L));
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    /** Bytes: {@code 4096}, {@code 64k}, {@code 1m}, {@code 1g} (powers of 1024). */
    static long size(String text) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw new TypeConversionException("invalid size '" + text + "': give bytes, optionally with k, m or g (such as 4096 or 64k)");
        }
        try {
            long n = Long.parseLong(m.group(1));
            int shift = switch (m.group(2).toLowerCase()) {
                case "k" -> 10;
                case "m" -> 20;
                case "g" -> 30;
                default -> 0;
            };
            if (shift > 0 && n > (Long.MAX_VALUE >> shift)) {
                throw new NumberFormatException();
            }
            return n << shift;
        } catch (NumberFormatException e) {
            throw new TypeConversionException("invalid size '" + text + "': too large");
        }
    }

    /** POSIX permission bits in octal: {@code 0600}, {@code 660}. */
    static int mode(String text) {
        String t = text.strip();
        if (!t.matches("[0-7]{1,4}")) {
            throw new TypeConversionException("invalid mode '" + text + "': give octal permission bits such as 0600 or 0660");
        }
        int mode = Integer.parseInt(t, 8);
        if (mode > 0777) {
            throw new TypeConversionException("invalid mode '" + text + "': only the permission bits 0 to 0777 may be set");
        }
        return mode;
    }

    /** A System V key: hexadecimal with {@code 0x}, or decimal; the library's key rule applies ({@link SystemVKeys}). */
    static int sysvKey(String text) {
        String t = text.strip();
        long key;
        try {
            key = t.startsWith("0x") || t.startsWith("0X") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("invalid System V key '" + text + "': give hexadecimal (0x7f100001) or decimal");
        }
        if (key < Integer.MIN_VALUE || key > 0xffffffffL) {
            throw new TypeConversionException("invalid System V key '" + text + "': a key is 32 bits");
        }
        String unshareable = SystemVKeys.unshareableReason((int) key);
        if (unshareable != null) {
            throw new TypeConversionException("invalid System V key '" + text + "': " + unshareable);
        }
        return (int) key;
    }

    static String hexKey(int key) {
        return String.format("0x%08x", key);
    }

    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return duration(value);
        }
    }

    static final class SizeConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return size(value);
        }
    }

    static final class ModeConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return mode(value);
        }
    }

    static final class KeyConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return sysvKey(value);
        }
    }
}
