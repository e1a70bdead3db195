/* A name lives as long as a handle does, not as long as the memory: after CloseHandle of the only
 * handle, a mapped view still works, but the name no longer opens (the object manager drops a
 * temporary object's name when its handle count reaches zero; views hold only references). So
 * the provider keeps the handle open for as long as the object must be findable by name. */
#include "check.h"

int main(int argc, char **argv) {
    wchar_t name[128];
    object_name(name, 128, L"Local\\", run_id(argc, argv), "view-ref");
    HANDLE m = CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 4096, name);
    REQUIRE(m != NULL, "CreateFileMappingW");
    volatile LONG *view = (volatile LONG *) MapViewOfFile(m, FILE_MAP_WRITE, 0, 0, 0);
    REQUIRE(view != NULL, "MapViewOfFile");
    CloseHandle(m);
    view[0] = 7;
    view[1023] = 8;
    HANDLE again = OpenFileMappingW(FILE_MAP_READ, FALSE, name);
    DWORD e = GetLastError();
    if (again != NULL) {
        CloseHandle(again);
    }
    EXPECT(view[0] == 7 && view[1023] == 8, "the view stopped working when the handle closed");
    UnmapViewOfFile((void *) view);
    EXPECT(again == NULL && e == ERROR_FILE_NOT_FOUND,
            "with no handle left but a view mapped, the name still opened (error %lu)", e);
    return documented("the view outlives the handle, the name does not: ERROR_FILE_NOT_FOUND");
}
