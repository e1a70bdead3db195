/* A client that opens the pipe between CreateNamedPipeW and ConnectNamedPipe: the overlapped
 * ConnectNamedPipe returns FALSE with ERROR_PIPE_CONNECTED, which means connected (not an error). */
#include "check.h"

int main(int argc, char **argv) {
    wchar_t name[128];
    object_name(name, 128, L"\\\\.\\pipe\\", run_id(argc, argv), "early-client");
    HANDLE server = message_pipe_server(name, 1, NULL);
    REQUIRE(server != INVALID_HANDLE_VALUE, "CreateNamedPipeW");
    HANDLE client = pipe_client(name);
    REQUIRE(client != INVALID_HANDLE_VALUE, "CreateFileW on the pipe");
    OVERLAPPED ov;
    ZeroMemory(&ov, sizeof ov);
    ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    BOOL ok = ConnectNamedPipe(server, &ov);
    DWORD e = GetLastError();
    EXPECT(!ok && e == ERROR_PIPE_CONNECTED, "ConnectNamedPipe after the client came: ok=%d error %lu", ok, e);
    io_or_broken(client, TRUE, "x", 1);
    char buf[4];
    EXPECT(io_or_broken(server, FALSE, buf, sizeof buf) == 1, "the connection does not carry a message");
    CloseHandle(ov.hEvent);
    CloseHandle(client);
    CloseHandle(server);
    return documented("ConnectNamedPipe after the client opened: FALSE with ERROR_PIPE_CONNECTED, and connected");
}
