/* FILE_FLAG_FIRST_PIPE_INSTANCE: creating a pipe with it fails with ERROR_ACCESS_DENIED when an
 * instance of that name exists, so a server cannot join a pipe someone else planted (squatting). */
#include "check.h"

int main(int argc, char **argv) {
    wchar_t name[128];
    object_name(name, 128, L"\\\\.\\pipe\\", run_id(argc, argv), "first-instance");
    HANDLE planted = CreateNamedPipeW(name, PIPE_ACCESS_DUPLEX, PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE,
            PIPE_UNLIMITED_INSTANCES, 4096, 4096, 0, NULL);
    REQUIRE(planted != INVALID_HANDLE_VALUE, "CreateNamedPipeW, the planted instance");
    HANDLE ours = message_pipe_server(name, PIPE_UNLIMITED_INSTANCES, NULL);
    DWORD e = GetLastError();
    if (ours != INVALID_HANDLE_VALUE) {
        CloseHandle(ours);
    }
    CloseHandle(planted);
    EXPECT(ours == INVALID_HANDLE_VALUE && e == ERROR_ACCESS_DENIED,
            "creating a first instance of an existing pipe succeeded (or failed with %lu)", e);
    return documented("FILE_FLAG_FIRST_PIPE_INSTANCE on an existing pipe: ERROR_ACCESS_DENIED");
}
