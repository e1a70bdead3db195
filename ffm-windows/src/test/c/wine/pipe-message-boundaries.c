/* Message-mode pipes keep each write as one message in both directions: two writes are two reads,
 * even when the reader's buffer could hold both (the client end switched to message read mode). */
#include "check.h"

int main(int argc, char **argv) {
    HANDLE client;
    HANDLE server = connected_message_pipe(argc, argv, "boundaries", &client);
    message_read_mode(client);

    HANDLE ends[2][2] = {{client, server}, {server, client}};
    for (int dir = 0; dir < 2; dir++) {
        HANDLE writer = ends[dir][0], reader = ends[dir][1];
        io_or_broken(writer, TRUE, "hello", 5);
        io_or_broken(writer, TRUE, "message!", 8);
        char buf[64];
        DWORD first = io_or_broken(reader, FALSE, buf, sizeof buf);
        DWORD second = io_or_broken(reader, FALSE, buf + first, sizeof buf - first);
        EXPECT(first == 5 && second == 8, "%s: reads of %lu and %lu bytes for messages of 5 and 8",
                dir == 0 ? "client to server" : "server to client", first, second);
    }
    CloseHandle(client);
    CloseHandle(server);
    return documented("two writes of 5 and 8 bytes arrive as two reads of 5 and 8, both ways");
}
