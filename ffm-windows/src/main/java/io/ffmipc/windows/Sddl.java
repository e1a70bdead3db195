package io.ffmipc.windows;

import io.ffmipc.Permissions;

import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The security descriptors the provider gives what it creates, written as SDDL text (Microsoft's
 * Security Descriptor Definition Language) and turned into a descriptor by
 * ConvertStringSecurityDescriptorToSecurityDescriptorW. Text, so that what every object gets is
 * tested here, on any OS.
 *
 * <p>Every descriptor names the current user's SID as owner ({@code O:}): without it, the owner is
 * the token's default owner, which may be a group (an elevated administrator's objects belong to
 * Administrators), and the owner check compares users. The DACL is protected ({@code D:P}: nothing
 * inherited) and grants, per class of the POSIX mode:
 * <ul>
 *   <li>the owner (the user's SID): read and write ({@code rw-}) give {@code GA} (every right,
 *       including changing the DACL, as a POSIX owner may chmod); read alone {@code GRGX}, write alone
 *       {@code GWGX};</li>
 *   <li>the group bits: the token's primary group SID; the other bits: Everyone ({@code WD});
 *       read and write give {@code GRGWGX}, read {@code GRGX}, write {@code GWGX}. Execute
 *       ({@code GX}) maps to SYNCHRONIZE for semaphores, mutexes and events: waiting needs it.</li>
 * </ul>
 * The OWNER RIGHTS SID is not used: not every implementation honours it (Wine 8 denies the owner).
 * The default ({@link Permissions#OWNER_ONLY}, 0600) is {@code O:<user>D:P(A;;GA;;;<user>)}.
 */
final class Sddl {
    private static final Pattern SID = Pattern.compile("S-1(-[0-9]+){1,15}");

    private Sddl() {
    }

    /**
     * The descriptor of an object created with {@code permissions} by {@code userSid}.
     *
     * @param groupSid the token's primary group, asked for only if the mode has group bits
     */
    static String forCreate(Permissions permissions, String userSid, Supplier<String> groupSid) {
        int mode = permissions.mode();
        StringBuilder s = new StringBuilder("O:").append(sid(userSid)).append("D:P");
        ace(s, ownerRights((mode >> 6) & 7), userSid);
        int group = (mode >> 3) & 7;
        if ((group & 6) != 0) {
            ace(s, otherRights(group), sid(groupSid.get()));
        }
        ace(s, otherRights(mode & 7), "WD");
        return s.toString();
    }

    /**
     * A descriptor owned by {@code userSid} with the DACL of another object's descriptor, as
     * ConvertSecurityDescriptorToStringSecurityDescriptorW wrote it for DACL_SECURITY_INFORMATION
     * ({@code D:P(A;;GA;;;S-1-5-21-…)}).
     */
    static String withOwner(String userSid, String daclSddl) {
        if (daclSddl == null || !daclSddl.startsWith("D:")) {
            throw new IllegalArgumentException("not the SDDL of a DACL: " + daclSddl);
        }
        return "O:" + sid(userSid) + daclSddl;
    }

    /** The SDDL rights of the owner for a POSIX permission triplet; null for none. */
    static String ownerRights(int triplet) {
        return (triplet & 6) == 6 ? "GA" : otherRights(triplet);
    }

    /** The SDDL rights of the group or others for a POSIX permission triplet; null for none. */
    static String otherRights(int triplet) {
        boolean r = (triplet & 4) != 0;
        boolean w = (triplet & 2) != 0;
        return r && w ? "GRGWGX" : r ? "GRGX" : w ? "GWGX" : null;
    }

    private static void ace(StringBuilder s, String rights, String trustee) {
        if (rights != null) {
            s.append("(A;;").append(rights).append(";;;").append(trustee).append(')');
        }
    }

    /** A SID in its string form, checked, so that nothing but a SID reaches the descriptor text. */
    static String sid(String sid) {
        if (sid == null || !SID.matcher(sid).matches()) {
            throw new IllegalArgumentException("not a SID: " + sid);
        }
        return sid;
    }
}
