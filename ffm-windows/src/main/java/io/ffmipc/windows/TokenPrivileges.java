package io.ffmipc.windows;

import io.ffmipc.ffi.Target;
import io.ffmipc.windows.ffi.Advapi32Abi;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Reads a TOKEN_PRIVILEGES buffer (what GetTokenInformation(TokenPrivileges) wrote): a count, then
 * that many LUID_AND_ATTRIBUTES. Pure, so it is tested on any OS with a buffer laid out by the
 * declared struct.
 */
final class TokenPrivileges {
    private static final Target W = Target.WINDOWS_X64;
    private static final long COUNT = Advapi32Abi.TOKEN_PRIVILEGES.layout(W)
            .byteOffset(MemoryLayout.PathElement.groupElement("PrivilegeCount"));
    private static final long FIRST = Advapi32Abi.TOKEN_PRIVILEGES.layout(W)
            .byteOffset(MemoryLayout.PathElement.groupElement("Privileges"));
    private static final long ENTRY = Advapi32Abi.LUID_AND_ATTRIBUTES.layout(W).byteSize();
    private static final long ATTRIBUTES = Advapi32Abi.LUID_AND_ATTRIBUTES.layout(W)
            .byteOffset(MemoryLayout.PathElement.groupElement("Attributes"));
    private static final int ENABLED = (int) Advapi32Abi.SE_PRIVILEGE_ENABLED.value(W);

    private TokenPrivileges() {
    }

    /** Whether the privilege of this LUID (LowPart in the low half) is in the list and enabled. */
    static boolean enabled(MemorySegment tokenPrivileges, long luid) {
        MemorySegment t = tokenPrivileges.reinterpret(Long.MAX_VALUE);
        int count = t.get(ValueLayout.JAVA_INT, COUNT);
        for (int i = 0; i < count; i++) {
            long entry = FIRST + i * ENTRY;
            if (t.get(ValueLayout.JAVA_LONG_UNALIGNED, entry) == luid) {
                return (t.get(ValueLayout.JAVA_INT, entry + ATTRIBUTES) & ENABLED) != 0;
            }
        }
        return false;
    }
}
