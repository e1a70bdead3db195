/* The race the timed read must survive: the wait timed out, then data arrived before the cancel.
 * GetOverlappedResult then reports the completed read with its bytes, whatever CancelIoEx returned,
 * so a provider that always asks GetOverlappedResult after cancelling loses nothing. */
#include "check.h"

int main(int argc, char **argv) {
    wchar_t name[128];
    object_name(name, 128, L"\\\\.\\pipe\\", run_id(argc, argv), "cancel-race");
    HANDLE server = message_pipe_server(name, 1, NULL);
    REQUIRE(server != INVALID_HANDLE_VALUE, "CreateNamedPipeW");
    HANDLE client = pipe_client(name);
    REQUIRE(client != INVALID_HANDLE_VALUE, "CreateFileW on the pipe");
    accept_client(server);

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
