/**
 * The Windows bindings (kernel32 and advapi32; nothing from ntdll: every call the provider needs
 * is documented). Declarations and linking are apart, so the ABI check reads the Windows facts on
 * any machine: {@link io.ffmipc.windows.ffi.Kernel32Abi}, {@link io.ffmipc.windows.ffi.Advapi32Abi},
 * {@link io.ffmipc.windows.ffi.WinError} and {@link io.ffmipc.windows.ffi.SynchronizationAbi} hold
 * only {@code CFunction}/{@code CConstant}/{@code CStruct} data and link nothing;
 * {@link io.ffmipc.windows.ffi.Kernel32} and {@link io.ffmipc.windows.ffi.Advapi32} bind the handles
 * and are only initialised on Windows. Every fact is compiled against the mingw-w64 headers below
 * ({@code x86_64-w64-mingw32-gcc}); {@code _WIN32_WINNT=0x0A00} (Windows 10, the oldest Windows a
 * JDK 25 runs on) exposes every declaration used.
 */
@AbiHeaders(targets = Target.WINDOWS_X64,
        define = {"WIN32_LEAN_AND_MEAN", "UNICODE", "_WIN32_WINNT=0x0A00"},
        include = {"windows.h", "sddl.h", "aclapi.h"})
package io.ffmipc.windows.ffi;

import io.ffmipc.ffi.AbiHeaders;
import io.ffmipc.ffi.Target;
