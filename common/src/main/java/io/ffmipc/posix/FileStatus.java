package io.ffmipc.posix;

import io.ffmipc.ffi.CStruct;
import io.ffmipc.ffi.NativeBinder;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * What {@code fstat} says about an open descriptor, in the fields the POSIX layer decides on: the
 * file type, the permission bits, the owner and the size. Read from the descriptor, never from a
 * path, so a name swapped after the open cannot mislead it.
 *
 * @param type the file type bits ({@code st_mode & S_IFMT})
 * @param mode the permission bits ({@code st_mode & 07777})
 * @param uid  the owner
 * @param size the size in bytes
 * @param links how many names (hard links) the file has
 */
public record FileStatus(int type, int mode, long uid, long size, long links) {

    /** {@code fstat(fd)}; a failure is the typed error of {@code fstat}. */
    public static FileStatus of(PosixLibrary lib, int fd, String objectName) {
        CStruct stat = lib.struct("struct stat");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(stat.layout());
            MemorySegment st = NativeBinder.callState();
            if (lib.fstat(st, fd, buf) != 0) {
                throw lib.error("fstat", objectName, lib.errno(st), null);
            }
            int stMode = (int) PosixStructs.get(buf, stat, "st_mode");
            return new FileStatus(stMode & lib.constant("S_IFMT"), stMode & 07777, PosixStructs.get(buf, stat, "st_uid"),
                    PosixStructs.get(buf, stat, "st_size"), PosixStructs.get(buf, stat, "st_nlink"));
        }
    }

    /** The mode as {@code ls -l} style octal, for messages: {@code 0600}. */
    public String modeText() {
        return String.format("0%o", mode);
    }
}
