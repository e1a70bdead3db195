package io.ffmipc.posix;

import io.ffmipc.InvalidNameException;
import io.ffmipc.IpcNames;
import io.ffmipc.ffi.CStruct;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A Unix-domain socket address ({@code struct sockaddr_un}): a portable name in the abstract
 * namespace where the OS has one ({@code sun_path} starts with a NUL byte; no file, gone with its
 * socket; shown by {@code ss -x} as {@code @ffmipc.<name>}), a portable name as a socket file
 * {@code ffmipc.<name>} in a directory where it has none, or a socket file's path.
 *
 * @param label   what messages call it: the portable name or the path
 * @param path    the socket file, or null for an abstract name
 * @param sunPath the bytes of {@code sun_path} that count (abstract: NUL + name; path: path + NUL)
 */
public record UnixAddress(String label, Path path, byte[] sunPath) {
    /** Portable names get this prefix, so they do not meet other programs' sockets. */
    public static final String PREFIX = "ffmipc.";

    /**
     * The address of a server under a portable name: abstract where {@link PosixLibrary#abstractSockets()},
     * otherwise the socket file {@code directory/ffmipc.<name>}.
     */
    static UnixAddress named(PosixLibrary lib, Path directory, String name) {
        IpcNames.validate(name);
        int sunPathSize = sunPathSize(lib);
        if (!lib.abstractSockets()) {
            Path file = directory.resolve(PREFIX + name);
            int room = sunPathSize - 1 - (directory.toString().length() + 1 + PREFIX.length());
            if (name.length() > room) {
                throw new InvalidNameException(name, "a message pipe name may have at most " + room
                        + " characters here (sun_path holds " + sunPathSize + " bytes and the socket file is " + file
                        + "), this one has " + name.length());
            }
            return new UnixAddress(name, file, withNul(file.toString().getBytes(StandardCharsets.UTF_8)));
        }
        int max = maxAbstractName(lib);
        if (name.length() > max) {
            throw new InvalidNameException(name, "a message pipe name may have at most " + max
                    + " characters on " + osName(lib) + " (sun_path holds " + sunPathSize + " bytes, the NUL and the '"
                    + PREFIX + "' prefix take " + (sunPathSize - max) + "), this one has " + name.length());
        }
        byte[] text = (PREFIX + name).getBytes(StandardCharsets.US_ASCII);
        byte[] sun = new byte[text.length + 1];
        System.arraycopy(text, 0, sun, 1, text.length); // sun[0] = 0: the abstract namespace
        return new UnixAddress(name, null, sun);
    }

    /** The address of a socket file. */
    static UnixAddress file(PosixLibrary lib, Path socketPath) {
        if (socketPath == null) {
            throw new IllegalArgumentException("a socket path is required");
        }
        Path p = socketPath.toAbsolutePath();
        String s = p.toString();
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        int sunPathSize = sunPathSize(lib);
        if (s.indexOf('\0') >= 0 || bytes.length > sunPathSize - 1) {
            throw new InvalidNameException(s, "a socket path may have at most " + (sunPathSize - 1)
                    + " bytes and no NUL (sun_path holds " + sunPathSize + " bytes), this one has " + bytes.length);
        }
        return new UnixAddress(s, p, withNul(bytes));
    }

    /** The longest portable name an abstract address holds: sun_path minus the NUL and the prefix. */
    public static int maxAbstractName(PosixLibrary lib) {
        return sunPathSize(lib) - 1 - PREFIX.length();
    }

    private static String osName(PosixLibrary lib) {
        return lib.target().isLinux() ? "Linux" : lib.target().isMacos() ? "macOS" : lib.target().id();
    }

    private static int sunPathSize(PosixLibrary lib) {
        CStruct sa = lib.struct("struct sockaddr_un");
        return (int) sa.layout().select(MemoryLayout.PathElement.groupElement("sun_path")).byteSize();
    }

    private static byte[] withNul(byte[] bytes) {
        byte[] sun = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, sun, 0, bytes.length);
        return sun;
    }

    /** The filled {@code struct sockaddr_un}; pass {@link #length} with it. */
    MemorySegment allocate(PosixLibrary lib, Arena arena) {
        CStruct struct = lib.struct("struct sockaddr_un");
        MemorySegment sa = arena.allocate(struct.layout());
        StructField.of(struct, "sun_family").set(sa, lib.constant("AF_UNIX"));
        // BSD-derived systems (macOS) lead with a length byte; it is the length passed with the address.
        boolean hasLength = struct.layout().memberLayouts().stream()
                .anyMatch(m -> m.name().filter("sun_len"::equals).isPresent());
        if (hasLength) {
            StructField.of(struct, "sun_len").set(sa, length(lib));
        }
        MemorySegment.copy(sunPath, 0, sa, ValueLayout.JAVA_BYTE, struct.offset("sun_path"), sunPath.length);
        return sa;
    }

    /** The address length: the family and the counted part of sun_path. */
    int length(PosixLibrary lib) {
        return (int) lib.struct("struct sockaddr_un").offset("sun_path") + sunPath.length;
    }
}
