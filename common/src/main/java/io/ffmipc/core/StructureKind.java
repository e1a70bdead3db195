package io.ffmipc.core;

import io.ffmipc.IpcNames;
import io.ffmipc.ObjectKind;

/**
 * The kinds of structure the library builds on shared memory, with what identifies each in
 * memory and in the namespace. Every such structure starts with a 32-bit magic word: the kind's
 * code in the high 16 bits, its layout version in the low 16 bits. The creator writes it last
 * (release), so it doubles as the ready flag, and an opener refuses a word of another kind, of
 * another layout version, or of nothing this library writes.
 *
 * <p>Each kind also has its own stored-name namespace ({@link IpcNames#reserved}): the channel
 * {@code jobs} lives in the shared memory object {@code .channel.jobs}, the barrier {@code jobs}
 * in {@code .barrier.jobs}, so kinds never meet each other or a user's shared memory.
 */
public enum StructureKind {
    // channel layout versions: 2 SPSC producers zero the header after each record, consumers no
    // longer zero; 3 the pid slots hold process stamps (pid + start time); 4 the SPSC producer
    // position is stored after each record's release and consumers check it (a version-3 producer
    // stores it before, which a version-4 consumer would take for corruption); 5 the header records
    // the liveness rule (offset 24) and, under the presence rule, every handle holds a presence slot
    // that the others ask about instead of reading its pid: a version-4 handle would take a live
    // peer in another pid namespace for dead, and hold no slot, so a version-5 one would take it for dead
    CHANNEL(ObjectKind.CHANNEL, "channel", "channel", ('F' << 8) | 'C', 5),
    // message queue layout versions: 2 RECEIVE_TURN holds a 64-bit process stamp, not a 32-bit pid;
    // 3 the header records the liveness rule (offset 28) and, under the presence rule, RECEIVE_TURN
    // names the holder's presence slot (taken from the counter at 384), not its process stamp
    MESSAGE_QUEUE(ObjectKind.SHARED_MEMORY_QUEUE, "mq", "message queue", ('M' << 8) | 'Q', 3),
    // synchronisation objects: version 2 is the first with this magic format and stored names
    EVENT(ObjectKind.EVENT, "event", "event", ('S' << 8) | 'E', 2),
    CONDITION(ObjectKind.CONDITION, "condition", "condition", ('S' << 8) | 'C', 2),
    BARRIER(ObjectKind.BARRIER, "barrier", "barrier", ('S' << 8) | 'B', 2),
    READ_WRITE_LOCK(ObjectKind.READ_WRITE_LOCK, "rwlock", "read-write lock", ('S' << 8) | 'R', 2);

    private final ObjectKind objectKind;

    private final String tag;
    private final String title;
    private final int code;
    private final int version;

    StructureKind(ObjectKind objectKind, String tag, String title, int code, int version) {
        this.objectKind = objectKind;
        this.tag = tag;
        this.title = title;
        this.code = code;
        this.version = version;
    }

    /** The kind listings and removal know it by. */
    public ObjectKind objectKind() {
        return objectKind;
    }

    /** The stored-name tag ({@code "rwlock"}). */
    public String tag() {
        return tag;
    }

    /** How messages name the kind ({@code "read-write lock"}). */
    public String title() {
        return title;
    }

    /** "a barrier", "an event". */
    public String withArticle() {
        return ("aeiou".indexOf(title.charAt(0)) >= 0 ? "an " : "a ") + title;
    }

    /** The layout version this library writes and reads. */
    public int version() {
        return version;
    }

    /** The magic word this library writes for the kind: code and version. */
    public int magic() {
        return code << 16 | version;
    }

    /** The shared memory object's stored name for the structure named {@code name}. */
    public String storedName(String name) {
        return IpcNames.reserved(tag, name);
    }

    /** The kind whose magic has this code in its high half, or null. */
    public static StructureKind byMagic(int magic) {
        for (StructureKind k : values()) {
            if (k.code == magic >>> 16) {
                return k;
            }
        }
        return null;
    }

    /** The kind whose stored names use this tag, or null. */
    public static StructureKind byTag(String tag) {
        for (StructureKind k : values()) {
            if (k.tag.equals(tag)) {
                return k;
            }
        }
        return null;
    }
}
