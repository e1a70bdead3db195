/* PROC_THREAD_ATTRIBUTE_HANDLE_LIST: of two inheritable events, only the one listed reaches the
 * child. The child sets both by value; the parent sees the listed one set and the other not (a
 * value that is no handle of the child, or another object there, cannot set our event). */
#include "check.h"

int main(int argc, char **argv) {
    DWORD run = run_id(argc, argv);
    if (is_child(argc, argv)) {
        REQUIRE(argc > 4, "child: handle values expected");
        HANDLE listed = (HANDLE) (ULONG_PTR) strtoull(argv[3], NULL, 16);
        HANDLE unlisted = (HANDLE) (ULONG_PTR) strtoull(argv[4], NULL, 16);
        BOOL a = SetEvent(listed);
        BOOL b = SetEvent(unlisted);
        printf("child: SetEvent(listed)=%d SetEvent(unlisted)=%d\n", a, b);
        return 0;
    }
    SECURITY_ATTRIBUTES inherit = {sizeof inherit, NULL, TRUE};
    HANDLE listed = CreateEventW(&inherit, TRUE, FALSE, NULL);
    HANDLE unlisted = CreateEventW(&inherit, TRUE, FALSE, NULL);
    REQUIRE(listed != NULL && unlisted != NULL, "CreateEventW");
    char extra[64];
    snprintf(extra, sizeof extra, "%llx %llx", (unsigned long long) (ULONG_PTR) listed,
            (unsigned long long) (ULONG_PTR) unlisted);
    HANDLE list[1] = {listed};
    PROCESS_INFORMATION child = spawn_self(run, extra, list, 1, FALSE);
    REQUIRE(reap(&child) == 0, "the child failed");
    EXPECT(WaitForSingleObject(listed, 0) == WAIT_OBJECT_0, "the listed handle did not reach the child");
    EXPECT(WaitForSingleObject(unlisted, 0) == WAIT_TIMEOUT, "an inheritable handle not in the list reached the child");
    return documented("only the handle in PROC_THREAD_ATTRIBUTE_HANDLE_LIST was inherited");
}
