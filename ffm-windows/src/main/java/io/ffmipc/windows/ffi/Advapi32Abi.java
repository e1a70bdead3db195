package io.ffmipc.windows.ffi;

import io.ffmipc.ffi.CConstant;
import io.ffmipc.ffi.CEnumerator;
import io.ffmipc.ffi.CFunction;
import io.ffmipc.ffi.CStruct;
import io.ffmipc.ffi.Target;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * What the Windows provider uses from advapi32, as data (linked by {@link Advapi32} on Windows):
 * the current user's SID from the process token, the owner-only security descriptor built from it,
 * the owner of an opened object (the squatting check), SIDs in words for messages, and the
 * privilege check behind a clear error for {@code Global\} names.
 *
 * <p>The owner-only descriptor: an absolute {@code SECURITY_DESCRIPTOR} (InitializeSecurityDescriptor)
 * whose owner is the user's SID (SetSecurityDescriptorOwner: an elevated administrator's token
 * would otherwise make the Administrators group the owner) and whose DACL holds one ACE granting
 * that SID {@code GENERIC_ALL} (InitializeAcl + AddAccessAllowedAce). The OWNER RIGHTS SID is not
 * used: not every implementation honours it (Wine 8 denies the owner).
 */
public final class Advapi32Abi {
    private Advapi32Abi() {
    }

    private static final Target W = Target.WINDOWS_X64;

    // ---------------------------------------------------------------- the current user
    public static final CFunction OPEN_PROCESS_TOKEN = CFunction.of(
            "BOOL WINAPI OpenProcessToken(HANDLE ProcessHandle, DWORD DesiredAccess, PHANDLE TokenHandle)");
    /** Called twice with TokenUser: first for the size (ERROR_INSUFFICIENT_BUFFER), then for the TOKEN_USER. */
    public static final CFunction GET_TOKEN_INFORMATION = CFunction.of("BOOL WINAPI GetTokenInformation("
            + "HANDLE TokenHandle, TOKEN_INFORMATION_CLASS TokenInformationClass, LPVOID TokenInformation,"
            + " DWORD TokenInformationLength, PDWORD ReturnLength)");

    public static final CConstant TOKEN_QUERY = CConstant.of("TOKEN_QUERY", 0x0008);
    @CEnumerator
    public static final CConstant TOKEN_USER_CLASS = CConstant.of("TokenUser", 1);
    /** The privileges of the token, to say whether SeCreateGlobalPrivilege is what a Global\ create lacked. */
    @CEnumerator
    public static final CConstant TOKEN_PRIVILEGES_CLASS = CConstant.of("TokenPrivileges", 3);
    /** The token's primary group: the SID the group bits of a permission mode grant. */
    @CEnumerator
    public static final CConstant TOKEN_PRIMARY_GROUP_CLASS = CConstant.of("TokenPrimaryGroup", 5);

    public static final CConstant SE_PRIVILEGE_ENABLED_BY_DEFAULT = CConstant.of("SE_PRIVILEGE_ENABLED_BY_DEFAULT", 0x1);
    public static final CConstant SE_PRIVILEGE_ENABLED = CConstant.of("SE_PRIVILEGE_ENABLED", 0x2);

    // ---------------------------------------------------------------- SIDs
    /** Undefined for an invalid SID, and sets no error: only called on SIDs the system returned. */
    public static final CFunction GET_LENGTH_SID = CFunction.noErrno("DWORD WINAPI GetLengthSid(PSID pSid)");
    public static final CFunction COPY_SID = CFunction.of(
            "BOOL WINAPI CopySid(DWORD nDestinationSidLength, PSID pDestinationSid, PSID pSourceSid)");
    public static final CFunction EQUAL_SID = CFunction.of("BOOL WINAPI EqualSid(PSID pSid1, PSID pSid2)");
    /** {@code S-1-5-21-…} for messages; the string is freed with LocalFree. */
    public static final CFunction CONVERT_SID_TO_STRING_SID_W = CFunction.of(
            "BOOL WINAPI ConvertSidToStringSidW(PSID Sid, LPWSTR *StringSid)");
    /** The SID of an owner the messages name by its string form, for LookupAccountSidW; freed with LocalFree. */
    public static final CFunction CONVERT_STRING_SID_TO_SID_W = CFunction.of(
            "BOOL WINAPI ConvertStringSidToSidW(LPCWSTR StringSid, PSID *Sid)");
    /** {@code DOMAIN\\user} for messages that name an object's owner. */
    public static final CFunction LOOKUP_ACCOUNT_SID_W = CFunction.of("BOOL WINAPI LookupAccountSidW(LPCWSTR lpSystemName,"
            + " PSID Sid, LPWSTR Name, LPDWORD cchName, LPWSTR ReferencedDomainName, LPDWORD cchReferencedDomainName,"
            + " PSID_NAME_USE peUse)");

