/* The owner check of Mailslots.open: a mailslot created with the provider's SDDL descriptor reads back,
 * through a writer's handle opened with READ_CONTROL (GetSecurityInfo with SE_FILE_OBJECT), as the
 * user's. Wine keeps no security for mailslots: GetSecurityInfo succeeds with no owner. */
#include "check.h"

static BOOL owned_by_me(HANDLE h, PSID me, DWORD *r, BOOL *none) {
    PSID owner = NULL;
    PSECURITY_DESCRIPTOR sd = NULL;
    *r = GetSecurityInfo(h, SE_FILE_OBJECT, OWNER_SECURITY_INFORMATION, &owner, NULL, NULL, NULL, &sd);
    *none = owner == NULL;
    BOOL same = *r == ERROR_SUCCESS && owner != NULL && EqualSid(owner, me);
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
    wchar_t name[128];
    object_name(name, 128, L"\\\\.\\mailslot\\", run, "owned");
    HANDLE slot = CreateMailslotW(name, 64, 0, &sa);
    REQUIRE(slot != INVALID_HANDLE_VALUE, "CreateMailslotW");
    HANDLE writer = CreateFileW(name, GENERIC_WRITE | READ_CONTROL, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
            OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    REQUIRE(writer != INVALID_HANDLE_VALUE, "CreateFileW on the mailslot with READ_CONTROL");
    DWORD r;
    BOOL none;
    BOOL mine = owned_by_me(writer, me, &r, &none);
    CloseHandle(writer);
    CloseHandle(slot);
    LocalFree(user);
    EXPECT(mine, "the mailslot's owner through a writer's handle: GetSecurityInfo %lu, %s", r,
            none ? "no owner at all" : "another owner");
    return documented("a mailslot created with the SDDL descriptor reads back as the user's through a writer's handle");
}
