/* Kernel object names share one namespace: creating a mapping (or semaphore) under a name an
 * event holds fails with ERROR_INVALID_HANDLE, so names of one kind never reach another kind's object. */
#include "check.h"

int main(int argc, char **argv) {
    wchar_t name[128];
    object_name(name, 128, L"Local\\", run_id(argc, argv), "taken");
    HANDLE event = CreateEventW(NULL, TRUE, FALSE, name);
    REQUIRE(event != NULL, "CreateEventW");
    HANDLE mapping = CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 4096, name);
    DWORD e1 = GetLastError();
    HANDLE sem = CreateSemaphoreW(NULL, 0, 1, name);
    DWORD e2 = GetLastError();
    HANDLE opened = OpenSemaphoreW(SYNCHRONIZE, FALSE, name);
    DWORD e3 = GetLastError();
    CloseHandle(event);
    EXPECT(mapping == NULL && e1 == ERROR_INVALID_HANDLE, "a mapping named like an event: handle %p, error %lu", mapping, e1);
    EXPECT(sem == NULL && e2 == ERROR_INVALID_HANDLE, "a semaphore named like an event: handle %p, error %lu", sem, e2);
    EXPECT(opened == NULL && e3 == ERROR_INVALID_HANDLE, "opening an event as a semaphore: handle %p, error %lu",
            opened, e3);
    return documented("a name held by an event: creating a mapping or semaphore or opening a semaphore gives ERROR_INVALID_HANDLE");
}
