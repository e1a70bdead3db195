/* A manual-reset event stays signalled for every waiter until ResetEvent; an auto-reset event
 * releases one waiter and resets itself. Checked across two handles of each named event. */
#include "check.h"

int main(int argc, char **argv) {
    DWORD run = run_id(argc, argv);
    wchar_t manual_name[128], auto_name[128];
    object_name(manual_name, 128, L"Local\\", run, "manual");
    object_name(auto_name, 128, L"Local\\", run, "auto");
    HANDLE manual = CreateEventW(NULL, TRUE, FALSE, manual_name);
    HANDLE automatic = CreateEventW(NULL, FALSE, FALSE, auto_name);
    REQUIRE(manual != NULL && automatic != NULL, "CreateEventW");
    HANDLE manual2 = OpenEventW(SYNCHRONIZE | EVENT_MODIFY_STATE, FALSE, manual_name);
    HANDLE automatic2 = OpenEventW(SYNCHRONIZE | EVENT_MODIFY_STATE, FALSE, auto_name);
    REQUIRE(manual2 != NULL && automatic2 != NULL, "OpenEventW");

    REQUIRE(SetEvent(manual) && SetEvent(automatic), "SetEvent");
    EXPECT(WaitForSingleObject(manual2, 0) == WAIT_OBJECT_0 && WaitForSingleObject(manual, 0) == WAIT_OBJECT_0,
            "a set manual-reset event did not let two waits through");
    EXPECT(WaitForSingleObject(automatic2, 0) == WAIT_OBJECT_0, "a set auto-reset event let no wait through");
    EXPECT(WaitForSingleObject(automatic, 0) == WAIT_TIMEOUT, "an auto-reset event let a second wait through");
    REQUIRE(ResetEvent(manual2), "ResetEvent");
    EXPECT(WaitForSingleObject(manual, 0) == WAIT_TIMEOUT, "ResetEvent did not reset the manual event");
    CloseHandle(manual);
    CloseHandle(manual2);
    CloseHandle(automatic);
    CloseHandle(automatic2);
    return documented("manual reset: every wait until ResetEvent; auto reset: one wait, then reset");
}
