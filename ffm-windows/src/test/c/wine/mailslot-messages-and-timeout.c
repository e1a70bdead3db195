/* A mailslot keeps message boundaries: each ReadFile returns one whole message, GetMailslotInfo's
 * next size is the size of the message a read would return, MAILSLOT_NO_MESSAGE when empty, and a
 * read of an empty mailslot with a read timeout fails after it with ERROR_SEM_TIMEOUT. */
#include "check.h"

int main(int argc, char **argv) {
    wchar_t name[128];
    object_name(name, 128, L"\\\\.\\mailslot\\", run_id(argc, argv), "slot");
    HANDLE slot = CreateMailslotW(name, 64, 100, NULL);
    REQUIRE(slot != INVALID_HANDLE_VALUE, "CreateMailslotW");
    HANDLE writer = CreateFileW(name, GENERIC_WRITE, FILE_SHARE_READ, NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    REQUIRE(writer != INVALID_HANDLE_VALUE, "CreateFileW on the mailslot");
    DWORD n;
    REQUIRE(WriteFile(writer, "first", 5, &n, NULL) && WriteFile(writer, "second!", 7, &n, NULL), "WriteFile");
    DWORD max = 0, next = 0, timeout = 0;
    REQUIRE(GetMailslotInfo(slot, &max, &next, NULL, &timeout), "GetMailslotInfo");
    EXPECT(next == 5, "the next size is %lu, not the first message's 5", next);
    EXPECT(max >= 64 && timeout == 100, "max %lu, read timeout %lu", max, timeout);
    char buf[64];
    REQUIRE(ReadFile(slot, buf, sizeof buf, &n, NULL), "ReadFile");
    EXPECT(n == 5, "the first read returned %lu bytes, not one 5-byte message", n);
    REQUIRE(ReadFile(slot, buf, sizeof buf, &n, NULL), "ReadFile");
    EXPECT(n == 7, "the second read returned %lu bytes, not one 7-byte message", n);
    REQUIRE(GetMailslotInfo(slot, NULL, &next, NULL, NULL), "GetMailslotInfo");
    EXPECT(next == MAILSLOT_NO_MESSAGE, "an empty mailslot's next size is %lu", next);
    DWORD start = GetTickCount();
    BOOL ok = ReadFile(slot, buf, sizeof buf, &n, NULL);
    DWORD e = GetLastError(), waited = GetTickCount() - start;
    EXPECT(!ok && e == ERROR_SEM_TIMEOUT, "a read of an empty mailslot: ok=%d error %lu", ok, e);
    EXPECT(waited >= 80, "the read gave up after %lu ms of a 100 ms timeout", waited);
    CloseHandle(writer);
    CloseHandle(slot);
    return documented("one message per read, next size 5 then MAILSLOT_NO_MESSAGE, empty read: ERROR_SEM_TIMEOUT");
}
