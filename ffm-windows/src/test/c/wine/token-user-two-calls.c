/* The size protocol of GetTokenInformation(TokenUser): a first call with no buffer fails with
 * ERROR_INSUFFICIENT_BUFFER and says the size; the second call fills a TOKEN_USER whose SID is
 * valid and within that buffer. */
#include "check.h"

int main(int argc, char **argv) {
    (void) argc;
    (void) argv;
    HANDLE token;
    REQUIRE(OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token), "OpenProcessToken");
    DWORD size = 0;
    BOOL ok = GetTokenInformation(token, TokenUser, NULL, 0, &size);
    DWORD e = GetLastError();
    EXPECT(!ok && e == ERROR_INSUFFICIENT_BUFFER && size >= sizeof(TOKEN_USER),
            "the sizing call: ok=%d error %lu size %lu", ok, e, size);
    BYTE *buf = (BYTE *) malloc(size);
    EXPECT(GetTokenInformation(token, TokenUser, buf, size, &size), "the second call failed with %lu", GetLastError());
    PSID sid = ((TOKEN_USER *) buf)->User.Sid;
    EXPECT(IsValidSid(sid) && (BYTE *) sid >= buf && (BYTE *) sid + GetLengthSid(sid) <= buf + size,
            "the SID is not valid or lies outside the buffer");
    LPWSTR text = NULL;
    REQUIRE(ConvertSidToStringSidW(sid, &text), "ConvertSidToStringSidW");
    printf("user SID %ls\n", text);
    LocalFree(text);
    CloseHandle(token);
    return documented("sizing call ERROR_INSUFFICIENT_BUFFER with the size; TOKEN_USER with its SID inside the buffer");
}
