package io.ffmipc.spi;

import java.util.Objects;

/**
 * The user an OS object belongs to, as the OS records it: a POSIX uid ({@code uid:1000}) or a
 * Windows SID ({@code S-1-5-21-…}). Two owners are the same user exactly when their {@link #id}s
 * are equal; {@link #description} is for messages ({@code uid 1000 (alice)}).
 *
 * @param id          the OS's identity of the user, comparable across processes of one machine
 * @param description how messages name the user
 */
public record ObjectOwner(String id, String description) {
    /** Both parts are required. */
    public ObjectOwner {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
    }

    /** A POSIX user by uid. */
    public static ObjectOwner posix(long uid) {
        return new ObjectOwner("uid:" + uid, "uid " + uid);
    }

    /** Whether this is the same user as {@code other}. */
    public boolean sameUser(ObjectOwner other) {
        return other != null && id.equals(other.id);
    }

    @Override
    public String toString() {
        return description;
    }
}
