/* The provider tells "created" from "opened an existing one" by GetLastError after a successful
 * Create* (ERROR_ALREADY_EXISTS), captured right after the call. That is only sound if a create of a
 * new object sets the last error to 0 instead of leaving what an earlier call left. */
#include "check.h"

int main(int argc, char **argv) {
    DWORD run = run_id(argc, argv);
    wchar_t name[128];
    object_name(name, 128, L"Local\\", run, "fresh-map");
    SetLastError(ERROR_ALREADY_EXISTS);
    HANDLE m = CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 4096, name);
    DWORD em = GetLastError();
    object_name(name, 128, L"Local\\", run, "fresh-sem");
    SetLastError(ERROR_ALREADY_EXISTS);
    HANDLE s = CreateSemaphoreW(NULL, 0, 1, name);
    DWORD es = GetLastError();
    object_name(name, 128, L"Local\\", run, "fresh-mutex");
    SetLastError(ERROR_ALREADY_EXISTS);
    HANDLE x = CreateMutexW(NULL, FALSE, name);
    DWORD ex = GetLastError();
    REQUIRE(m != NULL && s != NULL && x != NULL, "Create*");
    EXPECT(em == 0 && es == 0 && ex == 0, "a fresh create left last error %lu (mapping), %lu (semaphore), %lu (mutex)",
            em, es, ex);
    CloseHandle(m);
    CloseHandle(s);
    CloseHandle(x);
    return documented("a create of a new mapping, semaphore, mutex sets the last error to 0");
}
