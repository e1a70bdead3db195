/* Peer identity on a connected pipe: the server's GetNamedPipeClientProcessId is the client
 * process's id, and the client's GetNamedPipeServerProcessId is the server's (two processes). */
#include "check.h"

int main(int argc, char **argv) {
    DWORD run = run_id(argc, argv);
    wchar_t name[128];
    object_name(name, 128, L"\\\\.\\pipe\\", run, "peer-pids");
    if (is_child(argc, argv)) {
        HANDLE client = pipe_client(name);
        REQUIRE(client != INVALID_HANDLE_VALUE, "child: CreateFileW on the pipe");
        ULONG server_pid = 0;
        REQUIRE(GetNamedPipeServerProcessId(client, &server_pid), "GetNamedPipeServerProcessId");
        DWORD report[2] = {GetCurrentProcessId(), server_pid};
        io_or_broken(client, TRUE, report, sizeof report);
        CloseHandle(client);
        return 0;
    }
    HANDLE server = message_pipe_server(name, 1, NULL);
    REQUIRE(server != INVALID_HANDLE_VALUE, "CreateNamedPipeW");
    PROCESS_INFORMATION child = spawn_self(run, NULL, NULL, 0, FALSE);
    accept_client(server);
    ULONG client_pid = 0;
    REQUIRE(GetNamedPipeClientProcessId(server, &client_pid), "GetNamedPipeClientProcessId");
    DWORD report[2];
    REQUIRE(io_or_broken(server, FALSE, report, sizeof report) == sizeof report, "the child's report");
    DWORD child_pid = child.dwProcessId;
    REQUIRE(reap(&child) == 0, "the child failed");
    CloseHandle(server);
    EXPECT(client_pid == child_pid && report[0] == child_pid,
            "client pid %lu, the child is %lu (says %lu)", client_pid, child_pid, report[0]);
    EXPECT(report[1] == GetCurrentProcessId(), "the child sees server pid %lu, the server is %lu",
            report[1], GetCurrentProcessId());
    return documented("GetNamedPipeClientProcessId and GetNamedPipeServerProcessId name the two processes");
}
