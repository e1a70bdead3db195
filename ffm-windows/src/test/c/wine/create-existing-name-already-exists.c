/* Create* on a name that exists opens the existing object and sets ERROR_ALREADY_EXISTS (for a
 * mapping, semaphore, mutex and event alike): CREATE must close the handle and fail, OPEN_OR_CREATE
 * may keep it; the second handle reaches the same object. */
#include "check.h"

int main(int argc, char **argv) {
    DWORD run = run_id(argc, argv);
    wchar_t n[4][128];
    object_name(n[0], 128, L"Local\\", run, "exists-shm");
    object_name(n[1], 128, L"Local\\", run, "exists-sem");
    object_name(n[2], 128, L"Local\\", run, "exists-mutex");
    object_name(n[3], 128, L"Local\\", run, "exists-event");
    HANDLE first[4] = {
            CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 4096, n[0]),
            CreateSemaphoreW(NULL, 0, 10, n[1]), CreateMutexW(NULL, FALSE, n[2]), CreateEventW(NULL, TRUE, FALSE, n[3])};
    for (int i = 0; i < 4; i++) {
        REQUIRE(first[i] != NULL, "creating the first object of kind %d", i);
    }
    const char *kinds[4] = {"mapping", "semaphore", "mutex", "event"};
    HANDLE second[4];
    SetLastError(0);
    second[0] = CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 4096, n[0]);
    DWORD e0 = GetLastError();
    SetLastError(0);
    second[1] = CreateSemaphoreW(NULL, 0, 10, n[1]);
    DWORD e1 = GetLastError();
    SetLastError(0);
    second[2] = CreateMutexW(NULL, FALSE, n[2]);
    DWORD e2 = GetLastError();
    SetLastError(0);
    second[3] = CreateEventW(NULL, TRUE, FALSE, n[3]);
    DWORD e3 = GetLastError();
    DWORD errors[4] = {e0, e1, e2, e3};
    for (int i = 0; i < 4; i++) {
        EXPECT(second[i] != NULL && errors[i] == ERROR_ALREADY_EXISTS,
                "creating an existing %s: handle %p, error %lu", kinds[i], second[i], errors[i]);
    }
    /* the same object: the semaphore released through one handle is taken through the other */
    ReleaseSemaphore(first[1], 1, NULL);
    EXPECT(WaitForSingleObject(second[1], 0) == WAIT_OBJECT_0, "the second semaphore handle is another object");
    for (int i = 0; i < 4; i++) {
        CloseHandle(first[i]);
        CloseHandle(second[i]);
    }
    return documented("a second Create* of each kind returned the existing object with ERROR_ALREADY_EXISTS");
}
