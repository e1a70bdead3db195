/* A byte-stream read takes what is there: an overlapped ReadFile of 64 KiB on a byte-mode pipe that
 * holds 5 bytes completes with those 5, not waiting for more. And a client reads the pipe's kind with
 * GetNamedPipeInfo: a byte pipe has no PIPE_TYPE_MESSAGE, a message pipe has it. */
#include "check.h"

int main(int argc, char **argv) {
    wchar_t name[128];
    object_name(name, 128, L"\\\\.\\pipe\\", run_id(argc, argv), "partial");
    HANDLE server = CreateNamedPipeW(name, PIPE_ACCESS_INBOUND | FILE_FLAG_OVERLAPPED | FILE_FLAG_FIRST_PIPE_INSTANCE,
            PIPE_TYPE_BYTE | PIPE_READMODE_BYTE | PIPE_WAIT | PIPE_REJECT_REMOTE_CLIENTS, 1, 65536, 65536, 0, NULL);
    REQUIRE(server != INVALID_HANDLE_VALUE, "CreateNamedPipeW");
    HANDLE client = CreateFileW(name, GENERIC_WRITE, 0, NULL, OPEN_EXISTING,
            FILE_FLAG_OVERLAPPED | SECURITY_SQOS_PRESENT | SECURITY_IDENTIFICATION, NULL);
    REQUIRE(client != INVALID_HANDLE_VALUE, "CreateFileW on the pipe");
    accept_client(server);
    DWORD flags = 0;
    REQUIRE(GetNamedPipeInfo(client, &flags, NULL, NULL, NULL), "GetNamedPipeInfo");
    EXPECT((flags & PIPE_TYPE_MESSAGE) == 0, "a byte pipe's flags 0x%lx say message", flags);
    io_or_broken(client, TRUE, "hello", 5);
    static char buf[65536];
    OVERLAPPED ov;
    DWORD error;
    DWORD n = overlapped_io(server, FALSE, buf, sizeof buf, &ov, 2000, &error);
    EXPECT(error == 0 && n == 5, "a 64 KiB read of 5 waiting bytes gave %lu bytes (error %lu)", n, error);
    CloseHandle(client);
    CloseHandle(server);

    HANDLE mclient;
    HANDLE mserver = connected_message_pipe(argc, argv, "partial-m", &mclient);
    REQUIRE(GetNamedPipeInfo(mclient, &flags, NULL, NULL, NULL), "GetNamedPipeInfo");
    EXPECT((flags & PIPE_TYPE_MESSAGE) != 0, "a message pipe's flags 0x%lx lack PIPE_TYPE_MESSAGE", flags);
    CloseHandle(mclient);
    CloseHandle(mserver);
    return documented("a 64 KiB read returns the 5 bytes there; GetNamedPipeInfo tells byte from message pipes");
}
