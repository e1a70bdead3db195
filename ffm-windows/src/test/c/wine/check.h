/*
 * Shared by the Windows behaviour checks (the .c files beside this header). Each check is one
 * program that verifies one behaviour the Windows provider relies on, built with mingw-w64 and run
 * under Wine by WindowsBehaviourTest; windows-behaviour-facts.tsv says what each one verifies.
 *
 * The exit code is the verdict:
 *   0  AS_DOCUMENTED  the behaviour is what Microsoft documents for Windows
 *   10 DIFFERS        the implementation behaves otherwise (the line printed says how)
 *   2  BROKEN         the check could not run (a set-up call failed)
 * A program that needs a second process starts a copy of itself ("child" as its first argument).
 * Every name carries "ffmipc-t-" and the parent's pid, so parallel runs cannot meet.
 */
#ifndef FFMIPC_WINE_CHECK_H
#define FFMIPC_WINE_CHECK_H

#define WIN32_LEAN_AND_MEAN
#define UNICODE
#define _WIN32_WINNT 0x0A00
#include <windows.h>
#include <sddl.h>
#include <aclapi.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* Helpers a given check does not use are fine. */
#define HELPER static __attribute__((unused))

#define AS_DOCUMENTED 0
#define DIFFERS 10
#define BROKEN 2

/* How long a child waits for its parent (and the parent for a child) before calling it broken. */
#define PEER_TIMEOUT_MS 15000

HELPER void say(const char *tag, const char *fmt, va_list ap) {
    printf("%s: ", tag);
    vprintf(fmt, ap);
    printf("\n");
    fflush(stdout);
}

/* A set-up step failed: the check proves nothing either way. */
HELPER void broken(const char *fmt, ...) {
    DWORD e = GetLastError();
    va_list ap;
    va_start(ap, fmt);
    say("BROKEN", fmt, ap);
    va_end(ap);
    printf("  (GetLastError %lu)\n", e);
    fflush(stdout);
    ExitProcess(BROKEN);
}

HELPER int differs(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    say("DIFFERS", fmt, ap);
    va_end(ap);
    return DIFFERS;
}

HELPER int documented(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    say("AS-DOCUMENTED", fmt, ap);
    va_end(ap);
    return AS_DOCUMENTED;
}

/* A behaviour the check is about: when it does not hold, say how and return DIFFERS. */
#define EXPECT(cond, ...) do { if (!(cond)) return differs(__VA_ARGS__); } while (0)
/* A step the check needs: when it fails, the check is broken. */
#define REQUIRE(cond, ...) do { if (!(cond)) broken(__VA_ARGS__); } while (0)

/* The pid that names this run's objects: the parent's, passed to the child as its second argument. */
HELPER DWORD run_id(int argc, char **argv) {
    if (argc > 2 && strcmp(argv[1], "child") == 0) {
        return (DWORD) strtoul(argv[2], NULL, 10);
    }
    return GetCurrentProcessId();
}

HELPER int is_child(int argc, char **argv) {
    return argc > 1 && strcmp(argv[1], "child") == 0;
}

/* "<prefix>ffmipc-t-<run>-<tag>": prefix is L"\\\\.\\pipe\\", L"Local\\" or L"". */
HELPER void object_name(wchar_t *out, size_t cap, const wchar_t *prefix, DWORD run, const char *tag) {
    swprintf(out, cap, L"%lsffmipc-t-%lu-%hs", prefix, run, tag);
}

/*
 * Starts this program again as "child <run> <extra>". With handles, only those are inherited
 * (PROC_THREAD_ATTRIBUTE_HANDLE_LIST); without, none is. Suspended if asked, so the caller can
 * hand it handles before it runs.
 */
HELPER PROCESS_INFORMATION spawn_self(DWORD run, const char *extra, HANDLE *handles, int nhandles, BOOL suspended) {
    wchar_t exe[MAX_PATH];
    REQUIRE(GetModuleFileNameW(NULL, exe, MAX_PATH) > 0, "GetModuleFileNameW");
    wchar_t cmd[2 * MAX_PATH];
    swprintf(cmd, 2 * MAX_PATH, L"\"%ls\" child %lu %hs", exe, run, extra ? extra : "");
    STARTUPINFOEXW si;
    ZeroMemory(&si, sizeof si);
    si.StartupInfo.cb = sizeof si;
    DWORD flags = EXTENDED_STARTUPINFO_PRESENT | (suspended ? CREATE_SUSPENDED : 0);
    LPPROC_THREAD_ATTRIBUTE_LIST list = NULL;
    if (nhandles > 0) {
        SIZE_T size = 0;
        InitializeProcThreadAttributeList(NULL, 1, 0, &size);
        list = (LPPROC_THREAD_ATTRIBUTE_LIST) HeapAlloc(GetProcessHeap(), 0, size);
        REQUIRE(list != NULL, "HeapAlloc");
        REQUIRE(InitializeProcThreadAttributeList(list, 1, 0, &size), "InitializeProcThreadAttributeList");
        REQUIRE(UpdateProcThreadAttribute(list, 0, PROC_THREAD_ATTRIBUTE_HANDLE_LIST, handles,
                nhandles * sizeof(HANDLE), NULL, NULL), "UpdateProcThreadAttribute");
        si.lpAttributeList = list;
    }
    PROCESS_INFORMATION pi;
    REQUIRE(CreateProcessW(exe, cmd, NULL, NULL, nhandles > 0, flags, NULL, NULL, &si.StartupInfo, &pi),
            "CreateProcessW");
    if (list != NULL) {
        DeleteProcThreadAttributeList(list);
        HeapFree(GetProcessHeap(), 0, list);
    }
    return pi;
}

