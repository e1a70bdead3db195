/* CancelIoEx with no operation to cancel fails with ERROR_NOT_FOUND (documented). The provider does
 * not rely on it (GetOverlappedResult decides), but must not treat either answer as an error. */
#include "check.h"

int main(int argc, char **argv) {
    wchar_t name[128];
    object_name(name, 128, L"\\\\.\\pipe\\", run_id(argc, argv), "cancel-nothing");
    HANDLE server = message_pipe_server(name, 1, NULL);
    REQUIRE(server != INVALID_HANDLE_VALUE, "CreateNamedPipeW");
    HANDLE client = pipe_client(name);
    REQUIRE(client != INVALID_HANDLE_VALUE, "CreateFileW on the pipe");
    accept_client(server);
    BOOL ok = CancelIoEx(server, NULL);
    DWORD e = GetLastError();
    CloseHandle(client);
    CloseHandle(server);
    EXPECT(!ok && e == ERROR_NOT_FOUND, "CancelIoEx with nothing pending returned %d (error %lu)", ok, e);
    return documented("CancelIoEx with nothing pending: FALSE, ERROR_NOT_FOUND");
}
