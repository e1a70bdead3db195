/* Owner death: a child process takes a named mutex and is killed while holding it; the parent's
 * wait returns WAIT_ABANDONED and it owns the mutex (ReleaseMutex succeeds); the next wait is a
 * plain WAIT_OBJECT_0. */
#include "check.h"

int main(int argc, char **argv) {
    DWORD run = run_id(argc, argv);
    wchar_t name[128];
    object_name(name, 128, L"Local\\", run, "mutex");
    HANDLE held = rendezvous(run, "mutex-held");
    if (is_child(argc, argv)) {
        HANDLE m = OpenMutexW(SYNCHRONIZE | MUTEX_MODIFY_STATE, FALSE, name);
        REQUIRE(m != NULL, "child: OpenMutexW");
        REQUIRE(WaitForSingleObject(m, PEER_TIMEOUT_MS) == WAIT_OBJECT_0, "child: taking the mutex");
        SetEvent(held);
        Sleep(PEER_TIMEOUT_MS); /* killed by the parent while holding it */
        return BROKEN;
    }
    HANDLE m = CreateMutexW(NULL, FALSE, name);
    REQUIRE(m != NULL, "CreateMutexW");
    PROCESS_INFORMATION child = spawn_self(run, NULL, NULL, 0, FALSE);
    await(held, "the child to hold the mutex");
    EXPECT(WaitForSingleObject(m, 100) == WAIT_TIMEOUT, "the mutex was free while the child held it");
    TerminateProcess(child.hProcess, 9);
    reap(&child);
    DWORD r = WaitForSingleObject(m, PEER_TIMEOUT_MS);
    EXPECT(r == WAIT_ABANDONED, "the wait after the owner was killed returned 0x%lx, not WAIT_ABANDONED", r);
    EXPECT(ReleaseMutex(m), "ReleaseMutex after WAIT_ABANDONED failed with %lu: the wait did not make us owner",
            GetLastError());
    r = WaitForSingleObject(m, 0);
    EXPECT(r == WAIT_OBJECT_0, "the wait after the repair returned 0x%lx", r);
    ReleaseMutex(m);
    CloseHandle(m);
    return documented("owner killed: WAIT_ABANDONED and owned; the next wait is WAIT_OBJECT_0");
}
