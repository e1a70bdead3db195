package io.ffmipc.macos;

import io.ffmipc.macos.ffi.MacosDeclarations;
import io.ffmipc.macos.ffi.MacosLinker;
import io.ffmipc.macos.ffi.Mach;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static io.ffmipc.ffi.NativeBinder.unchecked;

/** {@link MachKernel} on libSystem: each method one call, nothing else. */
final class LibSystemMachKernel implements MachKernel {
    private final int task;
    private final int bootstrap;
    private final MethodHandle msg;
    private final MethodHandle allocate;
    private final MethodHandle modRefs;
    private final MethodHandle deallocate;
    private final MethodHandle insertRight;
    private final MethodHandle setAttributes;
    private final MethodHandle checkIn;
    private final MethodHandle lookUp;
    private final MethodHandle vmDeallocate;
    private final MethodHandle names;
    private final MethodHandle errorString;

    LibSystemMachKernel(MacosLinker linker) {
        this.task = linker.globalInt("mach_task_self_");
        this.bootstrap = linker.globalInt("bootstrap_port");
        this.msg = linker.bind(Mach.MACH_MSG);
        this.allocate = linker.bind(Mach.MACH_PORT_ALLOCATE);
        this.modRefs = linker.bind(Mach.MACH_PORT_MOD_REFS);
        this.deallocate = linker.bind(Mach.MACH_PORT_DEALLOCATE);
        this.insertRight = linker.bind(Mach.MACH_PORT_INSERT_RIGHT);
        this.setAttributes = linker.bind(Mach.MACH_PORT_SET_ATTRIBUTES);
        this.checkIn = linker.bind(Mach.BOOTSTRAP_CHECK_IN);
        this.lookUp = linker.bind(Mach.BOOTSTRAP_LOOK_UP);
        this.vmDeallocate = linker.bind(Mach.MACH_VM_DEALLOCATE);
        this.names = linker.bind(Mach.MACH_PORT_NAMES);
        this.errorString = linker.bind(Mach.MACH_ERROR_STRING);
    }

    @Override
    public int task() {
        return task;
    }

    @Override
    public int bootstrapPort() {
        return bootstrap;
    }

    @Override
    public int portAllocate(int right, MemorySegment nameOut) {
        try {
            return (int) allocate.invokeExact(task, right, nameOut);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int portModRefs(int name, int right, int delta) {
        try {
            return (int) modRefs.invokeExact(task, name, right, delta);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int portDeallocate(int name) {
        try {
            return (int) deallocate.invokeExact(task, name);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int portInsertRight(int name, int poly, int disposition) {
        try {
            return (int) insertRight.invokeExact(task, name, poly, disposition);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int portSetQueueLimit(int name, int limit) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment info = a.allocate(Mach.MACH_PORT_LIMITS.layout());
            info.set(java.lang.foreign.ValueLayout.JAVA_INT, Mach.MACH_PORT_LIMITS.offset("mpl_qlimit"), limit);
            return (int) setAttributes.invokeExact(task, name, MacosDeclarations.value(Mach.MACH_PORT_LIMITS_INFO), info,
                    MacosDeclarations.value(Mach.MACH_PORT_LIMITS_INFO_COUNT));
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int bootstrapCheckIn(MemorySegment serviceName, MemorySegment portOut) {
        try {
            return (int) checkIn.invokeExact(bootstrap, serviceName, portOut);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int bootstrapLookUp(MemorySegment serviceName, MemorySegment portOut) {
        try {
            return (int) lookUp.invokeExact(bootstrap, serviceName, portOut);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int msg(MemorySegment message, int option, int sendSize, int receiveSize, int receiveName, int timeoutMillis) {
        try {
            return (int) msg.invokeExact(message, option, sendSize, receiveSize, receiveName, timeoutMillis, 0);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int vmDeallocate(long address, long size) {
        try {
            return (int) vmDeallocate.invokeExact(task, address, size);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public int portNames(MemorySegment namesOut, MemorySegment namesCount, MemorySegment typesOut,
                         MemorySegment typesCount) {
        try {
            return (int) names.invokeExact(task, namesOut, namesCount, typesOut, typesCount);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    @Override
    public String errorString(int code) {
        try {
            return ((MemorySegment) errorString.invokeExact(code)).reinterpret(1024).getString(0);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }
}
