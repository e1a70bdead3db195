/* A send is committed once the system holds the whole message: an overlapped WriteFile of a message
 * larger than the pipe's buffer stays pending (not partly written, not failed) until the reader reads;
 * the reader gets it whole, and the write then completes with every byte. */
#include "check.h"

#define BIG 100000

int main(int argc, char **argv) {
    HANDLE client;
    HANDLE server = connected_message_pipe(argc, argv, "pends", &client);
    static char message[BIG], got[BIG];
    for (int i = 0; i < BIG; i++) {
        message[i] = (char) (i * 7);
    }
    OVERLAPPED ov;
    DWORD error;
    DWORD n = overlapped_io(server, TRUE, message, BIG, &ov, 200, &error);
    EXPECT(error == WAIT_TIMEOUT, "a %d-byte write to a 4096-byte pipe ended at once (error %lu, %lu bytes)", BIG, error, n);
    OVERLAPPED rov;
    DWORD rerror;
    DWORD r = overlapped_io(client, FALSE, got, BIG, &rov, PEER_TIMEOUT_MS, &rerror);
    EXPECT(rerror == 0 && r == BIG && memcmp(got, message, BIG) == 0, "the reader got %lu bytes (error %lu)", r, rerror);
    REQUIRE(WaitForSingleObject(ov.hEvent, PEER_TIMEOUT_MS) == WAIT_OBJECT_0, "the write did not complete");
    DWORD written = 0;
    EXPECT(GetOverlappedResult(server, &ov, &written, FALSE) && written == BIG, "the write completed with %lu bytes",
            written);
    CloseHandle(client);
    CloseHandle(server);
    return documented("a message larger than the buffer: the write pends, the reader gets it whole, then it completes");
}