    /** Enough for any SID: buffers for a copied SID use it. */
    public static final CConstant SECURITY_MAX_SID_SIZE = CConstant.of("SECURITY_MAX_SID_SIZE", 68);

    public static final CStruct SID_AND_ATTRIBUTES = CStruct.of("SID_AND_ATTRIBUTES", MemoryLayout.structLayout(
            ADDRESS.withName("Sid"),
            JAVA_INT.withName("Attributes"),
            MemoryLayout.paddingLayout(4)), W);

    /** What GetTokenInformation(TokenUser) writes; {@code User.Sid} points into the same buffer. */
    public static final CStruct TOKEN_USER = CStruct.of("TOKEN_USER", MemoryLayout.structLayout(
            SID_AND_ATTRIBUTES.layout(W).withName("User")), W);

    /** What GetTokenInformation(TokenPrimaryGroup) writes; the SID points into the same buffer. */
    public static final CStruct TOKEN_PRIMARY_GROUP = CStruct.of("TOKEN_PRIMARY_GROUP", MemoryLayout.structLayout(
            ADDRESS.withName("PrimaryGroup")), W);

    // ---------------------------------------------------------------- the owner-only security descriptor
    public static final CFunction INITIALIZE_SECURITY_DESCRIPTOR = CFunction.of(
            "BOOL WINAPI InitializeSecurityDescriptor(PSECURITY_DESCRIPTOR pSecurityDescriptor, DWORD dwRevision)");
    public static final CFunction SET_SECURITY_DESCRIPTOR_OWNER = CFunction.of("BOOL WINAPI SetSecurityDescriptorOwner("
            + "PSECURITY_DESCRIPTOR pSecurityDescriptor, PSID pOwner, BOOL bOwnerDefaulted)");
    public static final CFunction SET_SECURITY_DESCRIPTOR_DACL = CFunction.of("BOOL WINAPI SetSecurityDescriptorDacl("
            + "PSECURITY_DESCRIPTOR pSecurityDescriptor, BOOL bDaclPresent, PACL pDacl, BOOL bDaclDefaulted)");
    public static final CFunction INITIALIZE_ACL = CFunction.of(
            "BOOL WINAPI InitializeAcl(PACL pAcl, DWORD nAclLength, DWORD dwAclRevision)");
    public static final CFunction ADD_ACCESS_ALLOWED_ACE = CFunction.of(
            "BOOL WINAPI AddAccessAllowedAce(PACL pAcl, DWORD dwAceRevision, DWORD AccessMask, PSID pSid)");

    public static final CConstant SECURITY_DESCRIPTOR_REVISION = CConstant.of("SECURITY_DESCRIPTOR_REVISION", 1);
    /** The size of an absolute SECURITY_DESCRIPTOR, what InitializeSecurityDescriptor fills. */
    public static final CConstant SECURITY_DESCRIPTOR_MIN_LENGTH = CConstant.of("SECURITY_DESCRIPTOR_MIN_LENGTH", 40);
    public static final CConstant ACL_REVISION = CConstant.of("ACL_REVISION", 2);

    public static final CStruct ACL = CStruct.of("ACL", MemoryLayout.structLayout(
            JAVA_BYTE.withName("AclRevision"),
            JAVA_BYTE.withName("Sbz1"),
            JAVA_SHORT.withName("AclSize"),
            JAVA_SHORT.withName("AceCount"),
            JAVA_SHORT.withName("Sbz2")), W);

    private static final StructLayout ACE_HEADER_LAYOUT = MemoryLayout.structLayout(
            JAVA_BYTE.withName("AceType"),
            JAVA_BYTE.withName("AceFlags"),
            JAVA_SHORT.withName("AceSize"));

    public static final CStruct ACE_HEADER = CStruct.of("ACE_HEADER", ACE_HEADER_LAYOUT, W);

    /**
     * The SID starts at {@code SidStart}, so an ACL for one ACE needs
     * {@code sizeof(ACL) + sizeof(ACCESS_ALLOWED_ACE) - sizeof(DWORD) + GetLengthSid(sid)} bytes.
     */
    public static final CStruct ACCESS_ALLOWED_ACE = CStruct.of("ACCESS_ALLOWED_ACE", MemoryLayout.structLayout(
            ACE_HEADER_LAYOUT.withName("Header"),
            JAVA_INT.withName("Mask"),
            JAVA_INT.withName("SidStart")), W);

