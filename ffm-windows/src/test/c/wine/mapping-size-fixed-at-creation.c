/* A pagefile mapping's size is fixed when it is created: a later CreateFileMappingW of the same
 * name asking for more returns the existing section (ERROR_ALREADY_EXISTS) at its first size, and a
 * view larger than the section is refused. */
#include "check.h"

int main(int argc, char **argv) {
    wchar_t name[128];
    object_name(name, 128, L"Local\\", run_id(argc, argv), "fixed");
    HANDLE m = CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 4096, name);
    REQUIRE(m != NULL, "CreateFileMappingW");
    SetLastError(0);
    HANDLE bigger = CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 65536, name);
    DWORD e = GetLastError();
    EXPECT(bigger != NULL && e == ERROR_ALREADY_EXISTS, "asking for a bigger existing mapping: handle %p, error %lu",
            bigger, e);
    void *view = MapViewOfFile(bigger, FILE_MAP_READ, 0, 0, 0);
    REQUIRE(view != NULL, "MapViewOfFile");
    MEMORY_BASIC_INFORMATION info;
    REQUIRE(VirtualQuery(view, &info, sizeof info) == sizeof info, "VirtualQuery");
    EXPECT(info.RegionSize == 4096, "the existing mapping grew to %llu bytes", (unsigned long long) info.RegionSize);
    void *too_big = MapViewOfFile(bigger, FILE_MAP_READ, 0, 0, 65536);
    EXPECT(too_big == NULL, "a 64 KiB view of a 4 KiB section was mapped");
    UnmapViewOfFile(view);
    CloseHandle(bigger);
    CloseHandle(m);
    return documented("the second create got the 4096-byte section back; a larger view is refused");
}
