/* The provider's timed accept: ConnectNamedPipe on an overlapped server end with no client stays
 * pending; after the timeout CancelIoEx + GetOverlappedResult report ERROR_OPERATION_ABORTED, and
 * the same instance still accepts the next client. */
#include "check.h"

int main(int argc, char **argv) {
    wchar_t name[128];
    object_name(name, 128, L"\\\\.\\pipe\\", run_id(argc, argv), "accept-timeout");
    HANDLE server = message_pipe_server(name, 1, NULL);
    REQUIRE(server != INVALID_HANDLE_VALUE, "CreateNamedPipeW");
    OVERLAPPED ov;
    ZeroMemory(&ov, sizeof ov);
    ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    BOOL ok = ConnectNamedPipe(server, &ov);
    DWORD e = GetLastError();
    EXPECT(!ok && e == ERROR_IO_PENDING, "ConnectNamedPipe with no client: ok=%d error %lu, not pending", ok, e);
    EXPECT(WaitForSingleObject(ov.hEvent, 100) == WAIT_TIMEOUT, "the accept completed with no client");
    EXPECT(CancelIoEx(server, &ov), "CancelIoEx of the pending accept failed with %lu", GetLastError());
    DWORD n;
    ok = GetOverlappedResult(server, &ov, &n, TRUE);
    e = GetLastError();
    EXPECT(!ok && e == ERROR_OPERATION_ABORTED, "the cancelled accept: ok=%d error %lu", ok, e);
    CloseHandle(ov.hEvent);

    HANDLE client = pipe_client(name);
    EXPECT(client != INVALID_HANDLE_VALUE, "after a cancelled accept a client cannot open the pipe (%lu)", GetLastError());
    accept_client(server);
    io_or_broken(client, TRUE, "hi", 2);
    char buf[8];
    EXPECT(io_or_broken(server, FALSE, buf, sizeof buf) == 2, "no message through the instance after the cancel");
    CloseHandle(client);
    CloseHandle(server);
    return documented("pending accept cancelled with ERROR_OPERATION_ABORTED; the instance then accepts a client");
}
