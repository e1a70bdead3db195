package io.ffmipc.macos;

import java.lang.foreign.MemorySegment;

/**
 * The Mach calls {@link MachPorts} makes, one method a call, returning the kernel's code
 * ({@code kern_return_t}, {@code mach_msg_return_t}); out-parameters are segments. The native
 * implementation ({@link LibSystemMachKernel}) is a plain binding; the logic above it runs in tests
 * on any OS over a simulated kernel.
 */
interface MachKernel {

    /** {@code mach_task_self()}: this task's name for itself. */
    int task();

    /** {@code bootstrap_port}: this task's send right to the bootstrap server. */
    int bootstrapPort();

    int portAllocate(int right, MemorySegment nameOut);

    int portModRefs(int name, int right, int delta);

    int portDeallocate(int name);

    /** {@code mach_port_insert_right}: here, a send right made from this task's receive right, under its name. */
    int portInsertRight(int name, int poly, int disposition);

    /** {@code mach_port_set_attributes(MACH_PORT_LIMITS_INFO)}: the receive right's queue limit. */
    int portSetQueueLimit(int name, int limit);

    int bootstrapCheckIn(MemorySegment serviceName, MemorySegment portOut);

    int bootstrapLookUp(MemorySegment serviceName, MemorySegment portOut);

    /** {@code mach_msg} without a notify port; {@code timeoutMillis} counts with the *_TIMEOUT options. */
    int msg(MemorySegment msg, int option, int sendSize, int receiveSize, int receiveName, int timeoutMillis);

    int vmDeallocate(long address, long size);

    /** {@code mach_port_names}: two arrays the kernel maps into this task, to be deallocated by the caller. */
    int portNames(MemorySegment namesOut, MemorySegment namesCount, MemorySegment typesOut, MemorySegment typesCount);

    /** {@code mach_error_string}. */
    String errorString(int code);
}
