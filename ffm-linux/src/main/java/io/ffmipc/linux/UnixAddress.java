package io.ffmipc.linux;

import io.ffmipc.InvalidNameException;
import io.ffmipc.IpcNames;
import io.ffmipc.linux.ffi.LibC;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A Unix-domain socket address ({@code struct sockaddr_un}): a portable name in the abstract
 * namespace ({@code sun_path} starts with a NUL byte; no file, gone with its socket; shown by
 * {@code ss -x} as {@code @ffmipc.<name>}), or a socket file's path.
 *
 * @param label        what messages call it: the portable name or the path
 * @param path         the socket file, or null for an abstract name
 * @param sunPath      the bytes of {@code sun_path} that count (abstract: NUL + name; path: path + NUL)
 */
record UnixAddress(String label, Path path, byte[] sunPath) {
    /** Abstract names get this prefix, so they do not meet other programs' abstract sockets. */
    static final String ABSTRACT_PREFIX = "ffmipc.";
    private static final long PATH_OFFSET = LibC.SOCKADDR_UN.offset("sun_path");
    private static final int SUN_PATH_SIZE = 108;
    /** The longest portable name an abstract address holds: sun_path minus the NUL and the prefix. */
    static final int MAX_NAME = SUN_PATH_SIZE - 1 - ABSTRACT_PREFIX.length();

    static UnixAddress named(String name) {
        IpcNames.validate(name);
        if (name.length() > MAX_NAME) {
            throw new InvalidNameException(name, "a message pipe name may have at most " + MAX_NAME
                    + " characters on Linux (sun_path holds " + SUN_PATH_SIZE + " bytes, the NUL and the '"
                    + ABSTRACT_PREFIX + "' prefix take " + (SUN_PATH_SIZE - MAX_NAME) + "), this one has " + name.length());
        }
        byte[] text = (ABSTRACT_PREFIX + name).getBytes(StandardCharsets.US_ASCII);
        byte[] sun = new byte[text.length + 1];
        System.arraycopy(text, 0, sun, 1, text.length); // sun[0] = 0: the abstract namespace
        return new UnixAddress(name, null, sun);
    }

    static UnixAddress file(Path socketPath) {
        if (socketPath == null) {
            throw new IllegalArgumentException("a socket path is required");
        }
        Path p = socketPath.toAbsolutePath();
        String s = p.toString();
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (s.indexOf('\0') >= 0 || bytes.length > SUN_PATH_SIZE - 1) {
            throw new InvalidNameException(s, "a socket path may have at most " + (SUN_PATH_SIZE - 1)
                    + " bytes and no NUL (sun_path holds " + SUN_PATH_SIZE + " bytes), this one has " + bytes.length);
        }
        byte[] sun = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, sun, 0, bytes.length);
        return new UnixAddress(s, p, sun);
    }

    /** The filled {@code struct sockaddr_un}; pass {@link #length()} with it. */
    MemorySegment allocate(Arena arena) {
        MemorySegment sa = arena.allocate(LibC.SOCKADDR_UN.layout());
        sa.set(ValueLayout.JAVA_SHORT, 0, (short) LibC.AF_UNIX.intValue());
        MemorySegment.copy(sunPath, 0, sa, ValueLayout.JAVA_BYTE, PATH_OFFSET, sunPath.length);
        return sa;
    }

    /** The address length: the family and the counted part of sun_path. */
    int length() {
        return (int) PATH_OFFSET + sunPath.length;
    }
}
