/* Handle passing: the parent duplicates an unnamed mapping into a running child (DuplicateHandle
 * with the child's process handle) and tells it the value; the child maps it and writes, and the
 * parent reads what the child wrote. No name and no inheritance involved. */
#include "check.h"

int main(int argc, char **argv) {
    DWORD run = run_id(argc, argv);
    if (is_child(argc, argv)) {
        HANDLE ready = rendezvous(run, "dup-ready");
        await(ready, "the parent to pass the handle");
        wchar_t box_name[128];
        object_name(box_name, 128, L"Local\\", run, "dup-box");
        HANDLE box = OpenFileMappingW(FILE_MAP_READ, FALSE, box_name);
        REQUIRE(box != NULL, "child: opening the box");
        unsigned long long *value = (unsigned long long *) MapViewOfFile(box, FILE_MAP_READ, 0, 0, 0);
        REQUIRE(value != NULL, "child: mapping the box");
        HANDLE passed = (HANDLE) (ULONG_PTR) *value;
        LONG *p = (LONG *) MapViewOfFile(passed, FILE_MAP_WRITE, 0, 0, 0);
        REQUIRE(p != NULL, "child: mapping the passed handle %p", passed);
        *p = 4711;
        return 0;
    }
    HANDLE ready = rendezvous(run, "dup-ready");
    wchar_t box_name[128];
    object_name(box_name, 128, L"Local\\", run, "dup-box");
    HANDLE box = CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 4096, box_name);
    REQUIRE(box != NULL, "the box");
    unsigned long long *value = (unsigned long long *) MapViewOfFile(box, FILE_MAP_WRITE, 0, 0, 0);
    HANDLE unnamed = CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 4096, NULL);
    REQUIRE(unnamed != NULL, "the unnamed mapping");
    LONG *p = (LONG *) MapViewOfFile(unnamed, FILE_MAP_READ, 0, 0, 0);
    PROCESS_INFORMATION child = spawn_self(run, NULL, NULL, 0, FALSE);
    HANDLE in_child = NULL;
    EXPECT(DuplicateHandle(GetCurrentProcess(), unnamed, child.hProcess, &in_child, 0, FALSE, DUPLICATE_SAME_ACCESS),
            "DuplicateHandle into the child failed with %lu", GetLastError());
    *value = (unsigned long long) (ULONG_PTR) in_child;
    SetEvent(ready);
    DWORD code = reap(&child);
    EXPECT(code == 0, "the child could not use the passed handle (exit %lu)", code);
    EXPECT(*p == 4711, "the parent sees %ld, not what the child wrote", *p);
    return documented("an unnamed mapping duplicated into a running child is mapped and written there");
}
