/* No pipe of that name: CreateFileW fails with ERROR_FILE_NOT_FOUND and WaitNamedPipeW returns
 * FALSE at once with the same code (it does not wait for a server to appear). */
#include "check.h"

int main(int argc, char **argv) {
    wchar_t name[128];
    object_name(name, 128, L"\\\\.\\pipe\\", run_id(argc, argv), "nobody");
    HANDLE h = pipe_client(name);
    DWORD e = GetLastError();
    EXPECT(h == INVALID_HANDLE_VALUE && e == ERROR_FILE_NOT_FOUND, "opening a missing pipe: error %lu", e);
    DWORD start = GetTickCount();
    BOOL ok = WaitNamedPipeW(name, 2000);
    e = GetLastError();
    DWORD waited = GetTickCount() - start;
    EXPECT(!ok && e == ERROR_FILE_NOT_FOUND, "WaitNamedPipeW on a missing pipe: ok=%d error %lu", ok, e);
    EXPECT(waited < 1000, "WaitNamedPipeW on a missing pipe waited %lu ms", waited);
    return documented("a missing pipe: ERROR_FILE_NOT_FOUND from CreateFileW and at once from WaitNamedPipeW");
}
