/* The provider's owner-only security descriptor (owner: the user's SID; DACL: one ACE granting that
 * SID GENERIC_ALL) lets the user open the object with full rights, and GetSecurityInfo reads the
 * owner back. The same descriptor granting another SID instead keeps this user out
 * (ERROR_ACCESS_DENIED): the DACL is enforced on kernel objects. */
#include "check.h"

int main(int argc, char **argv) {
    DWORD run = run_id(argc, argv);
    wchar_t mine[128], theirs[128];
    object_name(mine, 128, L"Local\\", run, "dacl-mine");
    object_name(theirs, 128, L"Local\\", run, "dacl-theirs");
    PSID me = current_user_sid();
    HANDLE m = CreateFileMappingW(INVALID_HANDLE_VALUE, only_sid_may_use(me), PAGE_READWRITE, 0, 4096, mine);
    REQUIRE(m != NULL, "CreateFileMappingW, user-only");
    HANDLE opened = OpenFileMappingW(FILE_MAP_ALL_ACCESS, FALSE, mine);
    EXPECT(opened != NULL, "the user could not open its own user-only mapping (%lu)", GetLastError());

    PSID owner = NULL;
    PSECURITY_DESCRIPTOR sd = NULL;
    DWORD r = GetSecurityInfo(opened, SE_KERNEL_OBJECT, OWNER_SECURITY_INFORMATION, &owner, NULL, NULL, NULL, &sd);
    EXPECT(r == ERROR_SUCCESS && owner != NULL && EqualSid(owner, me), "the owner read back is not the user (%lu)", r);
    LocalFree(sd);

    PSID other = sid_from_string(L"S-1-5-21-1004336348-1177238915-682003330-4242");
    HANDLE t = CreateFileMappingW(INVALID_HANDLE_VALUE, only_sid_may_use(other), PAGE_READWRITE, 0, 4096, theirs);
    REQUIRE(t != NULL, "CreateFileMappingW, another SID's");
    HANDLE denied = OpenFileMappingW(FILE_MAP_WRITE, FALSE, theirs);
    DWORD e = GetLastError();
    CloseHandle(t);
    CloseHandle(opened);
    CloseHandle(m);
    EXPECT(denied == NULL && e == ERROR_ACCESS_DENIED, "a mapping whose DACL grants only another SID opened (error %lu)", e);
    return documented("user-only DACL: the user opens it and is its owner; another SID's DACL: ERROR_ACCESS_DENIED");
}
