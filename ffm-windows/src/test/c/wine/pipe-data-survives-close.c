/* A message written before its writer closes its end (CloseHandle, no DisconnectNamedPipe) is still
 * read by the other end, and only then does the pipe report ERROR_BROKEN_PIPE: in both directions.
 * The server's refusal of a client (a message, then close) relies on it. */
#include "check.h"

static int read_then_broken(HANDLE h, const char *expected, const char *who) {
    char buf[64];
    OVERLAPPED ov;
    DWORD error;
    DWORD n = overlapped_io(h, FALSE, buf, sizeof buf, &ov, PEER_TIMEOUT_MS, &error);
    if (error != 0 || n != strlen(expected) || memcmp(buf, expected, n) != 0) {
        return differs("%s read %lu bytes (error %lu) after the other end closed, not its last message", who, n, error);
    }
    n = overlapped_io(h, FALSE, buf, sizeof buf, &ov, PEER_TIMEOUT_MS, &error);
    if (error != ERROR_BROKEN_PIPE) {
        return differs("%s's next read ended with %lu, not ERROR_BROKEN_PIPE", who, error);
    }
    return AS_DOCUMENTED;
}

int main(int argc, char **argv) {
    HANDLE client;
    HANDLE server = connected_message_pipe(argc, argv, "survives-1", &client);
    message_read_mode(client);
    io_or_broken(server, TRUE, "refused: go away", 16);
    CloseHandle(server);
    int r = read_then_broken(client, "refused: go away", "the client");
    CloseHandle(client);
    if (r != AS_DOCUMENTED) {
        return r;
    }
    server = connected_message_pipe(argc, argv, "survives-2", &client);
    io_or_broken(client, TRUE, "last words", 10);
    CloseHandle(client);
    r = read_then_broken(server, "last words", "the server");
    CloseHandle(server);
    if (r != AS_DOCUMENTED) {
        return r;
    }
    return documented("what a closing end wrote last is read by the other end, then ERROR_BROKEN_PIPE");
}
