/* What the provider reads from its token besides the user: the primary group (TokenPrimaryGroup, a
 * SID: what a mode's group bits grant) and the privileges (TokenPrivileges: whether
 * SeCreateGlobalPrivilege is held, to explain a refused Global\ create), each by the two-call pattern. */
#include "check.h"

int main(void) {
    HANDLE token;
    REQUIRE(OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token), "OpenProcessToken");
    DWORD size = 0;
    BOOL ok = GetTokenInformation(token, TokenPrimaryGroup, NULL, 0, &size);
    EXPECT(!ok && GetLastError() == ERROR_INSUFFICIENT_BUFFER && size > 0, "sizing TokenPrimaryGroup");
    TOKEN_PRIMARY_GROUP *group = (TOKEN_PRIMARY_GROUP *) malloc(size);
    REQUIRE(GetTokenInformation(token, TokenPrimaryGroup, group, size, &size), "GetTokenInformation(TokenPrimaryGroup)");
    wchar_t *text = NULL;
    EXPECT(IsValidSid(group->PrimaryGroup) && ConvertSidToStringSidW(group->PrimaryGroup, &text), "the primary group is no SID");
    size = 0;
    ok = GetTokenInformation(token, TokenPrivileges, NULL, 0, &size);
    EXPECT(!ok && GetLastError() == ERROR_INSUFFICIENT_BUFFER && size >= sizeof(DWORD), "sizing TokenPrivileges");
    TOKEN_PRIVILEGES *privileges = (TOKEN_PRIVILEGES *) malloc(size);
    REQUIRE(GetTokenInformation(token, TokenPrivileges, privileges, size, &size), "GetTokenInformation(TokenPrivileges)");
    EXPECT(sizeof(DWORD) + privileges->PrivilegeCount * sizeof(LUID_AND_ATTRIBUTES) <= size,
            "%lu privileges do not fit the %lu bytes returned", privileges->PrivilegeCount, size);
    LUID global;
    REQUIRE(LookupPrivilegeValueW(NULL, L"SeCreateGlobalPrivilege", &global), "LookupPrivilegeValueW");
    int held = 0;
    for (DWORD i = 0; i < privileges->PrivilegeCount; i++) {
        if (privileges->Privileges[i].Luid.LowPart == global.LowPart
                && privileges->Privileges[i].Luid.HighPart == global.HighPart) {
            held = (privileges->Privileges[i].Attributes & SE_PRIVILEGE_ENABLED) != 0;
        }
    }
    printf("primary group %ls; %lu privileges; SeCreateGlobalPrivilege %s\n", text, privileges->PrivilegeCount,
            held ? "held" : "not held");
    LocalFree(text);
    CloseHandle(token);
    return documented("the token's primary group is a SID and its privilege list is read whole");
}
