/**
 * The Linux bindings (glibc and the kernel's syscalls). Every binding class here is checked by the
 * ABI conformance check against the headers below, compiled for linux-x86_64 and linux-aarch64.
 * The list covers the whole IPC surface (POSIX and System V IPC, eventfd, futex, spawn), so a new
 * declaration in any binding class is checked without touching this file; add a header only for
 * a facility outside it.
 */
@AbiHeaders(targets = {Target.LINUX_X86_64, Target.LINUX_AARCH64, Target.LINUX_X86_64_MUSL},
        define = {"_GNU_SOURCE"},
        include = {"sys/types.h", "errno.h", "fcntl.h", "unistd.h", "string.h", "stdlib.h", "signal.h", "time.h",
                "sched.h", "limits.h", "pthread.h", "poll.h", "spawn.h", "semaphore.h", "mqueue.h", "sys/stat.h",
                "sys/mman.h", "sys/ipc.h", "sys/sem.h", "sys/shm.h", "sys/msg.h", "sys/eventfd.h", "sys/syscall.h",
                "sys/wait.h", "sys/file.h", "sys/resource.h", "sys/prctl.h", "linux/futex.h", "sys/socket.h", "sys/un.h"})
package io.ffmipc.linux.ffi;

import io.ffmipc.ffi.AbiHeaders;
import io.ffmipc.ffi.Target;
