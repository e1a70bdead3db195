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
 * The magic word is the kind's code and layout version ({@link io.ffmipc.core.StructureKind}); the
 * creator writes every other field first and the magic last, with release semantics, so it
 * doubles as the "ready" flag, and an opener refuses a magic of another kind or layout version
 * ({@link io.ffmipc.core.SharedStructures}, the lifecycle every shared-memory structure shares).
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
    private SyncHeader() {
    }

    /** The i-th hot word: the start of cache line i (1-based; line 0 is the header). */
    static long line(int i) {
        return i * LINE;
    }
}
