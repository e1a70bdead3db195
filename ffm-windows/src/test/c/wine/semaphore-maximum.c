/* A semaphore's maximum is fixed at creation: a release past it fails with ERROR_TOO_MANY_POSTS
 * and leaves the count as it was; lpPreviousCount reports the count before a release. */
#include "check.h"

int main(int argc, char **argv) {
    wchar_t name[128];
    object_name(name, 128, L"Local\\", run_id(argc, argv), "sem");
    HANDLE s = CreateSemaphoreW(NULL, 1, 2, name);
    REQUIRE(s != NULL, "CreateSemaphoreW");
    LONG previous = -1;
    REQUIRE(ReleaseSemaphore(s, 1, &previous), "a release up to the maximum");
    EXPECT(previous == 1, "lpPreviousCount says %ld, the count was 1", previous);
    BOOL ok = ReleaseSemaphore(s, 1, &previous);
    DWORD e = GetLastError();
    EXPECT(!ok && e == ERROR_TOO_MANY_POSTS, "a release past the maximum: ok=%d error %lu", ok, e);
    EXPECT(WaitForSingleObject(s, 0) == WAIT_OBJECT_0 && WaitForSingleObject(s, 0) == WAIT_OBJECT_0,
            "the count is below 2 after the refused release");
    EXPECT(WaitForSingleObject(s, 0) == WAIT_TIMEOUT, "the refused release added to the count");
    CloseHandle(s);
    return documented("release past the maximum: ERROR_TOO_MANY_POSTS, count unchanged at 2");
}
