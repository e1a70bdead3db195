/* Pipe names are not case sensitive: a client naming the pipe in other case reaches it. (Kernel
 * object names are, see kernel-names-case-sensitive: the provider's name rules must say both.) */
#include "check.h"

int main(int argc, char **argv) {
    wchar_t name[128], upper[128];
    object_name(name, 128, L"\\\\.\\pipe\\", run_id(argc, argv), "casefold");
    wcscpy(upper, name);
    for (wchar_t *p = upper + wcslen(L"\\\\.\\pipe\\"); *p; p++) {
        *p = towupper(*p);
    }
    HANDLE server = message_pipe_server(name, 1, NULL);
    REQUIRE(server != INVALID_HANDLE_VALUE, "CreateNamedPipeW");
    HANDLE client = pipe_client(upper);
    DWORD e = GetLastError();
    if (client != INVALID_HANDLE_VALUE) {
        CloseHandle(client);
    }
    CloseHandle(server);
    EXPECT(client != INVALID_HANDLE_VALUE, "the upper-case name did not reach the pipe (%lu)", e);
    return documented("a pipe is reached by its name in any case");
}
