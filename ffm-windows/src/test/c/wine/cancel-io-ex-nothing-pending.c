/* CancelIoEx with no operation to cancel fails with ERROR_NOT_FOUND (documented). The provider does
 * not rely on it (GetOverlappedResult decides), but must not treat either answer as an error. */
#include "check.h"

int main(int argc, char **argv) {
    HANDLE client;
    HANDLE server = connected_message_pipe(argc, argv, "cancel-nothing", &client);
    BOOL ok = CancelIoEx(server, NULL);
    DWORD e = GetLastError();
    CloseHandle(client);
    CloseHandle(server);
    EXPECT(!ok && e == ERROR_NOT_FOUND, "CancelIoEx with nothing pending returned %d (error %lu)", ok, e);
    return documented("CancelIoEx with nothing pending: FALSE, ERROR_NOT_FOUND");
}
