/* PIPE_REJECT_REMOTE_CLIENTS is accepted by CreateNamedPipeW and does not keep local clients out. */
#include "check.h"

int main(int argc, char **argv) {
    wchar_t name[128];
    object_name(name, 128, L"\\\\.\\pipe\\", run_id(argc, argv), "local-only");
    HANDLE server = CreateNamedPipeW(name, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED,
            PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE | PIPE_WAIT | PIPE_REJECT_REMOTE_CLIENTS, 1, 4096, 4096, 0, NULL);
    EXPECT(server != INVALID_HANDLE_VALUE, "CreateNamedPipeW with PIPE_REJECT_REMOTE_CLIENTS failed with %lu",
            GetLastError());
    HANDLE client = pipe_client(name);
    EXPECT(client != INVALID_HANDLE_VALUE, "a local client was refused (%lu)", GetLastError());
    accept_client(server);
    CloseHandle(client);
    CloseHandle(server);
    return documented("PIPE_REJECT_REMOTE_CLIENTS accepted; a local client connects");
}
