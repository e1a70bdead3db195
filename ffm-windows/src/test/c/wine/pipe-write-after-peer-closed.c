/* Writing to a pipe whose other end was closed fails; the code says the peer is gone
 * (ERROR_NO_DATA, "the pipe is being closed"), which the provider reports as a closed peer. */
#include "check.h"

int main(int argc, char **argv) {
    HANDLE client;
    HANDLE server = connected_message_pipe(argc, argv, "write-closed", &client);
    CloseHandle(client);
    OVERLAPPED ov;
    DWORD error;
    overlapped_io(server, TRUE, "lost", 4, &ov, PEER_TIMEOUT_MS, &error);
    EXPECT(error == ERROR_NO_DATA, "a write after the client closed ended with %lu, not ERROR_NO_DATA", error);
    CloseHandle(server);
    return documented("a write after the peer closed: ERROR_NO_DATA");
}
