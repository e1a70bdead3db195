/* A peer process that dies (TerminateProcess) closes its pipe end: the server's pending read
 * ends with ERROR_BROKEN_PIPE, and so does the next read. */
#include "check.h"

int main(int argc, char **argv) {
    DWORD run = run_id(argc, argv);
    wchar_t name[128];
    object_name(name, 128, L"\\\\.\\pipe\\", run, "peer-death");
    if (is_child(argc, argv)) {
        HANDLE client = pipe_client(name);
        REQUIRE(client != INVALID_HANDLE_VALUE, "child: CreateFileW on the pipe");
        io_or_broken(client, TRUE, "alive", 5);
        Sleep(PEER_TIMEOUT_MS); /* killed by the parent */
        return BROKEN;
    }
    HANDLE server = message_pipe_server(name, 1, NULL);
    REQUIRE(server != INVALID_HANDLE_VALUE, "CreateNamedPipeW");
    PROCESS_INFORMATION child = spawn_self(run, NULL, NULL, 0, FALSE);
    accept_client(server);
    char buf[16];
    REQUIRE(io_or_broken(server, FALSE, buf, sizeof buf) == 5, "the child's first message");

    OVERLAPPED ov;
    DWORD error;
    overlapped_io(server, FALSE, buf, sizeof buf, &ov, 100, &error);
    REQUIRE(error == WAIT_TIMEOUT, "the second read did not stay pending (%lu)", error);
    TerminateProcess(child.hProcess, 9);
    reap(&child);
    DWORD n;
    BOOL ok = GetOverlappedResult(server, &ov, &n, TRUE);
    DWORD e = GetLastError();
    EXPECT(!ok && e == ERROR_BROKEN_PIPE, "the pending read when the peer died: ok=%d error %lu", ok, e);
    CloseHandle(ov.hEvent);
    overlapped_io(server, FALSE, buf, sizeof buf, &ov, PEER_TIMEOUT_MS, &error);
    EXPECT(error == ERROR_BROKEN_PIPE, "a read after the peer died ended with %lu", error);
    CloseHandle(server);
    return documented("the peer process killed: pending and later reads end with ERROR_BROKEN_PIPE");
}
