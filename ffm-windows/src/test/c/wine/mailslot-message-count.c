/* GetMailslotInfo's message count is the number of messages waiting: three writes, count 3. */
#include "check.h"

int main(int argc, char **argv) {
    wchar_t name[128];
    object_name(name, 128, L"\\\\.\\mailslot\\", run_id(argc, argv), "count");
    HANDLE slot = CreateMailslotW(name, 0, 0, NULL);
    REQUIRE(slot != INVALID_HANDLE_VALUE, "CreateMailslotW");
    HANDLE writer = CreateFileW(name, GENERIC_WRITE, FILE_SHARE_READ, NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    REQUIRE(writer != INVALID_HANDLE_VALUE, "CreateFileW on the mailslot");
    DWORD n;
    for (int i = 0; i < 3; i++) {
        REQUIRE(WriteFile(writer, "msg", 3, &n, NULL), "WriteFile %d", i);
    }
    DWORD count = 0;
    REQUIRE(GetMailslotInfo(slot, NULL, NULL, &count, NULL), "GetMailslotInfo");
    CloseHandle(writer);
    CloseHandle(slot);
    EXPECT(count == 3, "three messages waiting, the count says %lu", count);
    return documented("three messages waiting, count 3");
}
