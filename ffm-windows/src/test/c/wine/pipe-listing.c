/* FindFirstFileW/FindNextFileW over \\.\pipe\* list the pipes that exist, by name without the
 * prefix: the provider's ls of named pipes. */
#include "check.h"

int main(int argc, char **argv) {
    wchar_t name[128], leaf[128];
    DWORD run = run_id(argc, argv);
    object_name(name, 128, L"\\\\.\\pipe\\", run, "listed");
    object_name(leaf, 128, L"", run, "listed");
    HANDLE server = message_pipe_server(name, 1, NULL);
    REQUIRE(server != INVALID_HANDLE_VALUE, "CreateNamedPipeW");
    WIN32_FIND_DATAW data;
    HANDLE find = FindFirstFileW(L"\\\\.\\pipe\\*", &data);
    EXPECT(find != INVALID_HANDLE_VALUE, "FindFirstFileW on \\\\.\\pipe\\* failed with %lu", GetLastError());
    int found = 0, count = 0;
    do {
        count++;
        if (wcscmp(data.cFileName, leaf) == 0) {
            found = 1;
        }
    } while (FindNextFileW(find, &data));
    DWORD e = GetLastError();
    FindClose(find);
    CloseHandle(server);
    EXPECT(e == ERROR_NO_MORE_FILES, "the listing ended with %lu, not ERROR_NO_MORE_FILES", e);
    EXPECT(found, "our pipe is not among the %d listed", count);
    return documented("our pipe listed by its bare name among %d; the listing ends with ERROR_NO_MORE_FILES", count);
}
