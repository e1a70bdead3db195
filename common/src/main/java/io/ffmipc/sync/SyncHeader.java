package io.ffmipc.sync;

/**
 * What every process-shared structure starts with, and how its magic word is built.
 *
 * <pre>
 *  0               4               8              64
 *  +---------------+---------------+-- ... -------+---- structure words, one per 64-byte line ----
 *  | magic/version | config word A | config B ... |
 *  +---------------+---------------+-- ... -------+----
 * </pre>
 *
 * The magic word is {@code 'f' 'i' <kind tag> <layout version>} (big-endian reading). The creator
 * writes every other field first and the magic last, with release semantics, so it doubles as the
 * "ready" flag: an opener that acquires a non-zero magic sees a fully initialised structure. An
 * opener refuses a magic of another kind (a barrier opened as an event) or another layout version
 * (a peer built from an incompatible release).
 *
 * <p>Hot words sit on their own 64-byte cache line, so a waiter spinning on one does not bounce
 * the line another process is writing. Every structure takes one page.
 */
final class SyncHeader {
    static final long MAGIC = 0;
    static final long CONFIG_A = 4;
    static final long CONFIG_B = 8;
    /** Cache-line size the hot words are spread by. */
    static final long LINE = 64;
    /** Each structure's shared memory object: one page. */
    static final long SIZE = 4096;
    /** The layout version this library writes and accepts. Bump it on any layout or protocol change. */
    static final int VERSION = 1;
    private static final int PREFIX = ('f' << 24) | ('i' << 16);

    private SyncHeader() {
    }

    /** The magic of a structure kind at a layout version. */
    static int magic(char tag, int version) {
        return PREFIX | ((tag & 0xff) << 8) | (version & 0xff);
    }

    /** Whether {@code magic} is one of ours (of any kind and version). */
    static boolean isOurs(int magic) {
        return (magic & 0xffff0000) == PREFIX;
    }

    static char tag(int magic) {
        return (char) ((magic >>> 8) & 0xff);
    }

    static int version(int magic) {
        return magic & 0xff;
    }

    /** The i-th hot word: the start of cache line i (1-based; line 0 is the header). */
    static long line(int i) {
        return i * LINE;
    }
}
