/* A pipe whose only instance is taken: CreateFileW fails with ERROR_PIPE_BUSY, and WaitNamedPipeW
 * gives up after its timeout with ERROR_SEM_TIMEOUT. Once a free instance exists, WaitNamedPipeW
 * returns TRUE. */
#include "check.h"

int main(int argc, char **argv) {
    wchar_t name[128];
    object_name(name, 128, L"\\\\.\\pipe\\", run_id(argc, argv), "busy");
    HANDLE server = message_pipe_server(name, 2, NULL);
    REQUIRE(server != INVALID_HANDLE_VALUE, "CreateNamedPipeW");
    HANDLE first = pipe_client(name);
    REQUIRE(first != INVALID_HANDLE_VALUE, "CreateFileW on the pipe");
    accept_client(server);

    HANDLE second = pipe_client(name);
    DWORD e = GetLastError();
    EXPECT(second == INVALID_HANDLE_VALUE && e == ERROR_PIPE_BUSY, "a second client with no free instance: error %lu", e);
    DWORD start = GetTickCount();
    BOOL ok = WaitNamedPipeW(name, 200);
    e = GetLastError();
    DWORD waited = GetTickCount() - start;
    EXPECT(!ok && e == ERROR_SEM_TIMEOUT, "WaitNamedPipeW with no free instance: ok=%d error %lu", ok, e);
    EXPECT(waited >= 150, "WaitNamedPipeW gave up after %lu ms of 200", waited);

    HANDLE server2 = message_pipe_server(name, 2, NULL);
    /* the second instance of a FIRST_PIPE_INSTANCE pipe must be created without that flag */
    if (server2 == INVALID_HANDLE_VALUE) {
        server2 = CreateNamedPipeW(name, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED,
                PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE | PIPE_WAIT | PIPE_REJECT_REMOTE_CLIENTS, 2, 4096, 4096, 0, NULL);
    }
    REQUIRE(server2 != INVALID_HANDLE_VALUE, "CreateNamedPipeW, second instance");
    EXPECT(WaitNamedPipeW(name, 1000), "WaitNamedPipeW with a free instance failed with %lu", GetLastError());
    CloseHandle(server2);
    CloseHandle(first);
    CloseHandle(server);
    return documented("ERROR_PIPE_BUSY; WaitNamedPipeW times out with ERROR_SEM_TIMEOUT; TRUE once an instance is free");
}
