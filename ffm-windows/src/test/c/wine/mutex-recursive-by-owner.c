/* The owner thread waiting again on its mutex does not block: it owns it once more and must
 * release it as many times. (A portable non-recursive lock must refuse the second lock itself.) */
#include "check.h"

static HANDLE mutex;

static DWORD WINAPI try_take(LPVOID arg) {
    (void) arg;
    return WaitForSingleObject(mutex, 0);
}

static DWORD other_thread_try(void) {
    HANDLE t = CreateThread(NULL, 0, try_take, NULL, 0, NULL);
    REQUIRE(t != NULL && WaitForSingleObject(t, PEER_TIMEOUT_MS) == WAIT_OBJECT_0, "the other thread");
    DWORD r;
    GetExitCodeThread(t, &r);
    CloseHandle(t);
    return r;
}

int main(int argc, char **argv) {
    (void) argc;
    (void) argv;
    mutex = CreateMutexW(NULL, FALSE, NULL);
    REQUIRE(mutex != NULL, "CreateMutexW");
    REQUIRE(WaitForSingleObject(mutex, 0) == WAIT_OBJECT_0, "first lock");
    EXPECT(WaitForSingleObject(mutex, 0) == WAIT_OBJECT_0, "the owner's second wait did not succeed at once");
    REQUIRE(ReleaseMutex(mutex), "first release");
    EXPECT(other_thread_try() == WAIT_TIMEOUT, "one release of two locks freed the mutex");
    REQUIRE(ReleaseMutex(mutex), "second release");
    DWORD r = other_thread_try();
    EXPECT(r == WAIT_ABANDONED || r == WAIT_OBJECT_0, "after two releases another thread could not take it (0x%lx)", r);
    CloseHandle(mutex);
    return documented("the owner locks twice without blocking and must release twice");
}
