/* The provider's timed read: an overlapped ReadFile is pending, the wait times out, CancelIoEx
 * cancels it and GetOverlappedResult (waiting) reports ERROR_OPERATION_ABORTED with no bytes. A
 * message written afterwards is read whole: cancelling lost nothing. */
#include "check.h"

int main(int argc, char **argv) {
    HANDLE client;
    HANDLE server = connected_message_pipe(argc, argv, "read-timeout", &client);

    char buf[64];
    OVERLAPPED ov;
    DWORD error;
    overlapped_io(server, FALSE, buf, sizeof buf, &ov, 100, &error);
    EXPECT(error == WAIT_TIMEOUT, "the read of an empty pipe did not stay pending (ended with %lu)", error);
    EXPECT(CancelIoEx(server, &ov), "CancelIoEx of the pending read failed with %lu", GetLastError());
    DWORD n = 12345;
    BOOL ok = GetOverlappedResult(server, &ov, &n, TRUE);
    DWORD e = GetLastError();
    EXPECT(!ok && e == ERROR_OPERATION_ABORTED, "GetOverlappedResult after the cancel: ok=%d error %lu", ok, e);
    EXPECT(n == 0, "the cancelled read reports %lu bytes", n);
    CloseHandle(ov.hEvent);

    io_or_broken(client, TRUE, "after-cancel", 12);
    n = io_or_broken(server, FALSE, buf, sizeof buf);
    EXPECT(n == 12 && memcmp(buf, "after-cancel", 12) == 0, "the message after the cancel came back as %lu bytes", n);
    CloseHandle(client);
    CloseHandle(server);
    return documented("pending read timed out, CancelIoEx, ERROR_OPERATION_ABORTED with 0 bytes; next message whole");
}
