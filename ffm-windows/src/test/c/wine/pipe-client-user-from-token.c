/* The server checks who a client is: GetNamedPipeClientProcessId gives the client's pid, whose
 * process token (OpenProcess with PROCESS_QUERY_LIMITED_INFORMATION, OpenProcessToken, TokenUser)
 * names its user: the same SID as the server's for a client of the same user. */
#include "check.h"

int main(int argc, char **argv) {
    DWORD run = run_id(argc, argv);
    wchar_t name[128];
    object_name(name, 128, L"\\\\.\\pipe\\", run, "client-user");
    if (is_child(argc, argv)) {
        HANDLE c = pipe_client(name);
        REQUIRE(c != INVALID_HANDLE_VALUE, "child: CreateFileW on the pipe");
        char b;
        OVERLAPPED ov;
        DWORD error;
        overlapped_io(c, FALSE, &b, 1, &ov, PEER_TIMEOUT_MS, &error); /* until the server closes */
        return 0;
    }
    HANDLE server = message_pipe_server(name, 1, NULL);
    REQUIRE(server != INVALID_HANDLE_VALUE, "CreateNamedPipeW");
    PROCESS_INFORMATION child = spawn_self(run, NULL, NULL, 0, FALSE);
    accept_client(server);
    ULONG pid = 0;
    REQUIRE(GetNamedPipeClientProcessId(server, &pid), "GetNamedPipeClientProcessId");
    HANDLE process = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, pid);
    REQUIRE(process != NULL, "OpenProcess of the client");
    HANDLE token;
    REQUIRE(OpenProcessToken(process, TOKEN_QUERY, &token), "OpenProcessToken of the client");
    DWORD size = 0;
    GetTokenInformation(token, TokenUser, NULL, 0, &size);
    TOKEN_USER *user = (TOKEN_USER *) malloc(size);
    REQUIRE(GetTokenInformation(token, TokenUser, user, size, &size), "GetTokenInformation");
    BOOL same = EqualSid(user->User.Sid, current_user_sid());
    CloseHandle(token);
    CloseHandle(process);
    CloseHandle(server);
    reap(&child);
    EXPECT(pid == child.dwProcessId, "the client pid %lu is not the child's %lu", pid, child.dwProcessId);
    EXPECT(same, "the client's token user is not this user");
    return documented("the client's pid from the pipe, its user from its process token: this user");
}
