package io.ffmipc.windows;

import io.ffmipc.IpcNames;
import io.ffmipc.IpcNames.WindowsNamespace;
import io.ffmipc.ObjectKind;

import java.util.Optional;

/**
 * Where every kind's name lives on Windows, in one place. Windows keeps mappings, semaphores,
 * mutexes and events in one namespace per session, and a name held by one kind makes every other
 * kind's create fail (ERROR_INVALID_HANDLE): so each kind has a prefix of its own
 * ({@code Local\ffmipc.shm.jobs}, {@code Local\ffmipc.sem.jobs}), and names of one kind never reach
 * another kind's object. The structures the core builds on shared memory have reserved stored names
 * ({@code .channel.jobs}) and therefore live under the shared-memory prefix. Pipes and mailslots are
 * file-system names without a session namespace, whose case does not count: {@link IpcNames#windowsFile}
 * keeps portable names that differ only in case apart. {@link IpcNames#windows} applies the
 * namespace and MAX_PATH.
 */
final class WindowsNames {
    static final String PIPE_DIRECTORY = "\\\\.\\pipe\\";
    static final String MAILSLOT_DIRECTORY = "\\\\.\\mailslot\\";
    static final String SHARED_MEMORY = "ffmipc.shm.";
    static final String SEMAPHORE = "ffmipc.sem.";
    static final String MUTEX = "ffmipc.mutex.";
    /** The shared record beside a mutex: which process holds it (a Windows mutex does not say). */
    static final String MUTEX_RECORD = "ffmipc.mutexrec.";
    /** The semaphore a wait word's sleepers wait on (offset, then the memory's stored name). */
    static final String WAIT_SEMAPHORE = "ffmipc.wsem.";
    /** The page that counts a wait word's sleepers. */
    static final String WAIT_COUNTER = "ffmipc.wcnt.";
    static final String STREAM_PIPE = "ffmipc.spipe.";
    static final String MESSAGE_PIPE = "ffmipc.mpipe.";
    static final String MAILSLOT = "ffmipc.mslot.";

    private final WindowsNamespace namespace;

    WindowsNames(WindowsNamespace namespace) {
        this.namespace = namespace;
    }

    WindowsNamespace namespace() {
        return namespace;
    }

    /** Named shared memory, also under a reserved stored name ({@code .channel.jobs}). */
    String sharedMemory(String stored) {
        return IpcNames.windows(SHARED_MEMORY, stored, namespace);
    }

    String semaphore(String name) {
        return IpcNames.windows(SEMAPHORE, name, namespace);
    }

    String mutex(String name) {
        return IpcNames.windows(MUTEX, name, namespace);
    }

    String mutexRecord(String name) {
        return IpcNames.windows(MUTEX_RECORD, name, namespace);
    }

    /** The semaphore of the wait word at {@code offset} of the shared memory stored as {@code memory}. */
    String waitSemaphore(String memory, long offset) {
        return IpcNames.windows(WAIT_SEMAPHORE + offset + ".", memory, namespace);
    }

    /** The sleeper count of the wait word at {@code offset} of the shared memory stored as {@code memory}. */
    String waitCounter(String memory, long offset) {
        return IpcNames.windows(WAIT_COUNTER + offset + ".", memory, namespace);
    }

    static String streamPipe(String name) {
        return IpcNames.windowsFile(PIPE_DIRECTORY, STREAM_PIPE, name, IpcNames.WINDOWS_MAX_PIPE_NAME);
    }

    static String messagePipe(String name) {
        return IpcNames.windowsFile(PIPE_DIRECTORY, MESSAGE_PIPE, name, IpcNames.WINDOWS_MAX_PIPE_NAME);
    }

    static String mailslot(String name) {
        return IpcNames.windowsFile(MAILSLOT_DIRECTORY, MAILSLOT, name, IpcNames.WINDOWS_MAX_OBJECT_NAME);
    }

    /** A pipe the listing found ({@code ffmipc.mpipe.^jobs}, without the directory): its kind and portable name. */
    record Listed(ObjectKind kind, String name) {
    }

    /**
     * The library's pipe behind a name in {@code \\.\pipe\}, or empty for anyone else's pipe. A name
     * that was shortened cannot be read back: it is shown as it is.
     */
    static Optional<Listed> listedPipe(String pipeName) {
        ObjectKind kind;
        String rest;
        if (pipeName.regionMatches(true, 0, MESSAGE_PIPE, 0, MESSAGE_PIPE.length())) {
            kind = ObjectKind.MESSAGE_PIPE;
            rest = pipeName.substring(MESSAGE_PIPE.length());
        } else if (pipeName.regionMatches(true, 0, STREAM_PIPE, 0, STREAM_PIPE.length())) {
            kind = ObjectKind.STREAM_PIPE;
            rest = pipeName.substring(STREAM_PIPE.length());
        } else {
            return Optional.empty();
        }
        // The file system may report the name in another case than it was created with: fold it
        // the way windowsFile wrote it (lower case with ^ marks) before reading it back.
        String name = IpcNames.unfoldWindowsFile(rest.toLowerCase(java.util.Locale.ROOT));
        return Optional.of(new Listed(kind, name != null ? name : rest));
    }
}
