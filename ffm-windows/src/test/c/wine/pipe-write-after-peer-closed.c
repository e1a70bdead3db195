/* Writing to a pipe whose other end was closed fails; the code says the peer is gone
 * (ERROR_NO_DATA, "the pipe is being closed"), which the provider reports as a closed peer. */
#include "check.h"

int main(int argc, char **argv) {
    wchar_t name[128];
    object_name(name, 128, L"\\\\.\\pipe\\", run_id(argc, argv), "write-closed");
    HANDLE server = message_pipe_server(name, 1, NULL);
    REQUIRE(server != INVALID_HANDLE_VALUE, "CreateNamedPipeW");
    HANDLE client = pipe_client(name);
    REQUIRE(client != INVALID_HANDLE_VALUE, "CreateFileW on the pipe");
    accept_client(server);
    CloseHandle(client);
    OVERLAPPED ov;
    DWORD error;
    overlapped_io(server, TRUE, "lost", 4, &ov, PEER_TIMEOUT_MS, &error);
    EXPECT(error == ERROR_NO_DATA, "a write after the client closed ended with %lu, not ERROR_NO_DATA", error);
    CloseHandle(server);
    return documented("a write after the peer closed: ERROR_NO_DATA");
}
