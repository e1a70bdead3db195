package io.ffmipc.testkit.abi;

import io.ffmipc.ffi.*;
import io.ffmipc.ffi.AbiHeaders;
import io.ffmipc.ffi.CConstant;
import io.ffmipc.ffi.CFunction;
import io.ffmipc.ffi.CStruct;
import io.ffmipc.ffi.Target;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.ValueLayout;

/**
 * The checker's own Windows facts, compiled against the mingw-w64 headers until a Windows binding
 * exists. It is also the model of a declarations-only binding class: it links nothing, so it is
 * read on any OS.
 */
@AbiHeaders(targets = Target.WINDOWS_X64, define = {"WIN32_LEAN_AND_MEAN", "UNICODE"}, include = {"windows.h"})
public final class WindowsSmokeAbi {
    private WindowsSmokeAbi() {
    }

    public static final CFunction CREATE_FILE_MAPPING_W = CFunction.of("HANDLE WINAPI CreateFileMappingW(HANDLE hFile,"
            + " LPSECURITY_ATTRIBUTES lpFileMappingAttributes, DWORD flProtect, DWORD dwMaximumSizeHigh,"
            + " DWORD dwMaximumSizeLow, LPCWSTR lpName)");
    public static final CFunction MAP_VIEW_OF_FILE = CFunction.of("LPVOID WINAPI MapViewOfFile(HANDLE hFileMappingObject,"
            + " DWORD dwDesiredAccess, DWORD dwFileOffsetHigh, DWORD dwFileOffsetLow, SIZE_T dwNumberOfBytesToMap)");
    public static final CFunction WAIT_FOR_SINGLE_OBJECT =
            CFunction.of("DWORD WINAPI WaitForSingleObject(HANDLE hHandle, DWORD dwMilliseconds)");
    public static final CFunction CLOSE_HANDLE = CFunction.of("BOOL WINAPI CloseHandle(HANDLE hObject)");

    public static final CConstant INFINITE = CConstant.of("INFINITE", 0xFFFFFFFF); // DWORD: -1 in Java's int
    public static final CConstant WAIT_OBJECT_0 = CConstant.of("WAIT_OBJECT_0", 0);
    public static final CConstant WAIT_TIMEOUT = CConstant.of("WAIT_TIMEOUT", 258);
    public static final CConstant PAGE_READWRITE = CConstant.of("PAGE_READWRITE", 0x04);
    public static final CConstant FILE_MAP_ALL_ACCESS = CConstant.of("FILE_MAP_ALL_ACCESS", 0xF001F);
    public static final CConstant ERROR_ALREADY_EXISTS = CConstant.of("ERROR_ALREADY_EXISTS", 183);

    public static final CStruct SECURITY_ATTRIBUTES = CStruct.of("SECURITY_ATTRIBUTES", MemoryLayout.structLayout(
            ValueLayout.JAVA_INT.withName("nLength"),
            MemoryLayout.paddingLayout(4),
            ValueLayout.ADDRESS.withName("lpSecurityDescriptor"),
            ValueLayout.JAVA_INT.withName("bInheritHandle"),
            MemoryLayout.paddingLayout(4)), Target.WINDOWS_X64);
}
