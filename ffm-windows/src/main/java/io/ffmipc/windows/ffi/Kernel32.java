package io.ffmipc.windows.ffi;

import io.ffmipc.ffi.NativeBinder;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;

/**
 * The kernel32 binding: one downcall handle per function {@link Kernel32Abi} declares, each behind
 * a static method of the C function's name (lower camel case) taking the C parameters in order as
 * their Java carriers. Functions that set {@code GetLastError} take this thread's capture segment
 * ({@link NativeBinder#callState()}) first; read the code with {@link #lastError(MemorySegment)}.
 *
 * <p>Initialising this class links kernel32, so it is used on Windows only; the ABI check and the
 * tests read {@link Kernel32Abi} instead. {@code Kernel32BindingShapeTest} checks, on any OS, that
 * every declared function has its handle and a method whose parameter and result types are the
 * ones its descriptor gives (so an {@code invokeExact} cannot fail on Windows for a wrong type).
 */
public final class Kernel32 {
    private Kernel32() {
    }

    static final NativeBinder BINDER = WindowsLibrary.binder("kernel32.dll");

    private static final MethodHandle CloseHandle = BINDER.bind(Kernel32Abi.CLOSE_HANDLE);
    private static final MethodHandle DuplicateHandle = BINDER.bind(Kernel32Abi.DUPLICATE_HANDLE);
    private static final MethodHandle GetHandleInformation = BINDER.bind(Kernel32Abi.GET_HANDLE_INFORMATION);
    private static final MethodHandle GetFileInformationByHandle = BINDER.bind(Kernel32Abi.GET_FILE_INFORMATION_BY_HANDLE);
    private static final MethodHandle SetHandleInformation = BINDER.bind(Kernel32Abi.SET_HANDLE_INFORMATION);
    private static final MethodHandle FormatMessageW = BINDER.bind(Kernel32Abi.FORMAT_MESSAGE_W);
    private static final MethodHandle LocalFree = BINDER.bind(Kernel32Abi.LOCAL_FREE);
    private static final MethodHandle WaitForSingleObject = BINDER.bind(Kernel32Abi.WAIT_FOR_SINGLE_OBJECT);
    private static final MethodHandle WaitForMultipleObjects = BINDER.bind(Kernel32Abi.WAIT_FOR_MULTIPLE_OBJECTS);
    private static final MethodHandle CreateFileMappingW = BINDER.bind(Kernel32Abi.CREATE_FILE_MAPPING_W);
    private static final MethodHandle OpenFileMappingW = BINDER.bind(Kernel32Abi.OPEN_FILE_MAPPING_W);
    private static final MethodHandle MapViewOfFile = BINDER.bind(Kernel32Abi.MAP_VIEW_OF_FILE);
    private static final MethodHandle UnmapViewOfFile = BINDER.bind(Kernel32Abi.UNMAP_VIEW_OF_FILE);
    private static final MethodHandle VirtualQuery = BINDER.bind(Kernel32Abi.VIRTUAL_QUERY);
    private static final MethodHandle CreateFileW = BINDER.bind(Kernel32Abi.CREATE_FILE_W);
    private static final MethodHandle GetFileSizeEx = BINDER.bind(Kernel32Abi.GET_FILE_SIZE_EX);
    private static final MethodHandle CreateSemaphoreW = BINDER.bind(Kernel32Abi.CREATE_SEMAPHORE_W);
    private static final MethodHandle OpenSemaphoreW = BINDER.bind(Kernel32Abi.OPEN_SEMAPHORE_W);
    private static final MethodHandle ReleaseSemaphore = BINDER.bind(Kernel32Abi.RELEASE_SEMAPHORE);
    private static final MethodHandle CreateMutexW = BINDER.bind(Kernel32Abi.CREATE_MUTEX_W);
    private static final MethodHandle OpenMutexW = BINDER.bind(Kernel32Abi.OPEN_MUTEX_W);
    private static final MethodHandle ReleaseMutex = BINDER.bind(Kernel32Abi.RELEASE_MUTEX);
    private static final MethodHandle CreateEventW = BINDER.bind(Kernel32Abi.CREATE_EVENT_W);
    private static final MethodHandle OpenEventW = BINDER.bind(Kernel32Abi.OPEN_EVENT_W);
    private static final MethodHandle SetEvent = BINDER.bind(Kernel32Abi.SET_EVENT);
    private static final MethodHandle ResetEvent = BINDER.bind(Kernel32Abi.RESET_EVENT);
    private static final MethodHandle CreateNamedPipeW = BINDER.bind(Kernel32Abi.CREATE_NAMED_PIPE_W);
    private static final MethodHandle ConnectNamedPipe = BINDER.bind(Kernel32Abi.CONNECT_NAMED_PIPE);
    private static final MethodHandle DisconnectNamedPipe = BINDER.bind(Kernel32Abi.DISCONNECT_NAMED_PIPE);
    private static final MethodHandle WaitNamedPipeW = BINDER.bind(Kernel32Abi.WAIT_NAMED_PIPE_W);
    private static final MethodHandle SetNamedPipeHandleState = BINDER.bind(Kernel32Abi.SET_NAMED_PIPE_HANDLE_STATE);
    private static final MethodHandle PeekNamedPipe = BINDER.bind(Kernel32Abi.PEEK_NAMED_PIPE);
    private static final MethodHandle GetNamedPipeInfo = BINDER.bind(Kernel32Abi.GET_NAMED_PIPE_INFO);
    private static final MethodHandle GetNamedPipeClientProcessId =
            BINDER.bind(Kernel32Abi.GET_NAMED_PIPE_CLIENT_PROCESS_ID);
    private static final MethodHandle GetNamedPipeServerProcessId =
            BINDER.bind(Kernel32Abi.GET_NAMED_PIPE_SERVER_PROCESS_ID);
    private static final MethodHandle ReadFile = BINDER.bind(Kernel32Abi.READ_FILE);
    private static final MethodHandle WriteFile = BINDER.bind(Kernel32Abi.WRITE_FILE);
    private static final MethodHandle CancelIoEx = BINDER.bind(Kernel32Abi.CANCEL_IO_EX);
    private static final MethodHandle GetOverlappedResult = BINDER.bind(Kernel32Abi.GET_OVERLAPPED_RESULT);
    private static final MethodHandle FlushFileBuffers = BINDER.bind(Kernel32Abi.FLUSH_FILE_BUFFERS);
    private static final MethodHandle CreateMailslotW = BINDER.bind(Kernel32Abi.CREATE_MAILSLOT_W);
    private static final MethodHandle GetMailslotInfo = BINDER.bind(Kernel32Abi.GET_MAILSLOT_INFO);
    private static final MethodHandle SetMailslotInfo = BINDER.bind(Kernel32Abi.SET_MAILSLOT_INFO);
    private static final MethodHandle OpenProcess = BINDER.bind(Kernel32Abi.OPEN_PROCESS);
    private static final MethodHandle GetCurrentProcess = BINDER.bind(Kernel32Abi.GET_CURRENT_PROCESS);
    private static final MethodHandle GetCurrentProcessId = BINDER.bind(Kernel32Abi.GET_CURRENT_PROCESS_ID);
    private static final MethodHandle GetProcessTimes = BINDER.bind(Kernel32Abi.GET_PROCESS_TIMES);
    private static final MethodHandle GetExitCodeProcess = BINDER.bind(Kernel32Abi.GET_EXIT_CODE_PROCESS);
    private static final MethodHandle TerminateProcess = BINDER.bind(Kernel32Abi.TERMINATE_PROCESS);
    private static final MethodHandle CreateProcessW = BINDER.bind(Kernel32Abi.CREATE_PROCESS_W);
    private static final MethodHandle InitializeProcThreadAttributeList =
            BINDER.bind(Kernel32Abi.INITIALIZE_PROC_THREAD_ATTRIBUTE_LIST);
    private static final MethodHandle UpdateProcThreadAttribute = BINDER.bind(Kernel32Abi.UPDATE_PROC_THREAD_ATTRIBUTE);
    private static final MethodHandle DeleteProcThreadAttributeList =
            BINDER.bind(Kernel32Abi.DELETE_PROC_THREAD_ATTRIBUTE_LIST);
    private static final MethodHandle FindFirstFileW = BINDER.bind(Kernel32Abi.FIND_FIRST_FILE_W);
    private static final MethodHandle FindNextFileW = BINDER.bind(Kernel32Abi.FIND_NEXT_FILE_W);
    private static final MethodHandle FindClose = BINDER.bind(Kernel32Abi.FIND_CLOSE);

