/* WaitOnAddress wakes only threads of the waker's process: a child waiting on a word of a shared
 * mapping sleeps through the parent's change + WakeByAddressAll (it sees the new value only when
 * its own timeout ends), while a thread of the parent waiting on the same word is woken at once.
 * Why the Windows wait seam uses a named event per wait word. */
#include "check.h"

#define CHILD_WAIT_MS 1500

static volatile LONG *word;

static DWORD WINAPI local_waiter(LPVOID arg) {
    (void) arg;
    LONG zero = 0;
    DWORD start = GetTickCount();
    WaitOnAddress(word, &zero, sizeof zero, CHILD_WAIT_MS);
    return GetTickCount() - start;
}

int main(int argc, char **argv) {
    DWORD run = run_id(argc, argv);
    wchar_t name[128];
    object_name(name, 128, L"Local\\", run, "address");
    HANDLE waiting = rendezvous(run, "address-waiting");
    if (is_child(argc, argv)) {
        HANDLE m = OpenFileMappingW(FILE_MAP_ALL_ACCESS, FALSE, name);
        REQUIRE(m != NULL, "child: OpenFileMappingW");
        volatile LONG *w = (volatile LONG *) MapViewOfFile(m, FILE_MAP_ALL_ACCESS, 0, 0, 0);
        REQUIRE(w != NULL, "child: MapViewOfFile");
        LONG zero = 0;
        SetEvent(waiting);
        DWORD start = GetTickCount();
        BOOL woken = WaitOnAddress(w, &zero, sizeof zero, CHILD_WAIT_MS);
        DWORD took = GetTickCount() - start;
        printf("child: WaitOnAddress returned %d after %lu ms (word now %ld)\n", woken, took, *w);
        return took >= CHILD_WAIT_MS - 200 ? 40 : 41; /* 40: slept through the wake */
    }
    HANDLE m = CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 4096, name);
    REQUIRE(m != NULL, "CreateFileMappingW");
    word = (volatile LONG *) MapViewOfFile(m, FILE_MAP_ALL_ACCESS, 0, 0, 0);
    REQUIRE(word != NULL, "MapViewOfFile");
    *word = 0;
    PROCESS_INFORMATION child = spawn_self(run, NULL, NULL, 0, FALSE);
    HANDLE local = CreateThread(NULL, 0, local_waiter, NULL, 0, NULL);
    await(waiting, "the child to wait");
    Sleep(200); /* let both waiters block */
    InterlockedExchange((volatile LONG *) word, 1);
    WakeByAddressAll((PVOID) word);
    REQUIRE(WaitForSingleObject(local, PEER_TIMEOUT_MS) == WAIT_OBJECT_0, "the local waiter");
    DWORD local_took;
    GetExitCodeThread(local, &local_took);
    DWORD code = reap(&child);
    REQUIRE(local_took < CHILD_WAIT_MS - 200, "the wake did not reach a thread of its own process (%lu ms)", local_took);
    EXPECT(code == 40, "a waiter in another process was woken (child exit %lu)", code);
    return documented("the local waiter woke after %lu ms; the child slept through the wake to its timeout", local_took);
}
