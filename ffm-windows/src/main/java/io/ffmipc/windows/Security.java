package io.ffmipc.windows;

import io.ffmipc.IpcException;
import io.ffmipc.Permissions;
import io.ffmipc.ffi.NativeBinder;
import io.ffmipc.spi.ObjectOwner;
import io.ffmipc.windows.ffi.Advapi32;
import io.ffmipc.windows.ffi.Advapi32Abi;
import io.ffmipc.windows.ffi.Kernel32;
import io.ffmipc.windows.ffi.Kernel32Abi;
import io.ffmipc.windows.ffi.WinError;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Users and security descriptors through advapi32: this process's user (the token's), the owner of
 * an opened object, the descriptors created objects get ({@link Sddl}), account names for
 * messages. Windows only.
 */
final class Security {
    /** GetSecurityInfo's object type for kernel objects (sections, semaphores, mutexes) and pipes. */
    static final int KERNEL_OBJECT = Advapi32Abi.SE_KERNEL_OBJECT.intValue();
    /** GetSecurityInfo's object type for files. */
    static final int FILE_OBJECT = Advapi32Abi.SE_FILE_OBJECT.intValue();
    private static final String OWNER_PREFIX = "sid:";

    private final String userSid;
    private volatile String groupSid;

    private Security(String userSid) {
        this.userSid = userSid;
    }

    /** This process's user, read once from its token. */
    static Security ofThisProcess() {
        return new Security(tokenSid(Kernel32.getCurrentProcess(), Advapi32Abi.TOKEN_USER_CLASS.intValue(), "this process"));
    }

    String userSid() {
        return userSid;
    }

    /** This process's user as an owner. */
    ObjectOwner user() {
        return owner(userSid);
    }

    static ObjectOwner owner(String sid) {
        return new ObjectOwner(OWNER_PREFIX + sid, sid);
    }

    /** The SID in an owner's id, or null for an owner that is no SID. */
    static String sidOf(ObjectOwner owner) {
        return owner.id().startsWith(OWNER_PREFIX) ? owner.id().substring(OWNER_PREFIX.length()) : null;
    }

    /** The token's primary group (the group bits of a mode grant it), read when first needed. */
    String groupSid() {
        String g = groupSid;
        if (g == null) {
            g = tokenSid(Kernel32.getCurrentProcess(), Advapi32Abi.TOKEN_PRIMARY_GROUP_CLASS.intValue(), "this process");
            groupSid = g;
        }
        return g;
    }

    /** The SDDL an object created with {@code permissions} gets. */
    String sddl(Permissions permissions) {
        return Sddl.forCreate(permissions, userSid, this::groupSid);
    }

    /**
     * A SECURITY_ATTRIBUTES (handles not inheritable) with the descriptor of {@code sddl}, allocated
     * in {@code arena}; the descriptor itself is LocalAlloc'ed and freed when {@code arena} closes.
     */
    static MemorySegment attributes(Arena arena, String sddl) {
        MemorySegment st = NativeBinder.callState();
        MemorySegment out = arena.allocate(ValueLayout.ADDRESS);
        if (Advapi32.convertStringSecurityDescriptorToSecurityDescriptorW(st, Win32.wide(arena, sddl),
                Advapi32Abi.SDDL_REVISION_1.intValue(), out, MemorySegment.NULL) == 0) {
            throw Win32.error("ConvertStringSecurityDescriptorToSecurityDescriptorW", sddl, st);
        }
        // freed (LocalFree) when the arena closes, after the call that used it
        MemorySegment sd = out.get(ValueLayout.ADDRESS, 0)
                .reinterpret(arena, p -> Kernel32.localFree(NativeBinder.callState(), p));
        MemorySegment sa = arena.allocate(Kernel32Abi.SECURITY_ATTRIBUTES.layout());
        sa.set(ValueLayout.JAVA_INT, Kernel32Abi.SECURITY_ATTRIBUTES.offset("nLength"), (int) sa.byteSize());
        sa.set(ValueLayout.ADDRESS, Kernel32Abi.SECURITY_ATTRIBUTES.offset("lpSecurityDescriptor"), sd);
        sa.set(ValueLayout.JAVA_INT, Kernel32Abi.SECURITY_ATTRIBUTES.offset("bInheritHandle"), Win32.FALSE);
        return sa;
    }

