/* The race the timed read must survive: the wait timed out, then data arrived before the cancel.
 * GetOverlappedResult then reports the completed read with its bytes, whatever CancelIoEx returned,
 * so a provider that always asks GetOverlappedResult after cancelling loses nothing. */
#include "check.h"

int main(int argc, char **argv) {
    HANDLE client;
    HANDLE server = connected_message_pipe(argc, argv, "cancel-race", &client);

    char buf[64];
    OVERLAPPED ov;
    DWORD error;
    overlapped_io(server, FALSE, buf, sizeof buf, &ov, 50, &error);
    EXPECT(error == WAIT_TIMEOUT, "the read of an empty pipe did not stay pending (ended with %lu)", error);
    io_or_broken(client, TRUE, "late", 4);
    REQUIRE(WaitForSingleObject(ov.hEvent, PEER_TIMEOUT_MS) == WAIT_OBJECT_0, "the late message did not complete the read");
    CancelIoEx(server, &ov); /* too late: its result does not matter, GetOverlappedResult's does */
    DWORD n = 0;
    BOOL ok = GetOverlappedResult(server, &ov, &n, TRUE);
    EXPECT(ok && n == 4 && memcmp(buf, "late", 4) == 0,
            "GetOverlappedResult after a late cancel: ok=%d, %lu bytes, error %lu", ok, n, ok ? 0 : GetLastError());
    CloseHandle(ov.hEvent);
    CloseHandle(client);
    CloseHandle(server);
    return documented("a read completed before CancelIoEx keeps its 4 bytes in GetOverlappedResult");
}
