/* A pipe created with a DACL that grants only another SID cannot be opened by this user: the
 * DACL is enforced on the client's CreateFileW (ERROR_ACCESS_DENIED). */
#include "check.h"

int main(int argc, char **argv) {
    wchar_t name[128];
    object_name(name, 128, L"\\\\.\\pipe\\", run_id(argc, argv), "dacl");
    /* a domain-style user SID that no token here carries */
    SECURITY_ATTRIBUTES *sa = only_sid_may_use(sid_from_string(L"S-1-5-21-1004336348-1177238915-682003330-4242"));
    HANDLE server = message_pipe_server(name, 1, sa);
    REQUIRE(server != INVALID_HANDLE_VALUE, "CreateNamedPipeW with the DACL");
    HANDLE client = pipe_client(name);
    DWORD e = GetLastError();
    if (client != INVALID_HANDLE_VALUE) {
        CloseHandle(client);
    }
    CloseHandle(server);
    EXPECT(client == INVALID_HANDLE_VALUE && e == ERROR_ACCESS_DENIED,
            "a client outside the pipe's DACL opened it (or failed with %lu)", e);
    return documented("a client outside the pipe's DACL: ERROR_ACCESS_DENIED");
}
