/* A DACL whose only ACE grants OWNER RIGHTS (S-1-3-4) GENERIC_ALL lets the owner open the object
 * (OWNER RIGHTS stands for the object's owner). The provider does not rely on it. */
#include "check.h"

int main(int argc, char **argv) {
    wchar_t name[128];
    object_name(name, 128, L"Local\\", run_id(argc, argv), "owner-rights");
    HANDLE m = CreateFileMappingW(INVALID_HANDLE_VALUE, only_sid_may_use(sid_from_string(L"S-1-3-4")),
            PAGE_READWRITE, 0, 4096, name);
    REQUIRE(m != NULL, "CreateFileMappingW");
    HANDLE opened = OpenFileMappingW(FILE_MAP_WRITE, FALSE, name);
    DWORD e = GetLastError();
    if (opened != NULL) {
        CloseHandle(opened);
    }
    CloseHandle(m);
    EXPECT(opened != NULL, "the owner was denied by an OWNER RIGHTS ACE (error %lu)", e);
    return documented("an OWNER RIGHTS ACE lets the owner open the mapping");
}