    /**
     * The provider builds every security descriptor from SDDL text ({@code O:<user>D:P(A;;GA;;;<user>)}),
     * which its Java code writes and its tests read: a self-relative descriptor, freed with LocalFree.
     */
    public static final CFunction CONVERT_STRING_SECURITY_DESCRIPTOR_TO_SECURITY_DESCRIPTOR_W = CFunction.of(
            "BOOL WINAPI ConvertStringSecurityDescriptorToSecurityDescriptorW(LPCWSTR StringSecurityDescriptor,"
                    + " DWORD StringSDRevision, PSECURITY_DESCRIPTOR *SecurityDescriptor, PULONG SecurityDescriptorSize)");
    /**
     * The DACL of a shared-memory object as SDDL, so the kernel objects of its wait words get the same
     * one (whoever may use the memory may wait on it); the string is freed with LocalFree.
     */
    public static final CFunction CONVERT_SECURITY_DESCRIPTOR_TO_STRING_SECURITY_DESCRIPTOR_W = CFunction.of(
            "BOOL WINAPI ConvertSecurityDescriptorToStringSecurityDescriptorW(PSECURITY_DESCRIPTOR SecurityDescriptor,"
                    + " DWORD RequestedStringSDRevision, SECURITY_INFORMATION SecurityInformation,"
                    + " LPWSTR *StringSecurityDescriptor, PULONG StringSecurityDescriptorLen)");
    public static final CConstant SDDL_REVISION_1 = CConstant.of("SDDL_REVISION_1", 1);

    // ---------------------------------------------------------------- the owner of an opened object
    /**
     * Returns the error code itself (ERROR_SUCCESS or a Win32 error) rather than setting it; the
     * owner SID points into the returned descriptor, freed with LocalFree. The handle needs READ_CONTROL.
     */
    public static final CFunction GET_SECURITY_INFO = CFunction.noErrno("DWORD WINAPI GetSecurityInfo(HANDLE handle,"
            + " SE_OBJECT_TYPE ObjectType, SECURITY_INFORMATION SecurityInfo, PSID *ppsidOwner, PSID *ppsidGroup,"
            + " PACL *ppDacl, PACL *ppSacl, PSECURITY_DESCRIPTOR *ppSecurityDescriptor)");

    /** Files, and the file-system objects named pipes and mailslots are. */
    @CEnumerator
    public static final CConstant SE_FILE_OBJECT = CConstant.of("SE_FILE_OBJECT", 1);
    /** Sections (file mappings), semaphores, mutexes, events. */
    @CEnumerator
    public static final CConstant SE_KERNEL_OBJECT = CConstant.of("SE_KERNEL_OBJECT", 6);
    public static final CConstant OWNER_SECURITY_INFORMATION = CConstant.of("OWNER_SECURITY_INFORMATION", 0x1);
    public static final CConstant DACL_SECURITY_INFORMATION = CConstant.of("DACL_SECURITY_INFORMATION", 0x4);

    // ---------------------------------------------------------------- Global\ names need SeCreateGlobalPrivilege
    /** {@code LookupPrivilegeValueW(NULL, L"SeCreateGlobalPrivilege", &luid)}. */
    public static final CFunction LOOKUP_PRIVILEGE_VALUE_W = CFunction.of(
            "BOOL WINAPI LookupPrivilegeValueW(LPCWSTR lpSystemName, LPCWSTR lpName, PLUID lpLuid)");
    public static final CFunction PRIVILEGE_CHECK = CFunction.of(
            "BOOL WINAPI PrivilegeCheck(HANDLE ClientToken, PPRIVILEGE_SET RequiredPrivileges, LPBOOL pfResult)");

    public static final CConstant PRIVILEGE_SET_ALL_NECESSARY = CConstant.of("PRIVILEGE_SET_ALL_NECESSARY", 1);

    private static final StructLayout LUID_LAYOUT = MemoryLayout.structLayout(
            JAVA_INT.withName("LowPart"),
            JAVA_INT.withName("HighPart"));

    public static final CStruct LUID = CStruct.of("LUID", LUID_LAYOUT, W);

    private static final StructLayout LUID_AND_ATTRIBUTES_LAYOUT = MemoryLayout.structLayout(
            LUID_LAYOUT.withName("Luid"),
            JAVA_INT.withName("Attributes"));

    public static final CStruct LUID_AND_ATTRIBUTES = CStruct.of("LUID_AND_ATTRIBUTES", LUID_AND_ATTRIBUTES_LAYOUT, W);

    /**
     * What GetTokenInformation(TokenPrivileges) writes: the count, then that many entries (the header
     * declares {@code Privileges[ANYSIZE_ARRAY]}, ANYSIZE_ARRAY being 1).
     */
    public static final CStruct TOKEN_PRIVILEGES = CStruct.of("TOKEN_PRIVILEGES", MemoryLayout.structLayout(
            JAVA_INT.withName("PrivilegeCount"),
            MemoryLayout.sequenceLayout(1, LUID_AND_ATTRIBUTES_LAYOUT).withName("Privileges")), W);

    /** With one privilege: the header declares {@code Privilege[ANYSIZE_ARRAY]}, ANYSIZE_ARRAY being 1. */
    public static final CStruct PRIVILEGE_SET = CStruct.of("PRIVILEGE_SET", MemoryLayout.structLayout(
            JAVA_INT.withName("PrivilegeCount"),
            JAVA_INT.withName("Control"),
            MemoryLayout.sequenceLayout(1, LUID_AND_ATTRIBUTES_LAYOUT).withName("Privilege")), W);
}
