/* A message longer than the read buffer: ReadFile fills the buffer and fails with ERROR_MORE_DATA;
 * PeekNamedPipe reports what is left of that message, and the next read returns exactly the rest,
 * then the following message whole. */
#include "check.h"

int main(int argc, char **argv) {
    HANDLE client;
    HANDLE server = connected_message_pipe(argc, argv, "more-data", &client);

    char message[100];
    for (int i = 0; i < 100; i++) {
        message[i] = (char) i;
    }
    io_or_broken(client, TRUE, message, 100);
    io_or_broken(client, TRUE, "next", 4);

    char buf[100];
    OVERLAPPED ov;
    DWORD error;
    DWORD n = overlapped_io(server, FALSE, buf, 40, &ov, PEER_TIMEOUT_MS, &error);
    EXPECT(error == ERROR_MORE_DATA, "a 40-byte read of a 100-byte message ended with %lu, not ERROR_MORE_DATA", error);
    EXPECT(n == 40 && memcmp(buf, message, 40) == 0, "the short read returned %lu bytes, not the first 40", n);

    DWORD avail = 0, left = 0;
    REQUIRE(PeekNamedPipe(server, NULL, 0, NULL, &avail, &left), "PeekNamedPipe");
    EXPECT(left == 60, "PeekNamedPipe says %lu bytes are left of the message, not 60", left);

    n = overlapped_io(server, FALSE, buf + 40, 60, &ov, PEER_TIMEOUT_MS, &error);
    EXPECT(error == 0 && n == 60 && memcmp(buf, message, 100) == 0,
            "the second read gave %lu bytes (error %lu), not the message's last 60", n, error);
    n = overlapped_io(server, FALSE, buf, sizeof buf, &ov, PEER_TIMEOUT_MS, &error);
    EXPECT(error == 0 && n == 4 && memcmp(buf, "next", 4) == 0, "the following message came back as %lu bytes", n);
    CloseHandle(client);
    CloseHandle(server);
    return documented("ERROR_MORE_DATA after 40 of 100 bytes; 60 left per PeekNamedPipe; rest and next message intact");
}
