/* Only the owner thread may release a mutex: ReleaseMutex from another thread of the same process
 * fails with ERROR_NOT_OWNER and leaves it held. */
#include "check.h"

static HANDLE mutex;

static DWORD WINAPI release_it(LPVOID arg) {
    (void) arg;
    return ReleaseMutex(mutex) ? 0 : GetLastError();
}

int main(int argc, char **argv) {
    (void) argc;
    (void) argv;
    mutex = CreateMutexW(NULL, TRUE, NULL);
    REQUIRE(mutex != NULL, "CreateMutexW, owned");
    HANDLE t = CreateThread(NULL, 0, release_it, NULL, 0, NULL);
    REQUIRE(t != NULL && WaitForSingleObject(t, PEER_TIMEOUT_MS) == WAIT_OBJECT_0, "the releasing thread");
    DWORD e;
    GetExitCodeThread(t, &e);
    EXPECT(e == ERROR_NOT_OWNER, "ReleaseMutex from another thread ended with %lu, not ERROR_NOT_OWNER", e);
    EXPECT(ReleaseMutex(mutex), "the owner could not release it afterwards (%lu)", GetLastError());
    CloseHandle(t);
    CloseHandle(mutex);
    return documented("ReleaseMutex by a non-owner thread: ERROR_NOT_OWNER; the owner still releases it");
}