/* Waits for a child to end and returns its exit code; a child that does not end is killed. */
HELPER DWORD reap(PROCESS_INFORMATION *pi) {
    if (WaitForSingleObject(pi->hProcess, PEER_TIMEOUT_MS) != WAIT_OBJECT_0) {
        TerminateProcess(pi->hProcess, 99);
        broken("the child did not end in time");
    }
    DWORD code = 0;
    GetExitCodeProcess(pi->hProcess, &code);
    CloseHandle(pi->hThread);
    CloseHandle(pi->hProcess);
    return code;
}

/* A named event the two processes of a check use to say "ready" to each other. */
HELPER HANDLE rendezvous(DWORD run, const char *tag) {
    wchar_t name[128];
    object_name(name, 128, L"Local\\", run, tag);
    HANDLE h = CreateEventW(NULL, TRUE, FALSE, name);
    REQUIRE(h != NULL, "CreateEventW %hs", tag);
    return h;
}

HELPER void await(HANDLE h, const char *what) {
    REQUIRE(WaitForSingleObject(h, PEER_TIMEOUT_MS) == WAIT_OBJECT_0, "waiting for %s", what);
}

/* The current user's SID, copied out of the process token (TokenUser). */
HELPER PSID current_user_sid(void) {
    HANDLE token;
    REQUIRE(OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token), "OpenProcessToken");
    DWORD size = 0;
    GetTokenInformation(token, TokenUser, NULL, 0, &size);
    TOKEN_USER *user = (TOKEN_USER *) malloc(size);
    REQUIRE(GetTokenInformation(token, TokenUser, user, size, &size), "GetTokenInformation");
    DWORD len = GetLengthSid(user->User.Sid);
    PSID sid = malloc(len);
    REQUIRE(CopySid(len, sid, user->User.Sid), "CopySid");
    free(user);
    CloseHandle(token);
    return sid;
}

HELPER PSID sid_from_string(const wchar_t *text) {
    PSID sid = NULL;
    REQUIRE(ConvertStringSidToSidW(text, &sid), "ConvertStringSidToSidW %ls", text);
    return sid;
}

/*
 * An absolute security descriptor whose owner is the current user and whose DACL has one ACE
 * granting GENERIC_ALL to {@code grantee}: the provider's owner-only descriptor when grantee is the
 * current user. Lives as long as the process (the checks are short).
 */
HELPER SECURITY_ATTRIBUTES *only_sid_may_use(PSID grantee) {
    DWORD acl_size = sizeof(ACL) + sizeof(ACCESS_ALLOWED_ACE) - sizeof(DWORD) + GetLengthSid(grantee);
    PACL acl = (PACL) malloc(acl_size);
    REQUIRE(InitializeAcl(acl, acl_size, ACL_REVISION), "InitializeAcl");
    REQUIRE(AddAccessAllowedAce(acl, ACL_REVISION, GENERIC_ALL, grantee), "AddAccessAllowedAce");
    PSECURITY_DESCRIPTOR sd = malloc(SECURITY_DESCRIPTOR_MIN_LENGTH);
    REQUIRE(InitializeSecurityDescriptor(sd, SECURITY_DESCRIPTOR_REVISION), "InitializeSecurityDescriptor");
    REQUIRE(SetSecurityDescriptorOwner(sd, current_user_sid(), FALSE), "SetSecurityDescriptorOwner");
    REQUIRE(SetSecurityDescriptorDacl(sd, TRUE, acl, FALSE), "SetSecurityDescriptorDacl");
    SECURITY_ATTRIBUTES *sa = (SECURITY_ATTRIBUTES *) malloc(sizeof *sa);
    sa->nLength = sizeof *sa;
    sa->lpSecurityDescriptor = sd;
    sa->bInheritHandle = FALSE;
    return sa;
}

