/* A byte-mode pipe is a stream: two writes can be read back by one read (no boundaries). */
#include "check.h"

int main(int argc, char **argv) {
    wchar_t name[128];
    object_name(name, 128, L"\\\\.\\pipe\\", run_id(argc, argv), "bytes");
    HANDLE server = CreateNamedPipeW(name, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED | FILE_FLAG_FIRST_PIPE_INSTANCE,
            PIPE_TYPE_BYTE | PIPE_READMODE_BYTE | PIPE_WAIT | PIPE_REJECT_REMOTE_CLIENTS, 1, 4096, 4096, 0, NULL);
    REQUIRE(server != INVALID_HANDLE_VALUE, "CreateNamedPipeW");
    HANDLE client = pipe_client(name);
    REQUIRE(client != INVALID_HANDLE_VALUE, "CreateFileW on the pipe");
    accept_client(server);
    io_or_broken(client, TRUE, "hello", 5);
    io_or_broken(client, TRUE, "world", 5);
    char buf[64];
    DWORD n = io_or_broken(server, FALSE, buf, sizeof buf);
    EXPECT(n == 10 && memcmp(buf, "helloworld", 10) == 0, "one read returned %lu bytes, not both writes' 10", n);
    CloseHandle(client);
    CloseHandle(server);
    return documented("two writes of 5 bytes come back from one 64-byte read as 10 bytes");
}
