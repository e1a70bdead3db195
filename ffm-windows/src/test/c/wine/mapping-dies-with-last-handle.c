/* A pagefile mapping has no name of its own beyond its handles: a second process opens it and sees
 * its data while the creator holds it; once the last handle (and view) is gone, OpenFileMappingW
 * fails with ERROR_FILE_NOT_FOUND. Hence "persistent names" is unsupported on Windows. */
#include "check.h"

int main(int argc, char **argv) {
    DWORD run = run_id(argc, argv);
    wchar_t name[128];
    object_name(name, 128, L"Local\\", run, "lifetime");
    if (is_child(argc, argv)) {
        HANDLE m = OpenFileMappingW(FILE_MAP_READ, FALSE, name);
        if (m == NULL) {
            return GetLastError() == ERROR_FILE_NOT_FOUND ? 20 : 21; /* gone, or another error */
        }
        LONG *p = (LONG *) MapViewOfFile(m, FILE_MAP_READ, 0, 0, 0);
        int seen = p != NULL && *p == 42;
        UnmapViewOfFile(p);
        CloseHandle(m);
        return seen ? 0 : 22;
    }
    HANDLE m = CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 4096, name);
    REQUIRE(m != NULL, "CreateFileMappingW");
    LONG *p = (LONG *) MapViewOfFile(m, FILE_MAP_WRITE, 0, 0, 0);
    REQUIRE(p != NULL, "MapViewOfFile");
    *p = 42;
    PROCESS_INFORMATION c1 = spawn_self(run, NULL, NULL, 0, FALSE);
    DWORD while_held = reap(&c1);
    UnmapViewOfFile(p);
    CloseHandle(m);
    PROCESS_INFORMATION c2 = spawn_self(run, NULL, NULL, 0, FALSE);
    DWORD after = reap(&c2);
    EXPECT(while_held == 0, "a second process could not open and read the held mapping (child exit %lu)", while_held);
    EXPECT(after == 20, "after the last handle closed the child's open gave exit %lu, not ERROR_FILE_NOT_FOUND (20)",
            after);
    return documented("open and read from another process while held; ERROR_FILE_NOT_FOUND after the last handle");
}
