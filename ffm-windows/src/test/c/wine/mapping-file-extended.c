/* A mapped file is created by CreateFileW (empty) and sized by its section: CreateFileMappingW with a
 * size larger than the file extends the file to that size. */
#include "check.h"

int main(int argc, char **argv) {
    wchar_t dir[MAX_PATH], path[MAX_PATH];
    REQUIRE(GetTempPathW(MAX_PATH, dir) > 0, "GetTempPathW");
    swprintf(path, MAX_PATH, L"%lsffmipc-t-%lu-extend.bin", dir, run_id(argc, argv));
    HANDLE f = CreateFileW(path, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
            CREATE_NEW, FILE_ATTRIBUTE_NORMAL, NULL);
    REQUIRE(f != INVALID_HANDLE_VALUE, "CreateFileW %ls", path);
    HANDLE m = CreateFileMappingW(f, NULL, PAGE_READWRITE, 0, 12345, NULL);
    REQUIRE(m != NULL, "CreateFileMappingW");
    LARGE_INTEGER size;
    REQUIRE(GetFileSizeEx(f, &size), "GetFileSizeEx");
    CloseHandle(m);
    CloseHandle(f);
    DeleteFileW(path);
    EXPECT(size.QuadPart == 12345, "the file is %lld bytes after a 12345-byte section", (long long) size.QuadPart);
    return documented("an empty file under a 12345-byte section is 12345 bytes long");
}
