/* An opened mapping's size: a view of the whole section (size 0) is as large as the section
 * rounded up to whole pages, and VirtualQuery reports that as the region size (another process
 * opening a 10000-byte mapping learns 12288). */
#include "check.h"

int main(int argc, char **argv) {
    DWORD run = run_id(argc, argv);
    wchar_t name[128];
    object_name(name, 128, L"Local\\", run, "size");
    if (is_child(argc, argv)) {
        HANDLE m = OpenFileMappingW(FILE_MAP_READ, FALSE, name);
        REQUIRE(m != NULL, "child: OpenFileMappingW");
        void *view = MapViewOfFile(m, FILE_MAP_READ, 0, 0, 0);
        REQUIRE(view != NULL, "child: MapViewOfFile");
        MEMORY_BASIC_INFORMATION info;
        REQUIRE(VirtualQuery(view, &info, sizeof info) == sizeof info, "child: VirtualQuery");
        printf("child: region %llu bytes, type 0x%lx\n", (unsigned long long) info.RegionSize, info.Type);
        return info.RegionSize == 12288 && info.Type == MEM_MAPPED ? 0 : 30;
    }
    HANDLE m = CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 10000, name);
    REQUIRE(m != NULL, "CreateFileMappingW");
    PROCESS_INFORMATION child = spawn_self(run, NULL, NULL, 0, FALSE);
    DWORD code = reap(&child);
    CloseHandle(m);
    EXPECT(code == 0, "the opener did not see a 12288-byte MEM_MAPPED region (child exit %lu)", code);
    return documented("a 10000-byte mapping opened elsewhere: VirtualQuery says 12288 bytes, MEM_MAPPED");
}
