/* A mailslot created with nMaxMessageSize 64 refuses a 65-byte write. */
#include "check.h"

int main(int argc, char **argv) {
    wchar_t name[128];
    object_name(name, 128, L"\\\\.\\mailslot\\", run_id(argc, argv), "max");
    HANDLE slot = CreateMailslotW(name, 64, 0, NULL);
    REQUIRE(slot != INVALID_HANDLE_VALUE, "CreateMailslotW");
    HANDLE writer = CreateFileW(name, GENERIC_WRITE, FILE_SHARE_READ, NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    REQUIRE(writer != INVALID_HANDLE_VALUE, "CreateFileW on the mailslot");
    char big[65];
    memset(big, 'x', sizeof big);
    DWORD n = 0;
    BOOL ok = WriteFile(writer, big, sizeof big, &n, NULL);
    DWORD e = GetLastError();
    CloseHandle(writer);
    CloseHandle(slot);
    EXPECT(!ok, "a 65-byte write to a 64-byte mailslot was accepted (%lu bytes)", n);
    return documented("a 65-byte write to a 64-byte mailslot failed with %lu", e);
}
