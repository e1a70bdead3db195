/* The owner check of a mapped file: a file created with the provider's SDDL descriptor reads back,
 * through a handle opened with READ_CONTROL (GetSecurityInfo with SE_FILE_OBJECT), as the user's. */
#include "check.h"

static BOOL owned_by_me(HANDLE h, PSID me) {
    PSID owner = NULL;
    PSECURITY_DESCRIPTOR sd = NULL;
    DWORD r = GetSecurityInfo(h, SE_FILE_OBJECT, OWNER_SECURITY_INFORMATION, &owner, NULL, NULL, NULL, &sd);
    BOOL same = r == ERROR_SUCCESS && owner != NULL && EqualSid(owner, me);
    if (sd != NULL) {
        LocalFree(sd);
    }
    return same;
}

int main(int argc, char **argv) {
    DWORD run = run_id(argc, argv);
    PSID me = current_user_sid();
    wchar_t *user = NULL, sddl[256];
    REQUIRE(ConvertSidToStringSidW(me, &user), "ConvertSidToStringSidW");
    swprintf(sddl, 256, L"O:%lsD:P(A;;GA;;;%ls)", user, user);
    SECURITY_ATTRIBUTES sa = {sizeof sa, NULL, FALSE};
    REQUIRE(ConvertStringSecurityDescriptorToSecurityDescriptorW(sddl, SDDL_REVISION_1, &sa.lpSecurityDescriptor, NULL),
            "ConvertStringSecurityDescriptorToSecurityDescriptorW");
    wchar_t dir[MAX_PATH], path[MAX_PATH];
    REQUIRE(GetTempPathW(MAX_PATH, dir) > 0, "GetTempPathW");
    swprintf(path, MAX_PATH, L"%lsffmipc-t-%lu-owned.bin", dir, run);
    HANDLE f = CreateFileW(path, GENERIC_READ | GENERIC_WRITE, 0, &sa, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, NULL);
    REQUIRE(f != INVALID_HANDLE_VALUE, "CreateFileW %ls", path);
    CloseHandle(f);
    HANDLE g = CreateFileW(path, GENERIC_READ | READ_CONTROL, FILE_SHARE_READ, NULL, OPEN_EXISTING,
            FILE_ATTRIBUTE_NORMAL | FILE_FLAG_OPEN_REPARSE_POINT, NULL);
    REQUIRE(g != INVALID_HANDLE_VALUE, "CreateFileW to read the owner");
    BOOL mine = owned_by_me(g, me);
    CloseHandle(g);
    DeleteFileW(path);
    LocalFree(user);
    EXPECT(mine, "the file created with the descriptor does not read back as the user's");
    return documented("a file created with the SDDL descriptor reads back as the user's");
}
