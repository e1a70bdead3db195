package io.ffmipc.windows.ffi;

import io.ffmipc.ffi.NativeBinder;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The advapi32 binding: one downcall handle per function {@link Advapi32Abi} declares, behind a
 * static method of the C function's name in lower camel case (see {@link Kernel32} for the
 * conventions). Initialising it links advapi32: Windows only.
 */
public final class Advapi32 {
    private Advapi32() {
    }

    static final NativeBinder BINDER = WindowsLibrary.binder("advapi32.dll");

    private static final MethodHandle OpenProcessToken = BINDER.bind(Advapi32Abi.OPEN_PROCESS_TOKEN);
    private static final MethodHandle GetTokenInformation = BINDER.bind(Advapi32Abi.GET_TOKEN_INFORMATION);
    private static final MethodHandle GetLengthSid = BINDER.bind(Advapi32Abi.GET_LENGTH_SID);
    private static final MethodHandle CopySid = BINDER.bind(Advapi32Abi.COPY_SID);
    private static final MethodHandle EqualSid = BINDER.bind(Advapi32Abi.EQUAL_SID);
    private static final MethodHandle ConvertSidToStringSidW = BINDER.bind(Advapi32Abi.CONVERT_SID_TO_STRING_SID_W);
    private static final MethodHandle ConvertStringSidToSidW = BINDER.bind(Advapi32Abi.CONVERT_STRING_SID_TO_SID_W);
    private static final MethodHandle LookupAccountSidW = BINDER.bind(Advapi32Abi.LOOKUP_ACCOUNT_SID_W);
    private static final MethodHandle InitializeSecurityDescriptor =
            BINDER.bind(Advapi32Abi.INITIALIZE_SECURITY_DESCRIPTOR);
    private static final MethodHandle SetSecurityDescriptorOwner =
            BINDER.bind(Advapi32Abi.SET_SECURITY_DESCRIPTOR_OWNER);
    private static final MethodHandle SetSecurityDescriptorDacl = BINDER.bind(Advapi32Abi.SET_SECURITY_DESCRIPTOR_DACL);
    private static final MethodHandle InitializeAcl = BINDER.bind(Advapi32Abi.INITIALIZE_ACL);
    private static final MethodHandle AddAccessAllowedAce = BINDER.bind(Advapi32Abi.ADD_ACCESS_ALLOWED_ACE);
    private static final MethodHandle GetSecurityInfo = BINDER.bind(Advapi32Abi.GET_SECURITY_INFO);
    private static final MethodHandle ConvertStringSecurityDescriptorToSecurityDescriptorW =
            BINDER.bind(Advapi32Abi.CONVERT_STRING_SECURITY_DESCRIPTOR_TO_SECURITY_DESCRIPTOR_W);
    private static final MethodHandle ConvertSecurityDescriptorToStringSecurityDescriptorW =
            BINDER.bind(Advapi32Abi.CONVERT_SECURITY_DESCRIPTOR_TO_STRING_SECURITY_DESCRIPTOR_W);
    private static final MethodHandle LookupPrivilegeValueW = BINDER.bind(Advapi32Abi.LOOKUP_PRIVILEGE_VALUE_W);
    private static final MethodHandle PrivilegeCheck = BINDER.bind(Advapi32Abi.PRIVILEGE_CHECK);

