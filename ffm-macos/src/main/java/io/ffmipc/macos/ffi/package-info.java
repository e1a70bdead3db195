/**
 * The macOS bindings, as data. Every symbol is reached through libSystem.B.dylib, the umbrella
 * library every process links (the JDK's default lookup); the classes are split by the part of
 * libSystem that exports them: {@link io.ffmipc.macos.ffi.LibSystem} (BSD system calls and libc),
 * {@link io.ffmipc.macos.ffi.Mach} (Mach ports, messages and the bootstrap server),
 * {@link io.ffmipc.macos.ffi.OsSync} (libsystem_platform's waits, looked up at run time),
 * {@link io.ffmipc.macos.ffi.ULock} (private, opt-in), and the code tables
 * {@link io.ffmipc.macos.ffi.Errno} and {@link io.ffmipc.macos.ffi.MachReturn}.
 *
 * <p>These classes declare and link nothing, so the ABI check reads them on any OS; the one class
 * that links, {@link io.ffmipc.macos.ffi.MacosLinker}, binds their functions to handles. Every fact is
 * compared with the macOS facts table here, and the generated {@code _Static_assert} file is
 * compiled against the SDK headers below on the macOS legs of CI (with {@code xcrun clang}).
 * Values a compiler cannot assert are {@link io.ffmipc.macos.ffi.TableFact}s, checked against the
 * table only.
 */
@AbiHeaders(targets = {Target.MACOS_ARM64, Target.MACOS_X86_64},
        include = {"sys/types.h", "errno.h", "fcntl.h", "unistd.h", "string.h", "stdlib.h", "signal.h", "poll.h",
                "spawn.h", "semaphore.h", "sys/stat.h", "sys/mman.h", "sys/ipc.h", "sys/sem.h", "sys/shm.h",
                "sys/msg.h", "sys/socket.h", "sys/un.h", "sys/ucred.h", "sys/wait.h", "sys/param.h", "sys/sysctl.h", "time.h", "pwd.h", "crt_externs.h", "libproc.h",
                "sys/proc_info.h",
                "mach/mach.h", "mach/mach_vm.h", "mach/mach_error.h", "servers/bootstrap.h", "os/clock.h",
                "os/os_sync_wait_on_address.h"})
package io.ffmipc.macos.ffi;

import io.ffmipc.ffi.AbiHeaders;
import io.ffmipc.ffi.Target;
