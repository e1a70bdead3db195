package io.ffmipc.modulepath;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.NoSuchIpcObjectException;
import io.ffmipc.OpenMode;
import io.ffmipc.Semaphore;
import io.ffmipc.SharedMemory;

import java.lang.foreign.ValueLayout;

/**
 * A class-path application using the library from the module path, as NativeAccessMessageTest
 * starts it. It lives in a package of its own: io.ffmipc and io.ffmipc.linux belong to the named
 * modules then, and the class path cannot add classes to them.
 *
 * <p>args: a unique object name. Prints what happened, one line each; exits 0 either way.
 */
public final class ModulePathChild {
    private ModulePathChild() {
    }

    public static void main(String[] args) {
        String name = args[0];
        try {
            IpcPlatform ipc = Ipc.platform();
            System.out.println("activated " + ipc.os() + " from " + ipc.getClass().getModule());
            // each of these makes restricted calls: downcalls, and reinterpreting mapped memory
            try (SharedMemory shm = ipc.sharedMemory(name, OpenMode.CREATE, 4096)) {
                shm.segment().set(ValueLayout.JAVA_LONG, 0, 42L);
                System.out.println("shared memory holds " + shm.segment().get(ValueLayout.JAVA_LONG, 0));
            } finally {
                ipc.removeSharedMemory(name);
            }
            try (Semaphore sem = ipc.semaphore(name, OpenMode.CREATE, 1)) {
                System.out.println("semaphore value " + sem.value());
            } finally {
                ipc.removeSemaphore(name);
            }
            try {
                ipc.sharedMemory(name, OpenMode.OPEN, 0).close();
            } catch (NoSuchIpcObjectException expected) {
                System.out.println("missing: " + expected.getMessage());
            }
        } catch (RuntimeException e) {
            System.out.println("failed " + e.getClass().getName() + ": " + e.getMessage());
        }
    }
}
