/* Open* of a name nobody holds fails with ERROR_FILE_NOT_FOUND, for each kind. */
#include "check.h"

int main(int argc, char **argv) {
    wchar_t name[128];
    object_name(name, 128, L"Local\\", run_id(argc, argv), "nobody");
    HANDLE h[4] = {OpenFileMappingW(FILE_MAP_READ, FALSE, name), NULL, NULL, NULL};
    DWORD e[4];
    e[0] = GetLastError();
    h[1] = OpenSemaphoreW(SYNCHRONIZE, FALSE, name);
    e[1] = GetLastError();
    h[2] = OpenMutexW(SYNCHRONIZE, FALSE, name);
    e[2] = GetLastError();
    h[3] = OpenEventW(SYNCHRONIZE, FALSE, name);
    e[3] = GetLastError();
    const char *kinds[4] = {"mapping", "semaphore", "mutex", "event"};
    for (int i = 0; i < 4; i++) {
        EXPECT(h[i] == NULL && e[i] == ERROR_FILE_NOT_FOUND, "opening a missing %s: error %lu", kinds[i], e[i]);
    }
    return documented("Open* of a missing name: ERROR_FILE_NOT_FOUND for mapping, semaphore, mutex, event");
}
