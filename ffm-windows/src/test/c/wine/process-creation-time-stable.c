/* GetProcessTimes gives a process's creation time, the same whether the process asks about itself
 * or another process asks through a handle: with the pid it makes a stamp that survives pid reuse. */
#include "check.h"

int main(int argc, char **argv) {
    DWORD run = run_id(argc, argv);
    if (is_child(argc, argv)) {
        FILETIME created, exited, kernel, user;
        REQUIRE(GetProcessTimes(GetCurrentProcess(), &created, &exited, &kernel, &user), "child: GetProcessTimes");
        printf("child: created %08lx%08lx\n", created.dwHighDateTime, created.dwLowDateTime);
        fflush(stdout);
        HANDLE go = rendezvous(run, "times-go");
        await(go, "the parent");
        /* exit code: the low 31 bits of the creation time, as the parent will compare them */
        return (int) (created.dwLowDateTime & 0x7fffffff);
    }
    HANDLE go = rendezvous(run, "times-go");
    PROCESS_INFORMATION child = spawn_self(run, NULL, NULL, 0, FALSE);
    HANDLE other = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, child.dwProcessId);
    REQUIRE(other != NULL, "OpenProcess");
    FILETIME a, b, exited, kernel, user;
    REQUIRE(GetProcessTimes(other, &a, &exited, &kernel, &user), "GetProcessTimes");
    Sleep(50);
    REQUIRE(GetProcessTimes(child.hProcess, &b, &exited, &kernel, &user), "GetProcessTimes again");
    SetEvent(go);
    DWORD own = reap(&child);
    CloseHandle(other);
    EXPECT(a.dwLowDateTime == b.dwLowDateTime && a.dwHighDateTime == b.dwHighDateTime,
            "two readings of the child's creation time differ");
    EXPECT(own == (a.dwLowDateTime & 0x7fffffff), "the child's own creation time differs from the parent's reading");
    EXPECT(a.dwHighDateTime != 0, "the creation time is empty");
    return documented("the creation time is the same from both processes and over time");
}