/* A duplex message-mode pipe server end, overlapped, with the provider's flags. */
HELPER HANDLE message_pipe_server(const wchar_t *name, DWORD max_instances, SECURITY_ATTRIBUTES *sa) {
    return CreateNamedPipeW(name, PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED | FILE_FLAG_FIRST_PIPE_INSTANCE,
            PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE | PIPE_WAIT | PIPE_REJECT_REMOTE_CLIENTS,
            max_instances, 4096, 4096, 0, sa);
}

/* A client end as the provider opens it: read/write, overlapped, identification-only impersonation. */
HELPER HANDLE pipe_client(const wchar_t *name) {
    return CreateFileW(name, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING,
            FILE_FLAG_OVERLAPPED | SECURITY_SQOS_PRESENT | SECURITY_IDENTIFICATION, NULL);
}

/* Switches a client end to message read mode (client ends open in byte read mode). */
HELPER void message_read_mode(HANDLE client) {
    DWORD mode = PIPE_READMODE_MESSAGE;
    REQUIRE(SetNamedPipeHandleState(client, &mode, NULL, NULL), "SetNamedPipeHandleState");
}

/*
 * One overlapped read or write as the provider does it, waited for at most timeout_ms: returns the
 * bytes moved and sets *error to 0 or the GetLastError code of the outcome (WAIT_TIMEOUT if still
 * pending; the caller then cancels and keeps the OVERLAPPED and its event). The byte count always
 * comes from GetOverlappedResult: for an overlapped call the count ReadFile/WriteFile return is not
 * reliable, and a message-mode read that ends with ERROR_MORE_DATA has completed with its bytes.
 */
HELPER DWORD overlapped_io(HANDLE h, BOOL write, void *buf, DWORD len, OVERLAPPED *ov, DWORD timeout_ms, DWORD *error) {
    ZeroMemory(ov, sizeof *ov);
    ov->hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    REQUIRE(ov->hEvent != NULL, "CreateEventW");
    BOOL ok = write ? WriteFile(h, buf, len, NULL, ov) : ReadFile(h, buf, len, NULL, ov);
    DWORD e = ok ? 0 : GetLastError();
    if (!ok && e != ERROR_IO_PENDING && e != ERROR_MORE_DATA) {
        *error = e;
        return 0;
    }
    if (e == ERROR_IO_PENDING && WaitForSingleObject(ov->hEvent, timeout_ms) == WAIT_TIMEOUT) {
        *error = WAIT_TIMEOUT;
        return 0;
    }
    DWORD n = 0;
    ok = GetOverlappedResult(h, ov, &n, FALSE);
    *error = ok ? 0 : GetLastError();
    return n;
}

/* A blocking overlapped read or write that must succeed completely (set-up traffic). */
HELPER DWORD io_or_broken(HANDLE h, BOOL write, void *buf, DWORD len) {
    OVERLAPPED ov;
    DWORD error;
    DWORD n = overlapped_io(h, write, buf, len, &ov, PEER_TIMEOUT_MS, &error);
    CloseHandle(ov.hEvent);
    REQUIRE(error == 0, "%s on the pipe ended with %lu", write ? "WriteFile" : "ReadFile", error);
    return n;
}

HELPER void accept_client(HANDLE server);

/* A connected message pipe as the provider makes one (the run's name with tag): the server end, and the client end in *client. */
HELPER HANDLE connected_message_pipe(int argc, char **argv, const char *tag, HANDLE *client) {
    wchar_t name[128];
    object_name(name, 128, L"\\\\.\\pipe\\", run_id(argc, argv), tag);
    HANDLE server = message_pipe_server(name, 1, NULL);
    REQUIRE(server != INVALID_HANDLE_VALUE, "CreateNamedPipeW");
    *client = pipe_client(name);
    REQUIRE(*client != INVALID_HANDLE_VALUE, "CreateFileW on the pipe");
    accept_client(server);
    return server;
}

/* Accepts one client on an overlapped server end (a client that came first counts as connected). */
HELPER void accept_client(HANDLE server) {
    OVERLAPPED ov;
    ZeroMemory(&ov, sizeof ov);
    ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    if (!ConnectNamedPipe(server, &ov)) {
        DWORD e = GetLastError();
        if (e == ERROR_IO_PENDING) {
            await(ov.hEvent, "a client");
            DWORD n;
            REQUIRE(GetOverlappedResult(server, &ov, &n, FALSE), "GetOverlappedResult after ConnectNamedPipe");
        } else {
            REQUIRE(e == ERROR_PIPE_CONNECTED, "ConnectNamedPipe");
        }
    }
    CloseHandle(ov.hEvent);
}

#endif
