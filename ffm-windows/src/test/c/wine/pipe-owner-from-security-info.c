/* The squatting check for pipes: a client reads the owner of the pipe it reached with
 * GetSecurityInfo(SE_KERNEL_OBJECT, OWNER_SECURITY_INFORMATION) and finds the SID the server set. */
#include "check.h"

int main(int argc, char **argv) {
    wchar_t name[128];
    object_name(name, 128, L"\\\\.\\pipe\\", run_id(argc, argv), "owner");
    PSID me = current_user_sid();
    HANDLE server = message_pipe_server(name, 1, only_sid_may_use(me));
    REQUIRE(server != INVALID_HANDLE_VALUE, "CreateNamedPipeW");
    HANDLE client = CreateFileW(name, GENERIC_READ | GENERIC_WRITE | READ_CONTROL, 0, NULL, OPEN_EXISTING,
            FILE_FLAG_OVERLAPPED | SECURITY_SQOS_PRESENT | SECURITY_IDENTIFICATION, NULL);
    REQUIRE(client != INVALID_HANDLE_VALUE, "CreateFileW on the pipe");
    PSID owner = NULL;
    PSECURITY_DESCRIPTOR sd = NULL;
    DWORD r = GetSecurityInfo(client, SE_KERNEL_OBJECT, OWNER_SECURITY_INFORMATION, &owner, NULL, NULL, NULL, &sd);
    BOOL same = r == ERROR_SUCCESS && owner != NULL && EqualSid(owner, me);
    if (sd != NULL) {
        LocalFree(sd);
    }
    CloseHandle(client);
    CloseHandle(server);
    EXPECT(same, "the client did not read the server's owner SID from the pipe (GetSecurityInfo %lu)", r);
    return documented("the client reads the pipe's owner SID, the one the server set");
}