    /** SECURITY_ATTRIBUTES for an object created by this user with {@code permissions}. */
    MemorySegment attributes(Arena arena, Permissions permissions) {
        return attributes(arena, sddl(permissions));
    }

    /**
     * The owner of an opened object (the handle needs READ_CONTROL), or null where the object keeps
     * none (Wine keeps no security for mailslots); the owner check refuses such an object unless the
     * caller accepts another owner, and says why.
     */
    static ObjectOwner ownerOf(MemorySegment handle, int objectType, String label) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment owner = a.allocate(ValueLayout.ADDRESS);
            MemorySegment sd = a.allocate(ValueLayout.ADDRESS);
            int r = Advapi32.getSecurityInfo(handle, objectType, Advapi32Abi.OWNER_SECURITY_INFORMATION.intValue(),
                    owner, MemorySegment.NULL, MemorySegment.NULL, MemorySegment.NULL, sd);
            if (r != 0) {
                throw WinError.exception("GetSecurityInfo", label, r, "reading the owner of the opened object");
            }
            try {
                MemorySegment sid = owner.get(ValueLayout.ADDRESS, 0);
                return sid.address() == 0 ? null : owner(sidString(sid, label));
            } finally {
                Kernel32.localFree(NativeBinder.callState(), sd.get(ValueLayout.ADDRESS, 0));
            }
        }
    }

    /** The DACL of an opened object as SDDL ({@code D:P(A;;GA;;;S-…)}); the handle needs READ_CONTROL. */
    static String daclOf(MemorySegment handle, int objectType, String label) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment sd = a.allocate(ValueLayout.ADDRESS);
            int info = Advapi32Abi.DACL_SECURITY_INFORMATION.intValue();
            int r = Advapi32.getSecurityInfo(handle, objectType, info, MemorySegment.NULL, MemorySegment.NULL,
                    a.allocate(ValueLayout.ADDRESS), MemorySegment.NULL, sd);
            if (r != 0) {
                throw WinError.exception("GetSecurityInfo", label, r, "reading the DACL of the opened object");
            }
            MemorySegment descriptor = sd.get(ValueLayout.ADDRESS, 0);
            try {
                MemorySegment st = NativeBinder.callState();
                MemorySegment text = a.allocate(ValueLayout.ADDRESS);
                if (Advapi32.convertSecurityDescriptorToStringSecurityDescriptorW(st, descriptor,
                        Advapi32Abi.SDDL_REVISION_1.intValue(), info, text, MemorySegment.NULL) == 0) {
                    throw Win32.error("ConvertSecurityDescriptorToStringSecurityDescriptorW", label, st);
                }
                MemorySegment p = text.get(ValueLayout.ADDRESS, 0);
                try {
                    return Win32.wideString(p);
                } finally {
                    Kernel32.localFree(NativeBinder.callState(), p);
                }
            } finally {
                Kernel32.localFree(NativeBinder.callState(), descriptor);
            }
        }
    }

    /** The user of another process (its token's), or null if this process may not ask. */
    static String userOfProcess(long pid) {
        MemorySegment st = NativeBinder.callState();
        MemorySegment process = Kernel32.openProcess(st, Kernel32Abi.PROCESS_QUERY_LIMITED_INFORMATION.intValue(),
                Win32.FALSE, (int) pid);
        if (Win32.failed(process)) {
            return null;
        }
        try {
            return tokenSid(process, Advapi32Abi.TOKEN_USER_CLASS.intValue(), "process " + pid);
        } catch (IpcException denied) {
            return null;
        } finally {
            Win32.closeQuietly(process);
        }
    }

    /** {@code DOMAIN\\user} for a SID, or null where the system has no name for it. */
    static String accountName(String sid) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = NativeBinder.callState();
            MemorySegment psid = a.allocate(ValueLayout.ADDRESS);
            if (Advapi32.convertStringSidToSidW(st, Win32.wide(a, sid), psid) == 0) {
                return null;
            }
            MemorySegment p = psid.get(ValueLayout.ADDRESS, 0);
            try {
                int cap = 256;
                MemorySegment name = a.allocate(2L * cap);
                MemorySegment domain = a.allocate(2L * cap);
                MemorySegment nameLen = a.allocateFrom(ValueLayout.JAVA_INT, cap);
                MemorySegment domainLen = a.allocateFrom(ValueLayout.JAVA_INT, cap);
                if (Advapi32.lookupAccountSidW(st, MemorySegment.NULL, p, name, nameLen, domain, domainLen,
                        a.allocate(ValueLayout.JAVA_INT)) == 0) {
                    return null;
                }
                String d = Win32.wideString(domain);
                String n = Win32.wideString(name);
                return d.isEmpty() ? n : d + "\\" + n;
            } finally {
                Kernel32.localFree(NativeBinder.callState(), p);
            }
        }
    }

    /**
     * Whether this process's token holds the privilege, enabled ({@code SeCreateGlobalPrivilege}):
     * what a refused create in {@code Global\} is told.
     */
    static boolean holdsPrivilege(String privilege) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = NativeBinder.callState();
            MemorySegment luid = a.allocate(Advapi32Abi.LUID.layout());
            if (Advapi32.lookupPrivilegeValueW(st, MemorySegment.NULL, Win32.wide(a, privilege), luid) == 0) {
                return false;
            }
            MemorySegment privileges = tokenInformation(a, Kernel32.getCurrentProcess(),
                    Advapi32Abi.TOKEN_PRIVILEGES_CLASS.intValue(), "this process");
            return TokenPrivileges.enabled(privileges, luid.get(ValueLayout.JAVA_LONG_UNALIGNED, 0));
        }
    }

    /** The SID the token of {@code process} gives for TokenUser or TokenPrimaryGroup, as a string. */
    private static String tokenSid(MemorySegment process, int infoClass, String label) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment info = tokenInformation(a, process, infoClass, label);
            // TOKEN_USER starts with SID_AND_ATTRIBUTES.Sid, TOKEN_PRIMARY_GROUP with PrimaryGroup: both a PSID at 0
            return sidString(info.get(ValueLayout.ADDRESS, 0), label);
        }
    }

    /** GetTokenInformation in its two calls (the size, then the data) on the token of {@code process}. */
    private static MemorySegment tokenInformation(Arena a, MemorySegment process, int infoClass, String label) {
        MemorySegment st = NativeBinder.callState();
        MemorySegment token = a.allocate(ValueLayout.ADDRESS);
        if (Advapi32.openProcessToken(st, process, Advapi32Abi.TOKEN_QUERY.intValue(), token) == 0) {
            throw Win32.error("OpenProcessToken", label, st);
        }
        MemorySegment t = token.get(ValueLayout.ADDRESS, 0);
        try {
            MemorySegment size = a.allocate(ValueLayout.JAVA_INT);
            Advapi32.getTokenInformation(st, t, infoClass, MemorySegment.NULL, 0, size);
            int n = size.get(ValueLayout.JAVA_INT, 0);
            if (n <= 0) {
                throw Win32.error("GetTokenInformation", label, st, "asking for the size of token information " + infoClass);
            }
            MemorySegment info = a.allocate(n, 8);
            if (Advapi32.getTokenInformation(st, t, infoClass, info, n, size) == 0) {
                throw Win32.error("GetTokenInformation", label, st);
            }
            return info;
        } finally {
            Win32.closeQuietly(t);
        }
    }

    private static String sidString(MemorySegment sid, String label) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = NativeBinder.callState();
            MemorySegment text = a.allocate(ValueLayout.ADDRESS);
            if (Advapi32.convertSidToStringSidW(st, sid, text) == 0) {
                throw Win32.error("ConvertSidToStringSidW", label, st);
            }
            MemorySegment p = text.get(ValueLayout.ADDRESS, 0);
            try {
                return Win32.wideString(p);
            } finally {
                Kernel32.localFree(NativeBinder.callState(), p);
            }
        }
    }
}
