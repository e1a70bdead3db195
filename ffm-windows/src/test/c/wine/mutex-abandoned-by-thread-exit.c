/* A mutex is owned by a thread, not a process: a thread that ends while holding it abandons it
 * even though its process lives on. (Why the provider keeps one owner thread per held mutex:
 * a virtual thread's carrier is not the thread that locked.) */
#include "check.h"

static HANDLE mutex;

static DWORD WINAPI take_and_leave(LPVOID arg) {
    (void) arg;
    return WaitForSingleObject(mutex, PEER_TIMEOUT_MS);
}

int main(int argc, char **argv) {
    (void) argc;
    (void) argv;
    mutex = CreateMutexW(NULL, FALSE, NULL);
    REQUIRE(mutex != NULL, "CreateMutexW");
    HANDLE t = CreateThread(NULL, 0, take_and_leave, NULL, 0, NULL);
    REQUIRE(t != NULL, "CreateThread");
    REQUIRE(WaitForSingleObject(t, PEER_TIMEOUT_MS) == WAIT_OBJECT_0, "the thread did not end");
    DWORD taken;
    GetExitCodeThread(t, &taken);
    REQUIRE(taken == WAIT_OBJECT_0, "the thread did not take the mutex (0x%lx)", taken);
    DWORD r = WaitForSingleObject(mutex, PEER_TIMEOUT_MS);
    EXPECT(r == WAIT_ABANDONED, "after the owner thread ended the wait returned 0x%lx, not WAIT_ABANDONED", r);
    ReleaseMutex(mutex);
    CloseHandle(t);
    CloseHandle(mutex);
    return documented("a thread that ends holding a mutex abandons it; the next waiter gets WAIT_ABANDONED");
}
