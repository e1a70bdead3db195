/* The unnamed event: one unnamed semaphore (maximum LONG_MAX) that a child inherits through the
 * handle list under the same value. The child releases 5 units in one call; the parent takes exactly
 * 5 with zero-wait waits (COUNTER mode's drain), then a wait times out. While the child runs, a wait of
 * 0 ms on its process handle says WAIT_TIMEOUT, after it ended WAIT_OBJECT_0: liveness without the
 * ambiguous STILL_ACTIVE. */
#include "check.h"

int main(int argc, char **argv) {
    DWORD run = run_id(argc, argv);
    if (is_child(argc, argv)) {
        REQUIRE(argc > 3, "child: the handle value expected");
        HANDLE s = (HANDLE) (ULONG_PTR) strtoull(argv[3], NULL, 10);
        LONG before = -1;
        REQUIRE(ReleaseSemaphore(s, 5, &before), "child: ReleaseSemaphore");
        Sleep(300);
        return 0;
    }
    SECURITY_ATTRIBUTES inherit = {sizeof inherit, NULL, TRUE};
    HANDLE s = CreateSemaphoreW(&inherit, 0, 0x7FFFFFFF, NULL);
    REQUIRE(s != NULL, "CreateSemaphoreW(LONG_MAX)");
    char extra[32];
    snprintf(extra, sizeof extra, "%llu", (unsigned long long) (ULONG_PTR) s);
    HANDLE list[1] = {s};
    PROCESS_INFORMATION child = spawn_self(run, extra, list, 1, FALSE);
    EXPECT(WaitForSingleObject(child.hProcess, 0) == WAIT_TIMEOUT, "a running child's handle is signalled");
    REQUIRE(WaitForSingleObject(s, PEER_TIMEOUT_MS) == WAIT_OBJECT_0, "no unit from the child");
    int taken = 1;
    while (WaitForSingleObject(s, 0) == WAIT_OBJECT_0) {
        taken++;
    }
    EXPECT(taken == 5, "took %d units, not the 5 the child released", taken);
    EXPECT(WaitForSingleObject(s, 50) == WAIT_TIMEOUT, "a unit was left");
    REQUIRE(WaitForSingleObject(child.hProcess, PEER_TIMEOUT_MS) == WAIT_OBJECT_0, "the child did not end");
    EXPECT(WaitForSingleObject(child.hProcess, 0) == WAIT_OBJECT_0, "an ended child's handle is not signalled");
    REQUIRE(reap(&child) == 0, "the child failed");
    CloseHandle(s);
    return documented("the inherited semaphore: 5 released in the child, exactly 5 taken here; process handles tell liveness");
}
