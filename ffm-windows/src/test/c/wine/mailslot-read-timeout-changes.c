/* A mailslot reader waits a slice at a time: SetMailslotInfo changes the read timeout of the next
 * ReadFile (from 0 to 150 ms here), and a read then waits for it before ERROR_SEM_TIMEOUT; a message
 * that comes within the timeout ends the wait. */
#include "check.h"

int main(int argc, char **argv) {
    wchar_t name[128];
    object_name(name, 128, L"\\\\.\\mailslot\\", run_id(argc, argv), "timeout");
    HANDLE slot = CreateMailslotW(name, 64, 0, NULL);
    REQUIRE(slot != INVALID_HANDLE_VALUE, "CreateMailslotW");
    char buf[64];
    DWORD n, start = GetTickCount();
    BOOL ok = ReadFile(slot, buf, sizeof buf, &n, NULL);
    DWORD e = GetLastError();
    EXPECT(!ok && e == ERROR_SEM_TIMEOUT && GetTickCount() - start < 100, "a read with timeout 0: ok=%d error %lu", ok, e);
    REQUIRE(SetMailslotInfo(slot, 150), "SetMailslotInfo");
    DWORD timeout = 0;
    REQUIRE(GetMailslotInfo(slot, NULL, NULL, NULL, &timeout), "GetMailslotInfo");
    EXPECT(timeout == 150, "the read timeout reads back as %lu", timeout);
    start = GetTickCount();
    ok = ReadFile(slot, buf, sizeof buf, &n, NULL);
    e = GetLastError();
    DWORD waited = GetTickCount() - start;
    EXPECT(!ok && e == ERROR_SEM_TIMEOUT && waited >= 120, "a read with timeout 150: ok=%d error %lu after %lu ms", ok, e,
            waited);
    HANDLE writer = CreateFileW(name, GENERIC_WRITE, FILE_SHARE_READ, NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    REQUIRE(writer != INVALID_HANDLE_VALUE, "CreateFileW on the mailslot");
    REQUIRE(WriteFile(writer, "hi", 2, &n, NULL), "WriteFile");
    EXPECT(ReadFile(slot, buf, sizeof buf, &n, NULL) && n == 2, "the message was not read within the timeout");
    CloseHandle(writer);
    CloseHandle(slot);
    return documented("SetMailslotInfo sets the next read's timeout: 0 returns at once, 150 waits 150 ms");
}
