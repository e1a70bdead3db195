package io.ffmipc.sync;

import io.ffmipc.InvalidNameException;
import io.ffmipc.IpcNames;

/**
 * The kinds of process-shared structure: the tag in each one's magic word and the suffix of its
 * shared memory object's name ({@code jobs} as a barrier lives in the object {@code jobs.barrier}),
 * so an event and a barrier may share a portable name without meeting.
 */
enum SyncKind {
    EVENT('E', ".event", "event"),
    CONDITION('C', ".condition", "condition"),
    BARRIER('B', ".barrier", "barrier"),
    READ_WRITE_LOCK('R', ".rwlock", "read-write lock");

    final char tag;
    final String suffix;
    final String title;

    SyncKind(char tag, String suffix, String title) {
        this.tag = tag;
        this.suffix = suffix;
        this.title = title;
    }

    /** "a barrier", "an event". */
    String withArticle() {
        return ("aeiou".indexOf(title.charAt(0)) >= 0 ? "an " : "a ") + title;
    }

    /** The magic word this library writes for the kind. */
    int magic() {
        return SyncHeader.magic(tag, SyncHeader.VERSION);
    }

    static SyncKind byTag(char tag) {
        for (SyncKind k : values()) {
            if (k.tag == tag) {
                return k;
            }
        }
        return null;
    }

    /** The shared memory object's portable name; the name rules are checked with the suffix counted. */
    String objectName(String name) {
        IpcNames.validate(name);
        int max = IpcNames.MAX_LENGTH - suffix.length();
        if (name.length() > max) {
            throw new InvalidNameException(name, "a " + title + " name may have at most " + max
                    + " characters (the shared memory object adds '" + suffix + "'), this one has " + name.length());
        }
        return name + suffix;
    }
}
