/* The provider builds every security descriptor from SDDL text. "O:<user>D:P(A;;GA;;;<user>)" made by
 * ConvertStringSecurityDescriptorToSecurityDescriptorW creates a mapping the user opens with full
 * access and that reads back as the user's; its DACL, written back as SDDL for DACL_SECURITY_INFORMATION
 * (what the wait seam copies to a word's objects), starts "D:" and names the user; the same text granting
 * another SID keeps this user out (ERROR_ACCESS_DENIED). */
#include "check.h"

static SECURITY_ATTRIBUTES *from_sddl(const wchar_t *sddl) {
    PSECURITY_DESCRIPTOR sd = NULL;
    REQUIRE(ConvertStringSecurityDescriptorToSecurityDescriptorW(sddl, SDDL_REVISION_1, &sd, NULL),
            "ConvertStringSecurityDescriptorToSecurityDescriptorW %ls", sddl);
    SECURITY_ATTRIBUTES *sa = (SECURITY_ATTRIBUTES *) malloc(sizeof *sa);
    sa->nLength = sizeof *sa;
    sa->lpSecurityDescriptor = sd;
    sa->bInheritHandle = FALSE;
    return sa;
}

int main(int argc, char **argv) {
    DWORD run = run_id(argc, argv);
    wchar_t mine[128], theirs[128], sddl[512];
    object_name(mine, 128, L"Local\\", run, "sddl-mine");
    object_name(theirs, 128, L"Local\\", run, "sddl-theirs");
    PSID me = current_user_sid();
    wchar_t *user = NULL;
    REQUIRE(ConvertSidToStringSidW(me, &user), "ConvertSidToStringSidW");

    swprintf(sddl, 512, L"O:%lsD:P(A;;GA;;;%ls)", user, user);
    HANDLE m = CreateFileMappingW(INVALID_HANDLE_VALUE, from_sddl(sddl), PAGE_READWRITE | SEC_COMMIT, 0, 4096, mine);
    REQUIRE(m != NULL, "CreateFileMappingW with %ls", sddl);
    HANDLE opened = OpenFileMappingW(FILE_MAP_READ | FILE_MAP_WRITE | READ_CONTROL, FALSE, mine);
    EXPECT(opened != NULL, "the user could not open its own mapping (%lu)", GetLastError());

    PSID owner = NULL;
    PSECURITY_DESCRIPTOR sd = NULL;
    DWORD r = GetSecurityInfo(opened, SE_KERNEL_OBJECT, OWNER_SECURITY_INFORMATION, &owner, NULL, NULL, NULL, &sd);
    EXPECT(r == ERROR_SUCCESS && EqualSid(owner, me), "the owner read back is not the user (%lu)", r);
    LocalFree(sd);
    PACL dacl = NULL;
    r = GetSecurityInfo(opened, SE_KERNEL_OBJECT, DACL_SECURITY_INFORMATION, NULL, NULL, &dacl, NULL, &sd);
    REQUIRE(r == ERROR_SUCCESS, "GetSecurityInfo(DACL)");
    wchar_t *text = NULL;
    REQUIRE(ConvertSecurityDescriptorToStringSecurityDescriptorW(sd, SDDL_REVISION_1, DACL_SECURITY_INFORMATION, &text,
            NULL), "ConvertSecurityDescriptorToStringSecurityDescriptorW");
    EXPECT(wcsncmp(text, L"D:", 2) == 0 && wcsstr(text, user) != NULL && wcsstr(text, L"O:") == NULL,
            "the DACL as SDDL is %ls", text);
    EXPECT(dacl != NULL && dacl->AceCount == 1, "the DACL has %d ACEs, not 1", dacl == NULL ? -1 : dacl->AceCount);
    LocalFree(sd);

    swprintf(sddl, 512, L"O:%lsD:P(A;;GA;;;S-1-5-21-1004336348-1177238915-682003330-4242)", user);
    HANDLE t = CreateFileMappingW(INVALID_HANDLE_VALUE, from_sddl(sddl), PAGE_READWRITE | SEC_COMMIT, 0, 4096, theirs);
    REQUIRE(t != NULL, "CreateFileMappingW granting another SID");
    HANDLE denied = OpenFileMappingW(FILE_MAP_WRITE, FALSE, theirs);
    DWORD e = GetLastError();
    EXPECT(denied == NULL && e == ERROR_ACCESS_DENIED, "a mapping whose DACL grants only another SID opened (error %lu)", e);
    printf("DACL read back: %ls\n", text);
    LocalFree(text);
    CloseHandle(t);
    CloseHandle(opened);
    CloseHandle(m);
    LocalFree(user);
    return documented("SDDL descriptors: the user's mapping opens and is the user's; its DACL reads back as D: text naming"
            " the user; another SID's DACL keeps the user out");
}
