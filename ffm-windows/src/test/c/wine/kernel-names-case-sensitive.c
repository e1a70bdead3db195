/* Kernel object names are case sensitive: an event opened by its name in other case is not found. */
#include "check.h"

int main(int argc, char **argv) {
    wchar_t name[128], upper[128];
    object_name(name, 128, L"Local\\", run_id(argc, argv), "casefold");
    wcscpy(upper, name);
    for (wchar_t *p = upper + wcslen(L"Local\\"); *p; p++) {
        *p = towupper(*p);
    }
    HANDLE event = CreateEventW(NULL, TRUE, FALSE, name);
    REQUIRE(event != NULL, "CreateEventW");
    HANDLE other = OpenEventW(SYNCHRONIZE, FALSE, upper);
    DWORD e = GetLastError();
    if (other != NULL) {
        CloseHandle(other);
    }
    CloseHandle(event);
    EXPECT(other == NULL && e == ERROR_FILE_NOT_FOUND, "the upper-case name reached the event (error %lu)", e);
    return documented("an event is not found by its name in other case");
}