    /** The GetLastError value the last error-setting call on this thread captured into {@code state}. */
    public static int lastError(MemorySegment state) {
        return BINDER.lastError(state);
    }

    /** The system's text for a Win32 error code, on one line; "unknown error N" where the system has none. */
    public static String messageText(int code) {
        int capacity = 512; // WCHARs; the longest system texts are a few hundred
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(ValueLayout.JAVA_SHORT, capacity);
            int flags = Kernel32Abi.FORMAT_MESSAGE_FROM_SYSTEM.intValue()
                    | Kernel32Abi.FORMAT_MESSAGE_IGNORE_INSERTS.intValue()
                    | Kernel32Abi.FORMAT_MESSAGE_MAX_WIDTH_MASK.intValue();
            int chars = formatMessageW(NativeBinder.callState(), flags, MemorySegment.NULL, code, 0, buffer, capacity,
                    MemorySegment.NULL);
            if (chars <= 0) {
                return "unknown error " + code;
            }
            byte[] utf16 = buffer.asSlice(0, 2L * chars).toArray(ValueLayout.JAVA_BYTE);
            return new String(utf16, StandardCharsets.UTF_16LE).strip();
        }
    }

    public static int closeHandle(MemorySegment state, MemorySegment hObject) {
        try {
            return (int) CloseHandle.invokeExact(state, hObject);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int duplicateHandle(MemorySegment state, MemorySegment hSourceProcessHandle,
            MemorySegment hSourceHandle, MemorySegment hTargetProcessHandle, MemorySegment lpTargetHandle,
            int dwDesiredAccess, int bInheritHandle, int dwOptions) {
        try {
            return (int) DuplicateHandle.invokeExact(state, hSourceProcessHandle, hSourceHandle, hTargetProcessHandle,
                    lpTargetHandle, dwDesiredAccess, bInheritHandle, dwOptions);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int getHandleInformation(MemorySegment state, MemorySegment hObject, MemorySegment lpdwFlags) {
        try {
            return (int) GetHandleInformation.invokeExact(state, hObject, lpdwFlags);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int getFileInformationByHandle(MemorySegment state, MemorySegment hFile,
            MemorySegment lpFileInformation) {
        try {
            return (int) GetFileInformationByHandle.invokeExact(state, hFile, lpFileInformation);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int setHandleInformation(MemorySegment state, MemorySegment hObject, int dwMask, int dwFlags) {
        try {
            return (int) SetHandleInformation.invokeExact(state, hObject, dwMask, dwFlags);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int formatMessageW(MemorySegment state, int dwFlags, MemorySegment lpSource, int dwMessageId,
            int dwLanguageId, MemorySegment lpBuffer, int nSize, MemorySegment Arguments) {
        try {
            return (int) FormatMessageW.invokeExact(state, dwFlags, lpSource, dwMessageId, dwLanguageId, lpBuffer,
                    nSize, Arguments);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static MemorySegment localFree(MemorySegment state, MemorySegment hMem) {
        try {
            return (MemorySegment) LocalFree.invokeExact(state, hMem);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int waitForSingleObject(MemorySegment state, MemorySegment hHandle, int dwMilliseconds) {
        try {
            return (int) WaitForSingleObject.invokeExact(state, hHandle, dwMilliseconds);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int waitForMultipleObjects(MemorySegment state, int nCount, MemorySegment lpHandles, int bWaitAll,
            int dwMilliseconds) {
        try {
            return (int) WaitForMultipleObjects.invokeExact(state, nCount, lpHandles, bWaitAll, dwMilliseconds);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static MemorySegment createFileMappingW(MemorySegment state, MemorySegment hFile,
            MemorySegment lpFileMappingAttributes, int flProtect, int dwMaximumSizeHigh, int dwMaximumSizeLow,
            MemorySegment lpName) {
        try {
            return (MemorySegment) CreateFileMappingW.invokeExact(state, hFile, lpFileMappingAttributes, flProtect,
                    dwMaximumSizeHigh, dwMaximumSizeLow, lpName);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static MemorySegment openFileMappingW(MemorySegment state, int dwDesiredAccess, int bInheritHandle,
            MemorySegment lpName) {
        try {
            return (MemorySegment) OpenFileMappingW.invokeExact(state, dwDesiredAccess, bInheritHandle, lpName);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static MemorySegment mapViewOfFile(MemorySegment state, MemorySegment hFileMappingObject,
            int dwDesiredAccess, int dwFileOffsetHigh, int dwFileOffsetLow, long dwNumberOfBytesToMap) {
        try {
            return (MemorySegment) MapViewOfFile.invokeExact(state, hFileMappingObject, dwDesiredAccess,
                    dwFileOffsetHigh, dwFileOffsetLow, dwNumberOfBytesToMap);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int unmapViewOfFile(MemorySegment state, MemorySegment lpBaseAddress) {
        try {
            return (int) UnmapViewOfFile.invokeExact(state, lpBaseAddress);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static long virtualQuery(MemorySegment state, MemorySegment lpAddress, MemorySegment lpBuffer,
            long dwLength) {
        try {
            return (long) VirtualQuery.invokeExact(state, lpAddress, lpBuffer, dwLength);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static MemorySegment createFileW(MemorySegment state, MemorySegment lpFileName, int dwDesiredAccess,
            int dwShareMode, MemorySegment lpSecurityAttributes, int dwCreationDisposition, int dwFlagsAndAttributes,
            MemorySegment hTemplateFile) {
        try {
            return (MemorySegment) CreateFileW.invokeExact(state, lpFileName, dwDesiredAccess, dwShareMode,
                    lpSecurityAttributes, dwCreationDisposition, dwFlagsAndAttributes, hTemplateFile);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int getFileSizeEx(MemorySegment state, MemorySegment hFile, MemorySegment lpFileSize) {
        try {
            return (int) GetFileSizeEx.invokeExact(state, hFile, lpFileSize);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static MemorySegment createSemaphoreW(MemorySegment state, MemorySegment lpSemaphoreAttributes,
            int lInitialCount, int lMaximumCount, MemorySegment lpName) {
        try {
            return (MemorySegment) CreateSemaphoreW.invokeExact(state, lpSemaphoreAttributes, lInitialCount,
                    lMaximumCount, lpName);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static MemorySegment openSemaphoreW(MemorySegment state, int dwDesiredAccess, int bInheritHandle,
            MemorySegment lpName) {
        try {
            return (MemorySegment) OpenSemaphoreW.invokeExact(state, dwDesiredAccess, bInheritHandle, lpName);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int releaseSemaphore(MemorySegment state, MemorySegment hSemaphore, int lReleaseCount,
            MemorySegment lpPreviousCount) {
        try {
            return (int) ReleaseSemaphore.invokeExact(state, hSemaphore, lReleaseCount, lpPreviousCount);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static MemorySegment createMutexW(MemorySegment state, MemorySegment lpMutexAttributes, int bInitialOwner,
            MemorySegment lpName) {
        try {
            return (MemorySegment) CreateMutexW.invokeExact(state, lpMutexAttributes, bInitialOwner, lpName);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static MemorySegment openMutexW(MemorySegment state, int dwDesiredAccess, int bInheritHandle,
            MemorySegment lpName) {
        try {
            return (MemorySegment) OpenMutexW.invokeExact(state, dwDesiredAccess, bInheritHandle, lpName);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int releaseMutex(MemorySegment state, MemorySegment hMutex) {
        try {
            return (int) ReleaseMutex.invokeExact(state, hMutex);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static MemorySegment createEventW(MemorySegment state, MemorySegment lpEventAttributes, int bManualReset,
            int bInitialState, MemorySegment lpName) {
        try {
            return (MemorySegment) CreateEventW.invokeExact(state, lpEventAttributes, bManualReset, bInitialState,
                    lpName);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static MemorySegment openEventW(MemorySegment state, int dwDesiredAccess, int bInheritHandle,
            MemorySegment lpName) {
        try {
            return (MemorySegment) OpenEventW.invokeExact(state, dwDesiredAccess, bInheritHandle, lpName);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int setEvent(MemorySegment state, MemorySegment hEvent) {
        try {
            return (int) SetEvent.invokeExact(state, hEvent);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int resetEvent(MemorySegment state, MemorySegment hEvent) {
        try {
            return (int) ResetEvent.invokeExact(state, hEvent);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static MemorySegment createNamedPipeW(MemorySegment state, MemorySegment lpName, int dwOpenMode,
            int dwPipeMode, int nMaxInstances, int nOutBufferSize, int nInBufferSize, int nDefaultTimeOut,
            MemorySegment lpSecurityAttributes) {
        try {
            return (MemorySegment) CreateNamedPipeW.invokeExact(state, lpName, dwOpenMode, dwPipeMode, nMaxInstances,
                    nOutBufferSize, nInBufferSize, nDefaultTimeOut, lpSecurityAttributes);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int connectNamedPipe(MemorySegment state, MemorySegment hNamedPipe, MemorySegment lpOverlapped) {
        try {
            return (int) ConnectNamedPipe.invokeExact(state, hNamedPipe, lpOverlapped);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int disconnectNamedPipe(MemorySegment state, MemorySegment hNamedPipe) {
        try {
            return (int) DisconnectNamedPipe.invokeExact(state, hNamedPipe);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int waitNamedPipeW(MemorySegment state, MemorySegment lpNamedPipeName, int nTimeOut) {
        try {
            return (int) WaitNamedPipeW.invokeExact(state, lpNamedPipeName, nTimeOut);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int setNamedPipeHandleState(MemorySegment state, MemorySegment hNamedPipe, MemorySegment lpMode,
            MemorySegment lpMaxCollectionCount, MemorySegment lpCollectDataTimeout) {
        try {
            return (int) SetNamedPipeHandleState.invokeExact(state, hNamedPipe, lpMode, lpMaxCollectionCount,
                    lpCollectDataTimeout);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int peekNamedPipe(MemorySegment state, MemorySegment hNamedPipe, MemorySegment lpBuffer,
            int nBufferSize, MemorySegment lpBytesRead, MemorySegment lpTotalBytesAvail,
            MemorySegment lpBytesLeftThisMessage) {
        try {
            return (int) PeekNamedPipe.invokeExact(state, hNamedPipe, lpBuffer, nBufferSize, lpBytesRead,
                    lpTotalBytesAvail, lpBytesLeftThisMessage);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int getNamedPipeInfo(MemorySegment state, MemorySegment hNamedPipe, MemorySegment lpFlags,
            MemorySegment lpOutBufferSize, MemorySegment lpInBufferSize, MemorySegment lpMaxInstances) {
        try {
            return (int) GetNamedPipeInfo.invokeExact(state, hNamedPipe, lpFlags, lpOutBufferSize, lpInBufferSize,
                    lpMaxInstances);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int getNamedPipeClientProcessId(MemorySegment state, MemorySegment Pipe,
            MemorySegment ClientProcessId) {
        try {
            return (int) GetNamedPipeClientProcessId.invokeExact(state, Pipe, ClientProcessId);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int getNamedPipeServerProcessId(MemorySegment state, MemorySegment Pipe,
            MemorySegment ServerProcessId) {
        try {
            return (int) GetNamedPipeServerProcessId.invokeExact(state, Pipe, ServerProcessId);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int readFile(MemorySegment state, MemorySegment hFile, MemorySegment lpBuffer,
            int nNumberOfBytesToRead, MemorySegment lpNumberOfBytesRead, MemorySegment lpOverlapped) {
        try {
            return (int) ReadFile.invokeExact(state, hFile, lpBuffer, nNumberOfBytesToRead, lpNumberOfBytesRead,
                    lpOverlapped);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int writeFile(MemorySegment state, MemorySegment hFile, MemorySegment lpBuffer,
            int nNumberOfBytesToWrite, MemorySegment lpNumberOfBytesWritten, MemorySegment lpOverlapped) {
        try {
            return (int) WriteFile.invokeExact(state, hFile, lpBuffer, nNumberOfBytesToWrite, lpNumberOfBytesWritten,
                    lpOverlapped);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int cancelIoEx(MemorySegment state, MemorySegment hFile, MemorySegment lpOverlapped) {
        try {
            return (int) CancelIoEx.invokeExact(state, hFile, lpOverlapped);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int getOverlappedResult(MemorySegment state, MemorySegment hFile, MemorySegment lpOverlapped,
            MemorySegment lpNumberOfBytesTransferred, int bWait) {
        try {
            return (int) GetOverlappedResult.invokeExact(state, hFile, lpOverlapped, lpNumberOfBytesTransferred, bWait);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int flushFileBuffers(MemorySegment state, MemorySegment hFile) {
        try {
            return (int) FlushFileBuffers.invokeExact(state, hFile);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static MemorySegment createMailslotW(MemorySegment state, MemorySegment lpName, int nMaxMessageSize,
            int lReadTimeout, MemorySegment lpSecurityAttributes) {
        try {
            return (MemorySegment) CreateMailslotW.invokeExact(state, lpName, nMaxMessageSize, lReadTimeout,
                    lpSecurityAttributes);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int getMailslotInfo(MemorySegment state, MemorySegment hMailslot, MemorySegment lpMaxMessageSize,
            MemorySegment lpNextSize, MemorySegment lpMessageCount, MemorySegment lpReadTimeout) {
        try {
            return (int) GetMailslotInfo.invokeExact(state, hMailslot, lpMaxMessageSize, lpNextSize, lpMessageCount,
                    lpReadTimeout);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int setMailslotInfo(MemorySegment state, MemorySegment hMailslot, int lReadTimeout) {
        try {
            return (int) SetMailslotInfo.invokeExact(state, hMailslot, lReadTimeout);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static MemorySegment openProcess(MemorySegment state, int dwDesiredAccess, int bInheritHandle,
            int dwProcessId) {
        try {
            return (MemorySegment) OpenProcess.invokeExact(state, dwDesiredAccess, bInheritHandle, dwProcessId);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static MemorySegment getCurrentProcess() {
        try {
            return (MemorySegment) GetCurrentProcess.invokeExact();
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int getCurrentProcessId() {
        try {
            return (int) GetCurrentProcessId.invokeExact();
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int getProcessTimes(MemorySegment state, MemorySegment hProcess, MemorySegment lpCreationTime,
            MemorySegment lpExitTime, MemorySegment lpKernelTime, MemorySegment lpUserTime) {
        try {
            return (int) GetProcessTimes.invokeExact(state, hProcess, lpCreationTime, lpExitTime, lpKernelTime,
                    lpUserTime);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int getExitCodeProcess(MemorySegment state, MemorySegment hProcess, MemorySegment lpExitCode) {
        try {
            return (int) GetExitCodeProcess.invokeExact(state, hProcess, lpExitCode);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int terminateProcess(MemorySegment state, MemorySegment hProcess, int uExitCode) {
        try {
            return (int) TerminateProcess.invokeExact(state, hProcess, uExitCode);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int createProcessW(MemorySegment state, MemorySegment lpApplicationName,
            MemorySegment lpCommandLine, MemorySegment lpProcessAttributes, MemorySegment lpThreadAttributes,
            int bInheritHandles, int dwCreationFlags, MemorySegment lpEnvironment, MemorySegment lpCurrentDirectory,
            MemorySegment lpStartupInfo, MemorySegment lpProcessInformation) {
        try {
            return (int) CreateProcessW.invokeExact(state, lpApplicationName, lpCommandLine, lpProcessAttributes,
                    lpThreadAttributes, bInheritHandles, dwCreationFlags, lpEnvironment, lpCurrentDirectory,
                    lpStartupInfo, lpProcessInformation);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int initializeProcThreadAttributeList(MemorySegment state, MemorySegment lpAttributeList,
            int dwAttributeCount, int dwFlags, MemorySegment lpSize) {
        try {
            return (int) InitializeProcThreadAttributeList.invokeExact(state, lpAttributeList, dwAttributeCount,
                    dwFlags, lpSize);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int updateProcThreadAttribute(MemorySegment state, MemorySegment lpAttributeList, int dwFlags,
            long Attribute, MemorySegment lpValue, long cbSize, MemorySegment lpPreviousValue,
            MemorySegment lpReturnSize) {
        try {
            return (int) UpdateProcThreadAttribute.invokeExact(state, lpAttributeList, dwFlags, Attribute, lpValue,
                    cbSize, lpPreviousValue, lpReturnSize);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static void deleteProcThreadAttributeList(MemorySegment lpAttributeList) {
        try {
            DeleteProcThreadAttributeList.invokeExact(lpAttributeList);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static MemorySegment findFirstFileW(MemorySegment state, MemorySegment lpFileName,
            MemorySegment lpFindFileData) {
        try {
            return (MemorySegment) FindFirstFileW.invokeExact(state, lpFileName, lpFindFileData);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int findNextFileW(MemorySegment state, MemorySegment hFindFile, MemorySegment lpFindFileData) {
        try {
            return (int) FindNextFileW.invokeExact(state, hFindFile, lpFindFileData);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }

    public static int findClose(MemorySegment state, MemorySegment hFindFile) {
        try {
            return (int) FindClose.invokeExact(state, hFindFile);
        } catch (Throwable t) {
            throw NativeBinder.unchecked(t);
        }
    }
}