    public static int openProcessToken(MemorySegment state, MemorySegment ProcessHandle, int DesiredAccess,
            MemorySegment TokenHandle) {
        try {
            return (int) OpenProcessToken.invokeExact(state, ProcessHandle, DesiredAccess, TokenHandle);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int getTokenInformation(MemorySegment state, MemorySegment TokenHandle, int TokenInformationClass,
            MemorySegment TokenInformation, int TokenInformationLength, MemorySegment ReturnLength) {
        try {
            return (int) GetTokenInformation.invokeExact(state, TokenHandle, TokenInformationClass, TokenInformation,
                    TokenInformationLength, ReturnLength);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int getLengthSid(MemorySegment pSid) {
        try {
            return (int) GetLengthSid.invokeExact(pSid);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int copySid(MemorySegment state, int nDestinationSidLength, MemorySegment pDestinationSid,
            MemorySegment pSourceSid) {
        try {
            return (int) CopySid.invokeExact(state, nDestinationSidLength, pDestinationSid, pSourceSid);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int equalSid(MemorySegment state, MemorySegment pSid1, MemorySegment pSid2) {
        try {
            return (int) EqualSid.invokeExact(state, pSid1, pSid2);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int convertSidToStringSidW(MemorySegment state, MemorySegment Sid, MemorySegment StringSid) {
        try {
            return (int) ConvertSidToStringSidW.invokeExact(state, Sid, StringSid);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int convertStringSidToSidW(MemorySegment state, MemorySegment StringSid, MemorySegment Sid) {
        try {
            return (int) ConvertStringSidToSidW.invokeExact(state, StringSid, Sid);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int lookupAccountSidW(MemorySegment state, MemorySegment lpSystemName, MemorySegment Sid,
            MemorySegment Name, MemorySegment cchName, MemorySegment ReferencedDomainName,
            MemorySegment cchReferencedDomainName, MemorySegment peUse) {
        try {
            return (int) LookupAccountSidW.invokeExact(state, lpSystemName, Sid, Name, cchName, ReferencedDomainName,
                    cchReferencedDomainName, peUse);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int initializeSecurityDescriptor(MemorySegment state, MemorySegment pSecurityDescriptor,
            int dwRevision) {
        try {
            return (int) InitializeSecurityDescriptor.invokeExact(state, pSecurityDescriptor, dwRevision);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int setSecurityDescriptorOwner(MemorySegment state, MemorySegment pSecurityDescriptor,
            MemorySegment pOwner, int bOwnerDefaulted) {
        try {
            return (int) SetSecurityDescriptorOwner.invokeExact(state, pSecurityDescriptor, pOwner, bOwnerDefaulted);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int setSecurityDescriptorDacl(MemorySegment state, MemorySegment pSecurityDescriptor,
            int bDaclPresent, MemorySegment pDacl, int bDaclDefaulted) {
        try {
            return (int) SetSecurityDescriptorDacl.invokeExact(state, pSecurityDescriptor, bDaclPresent, pDacl,
                    bDaclDefaulted);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int initializeAcl(MemorySegment state, MemorySegment pAcl, int nAclLength, int dwAclRevision) {
        try {
            return (int) InitializeAcl.invokeExact(state, pAcl, nAclLength, dwAclRevision);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int addAccessAllowedAce(MemorySegment state, MemorySegment pAcl, int dwAceRevision, int AccessMask,
            MemorySegment pSid) {
        try {
            return (int) AddAccessAllowedAce.invokeExact(state, pAcl, dwAceRevision, AccessMask, pSid);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int getSecurityInfo(MemorySegment handle, int ObjectType, int SecurityInfo,
            MemorySegment ppsidOwner, MemorySegment ppsidGroup, MemorySegment ppDacl, MemorySegment ppSacl,
            MemorySegment ppSecurityDescriptor) {
        try {
            return (int) GetSecurityInfo.invokeExact(handle, ObjectType, SecurityInfo, ppsidOwner, ppsidGroup, ppDacl,
                    ppSacl, ppSecurityDescriptor);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int convertStringSecurityDescriptorToSecurityDescriptorW(MemorySegment state,
            MemorySegment StringSecurityDescriptor, int StringSDRevision, MemorySegment SecurityDescriptor,
            MemorySegment SecurityDescriptorSize) {
        try {
            return (int) ConvertStringSecurityDescriptorToSecurityDescriptorW.invokeExact(state,
                    StringSecurityDescriptor, StringSDRevision, SecurityDescriptor, SecurityDescriptorSize);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int convertSecurityDescriptorToStringSecurityDescriptorW(MemorySegment state,
            MemorySegment SecurityDescriptor, int RequestedStringSDRevision, int SecurityInformation,
            MemorySegment StringSecurityDescriptor, MemorySegment StringSecurityDescriptorLen) {
        try {
            return (int) ConvertSecurityDescriptorToStringSecurityDescriptorW.invokeExact(state, SecurityDescriptor,
                    RequestedStringSDRevision, SecurityInformation, StringSecurityDescriptor,
                    StringSecurityDescriptorLen);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int lookupPrivilegeValueW(MemorySegment state, MemorySegment lpSystemName, MemorySegment lpName,
            MemorySegment lpLuid) {
        try {
            return (int) LookupPrivilegeValueW.invokeExact(state, lpSystemName, lpName, lpLuid);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int privilegeCheck(MemorySegment state, MemorySegment ClientToken, MemorySegment RequiredPrivileges,
            MemorySegment pfResult) {
        try {
            return (int) PrivilegeCheck.invokeExact(state, ClientToken, RequiredPrivileges, pfResult);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }
}
