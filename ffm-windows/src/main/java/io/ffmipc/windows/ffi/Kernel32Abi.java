package io.ffmipc.windows.ffi;

import io.ffmipc.ffi.CConstant;
import io.ffmipc.ffi.CFunction;
import io.ffmipc.ffi.CStruct;
import io.ffmipc.ffi.Target;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * What the Windows provider uses from kernel32, as data: every function by its C prototype, every
 * constant and struct layout, checked against the mingw-w64 headers on every build. This class
 * links nothing, so it is read on any OS; {@link Kernel32} binds the handles on Windows.
 *
 * <p>Not declared on purpose: {@code GetLastError}. Called through its own downcall it would read
 * whatever the JVM's own Win32 calls left between the failing call and it; every function that
 * reports through it is linked with {@code Linker.Option.captureCallState("GetLastError")} instead,
 * into a per-thread buffer.
 *
 * <p>Values that Java's {@code int} shows as negative ({@code INFINITE}, {@code GENERIC_READ}) are
 * {@code DWORD}s written as int literals, so {@link CConstant#intValue()} gives the bits a
 * {@code DWORD} parameter needs; the ABI check compares them in the constant's own width.
 */
public final class Kernel32Abi {
    private Kernel32Abi() {
    }

    private static final Target W = Target.WINDOWS_X64;

    // ---------------------------------------------------------------- handles and error text
    public static final CFunction CLOSE_HANDLE = CFunction.of("BOOL WINAPI CloseHandle(HANDLE hObject)");
    /** Handle passing: a copy of a handle in another process (the peer's pid comes from the pipe). */
    public static final CFunction DUPLICATE_HANDLE = CFunction.of("BOOL WINAPI DuplicateHandle("
            + "HANDLE hSourceProcessHandle, HANDLE hSourceHandle, HANDLE hTargetProcessHandle, LPHANDLE lpTargetHandle,"
            + " DWORD dwDesiredAccess, BOOL bInheritHandle, DWORD dwOptions)");
    /** Marks a handle inheritable just for the launcher's attribute list (handles are created non-inheritable). */
    public static final CFunction SET_HANDLE_INFORMATION = CFunction.of(
            "BOOL WINAPI SetHandleInformation(HANDLE hObject, DWORD dwMask, DWORD dwFlags)");
    /** The system's text for an error code, into a caller buffer (no LocalAlloc). */
    public static final CFunction FORMAT_MESSAGE_W = CFunction.of("DWORD WINAPI FormatMessageW(DWORD dwFlags,"
            + " LPCVOID lpSource, DWORD dwMessageId, DWORD dwLanguageId, LPWSTR lpBuffer, DWORD nSize,"
            + " va_list *Arguments)");
    /** Frees what advapi32 allocates for the caller (ConvertSidToStringSidW, GetSecurityInfo). */
    public static final CFunction LOCAL_FREE = CFunction.of("HLOCAL WINAPI LocalFree(HLOCAL hMem)");

    /** {@code (HANDLE)(LONG_PTR)-1}: what CreateFileW, CreateNamedPipeW and FindFirstFileW return on failure. */
    /** Checks that a handle an inheritance token or a peer named is open in this process (the flags are not needed). */
    public static final CFunction GET_HANDLE_INFORMATION = CFunction.of(
            "BOOL WINAPI GetHandleInformation(HANDLE hObject, LPDWORD lpdwFlags)");

    public static final CConstant INVALID_HANDLE_VALUE = CConstant.of("INVALID_HANDLE_VALUE", -1);
    public static final CConstant DUPLICATE_CLOSE_SOURCE = CConstant.of("DUPLICATE_CLOSE_SOURCE", 0x1);
    public static final CConstant DUPLICATE_SAME_ACCESS = CConstant.of("DUPLICATE_SAME_ACCESS", 0x2);
    public static final CConstant HANDLE_FLAG_INHERIT = CConstant.of("HANDLE_FLAG_INHERIT", 0x1);
    public static final CConstant FORMAT_MESSAGE_IGNORE_INSERTS = CConstant.of("FORMAT_MESSAGE_IGNORE_INSERTS", 0x200);
    public static final CConstant FORMAT_MESSAGE_FROM_SYSTEM = CConstant.of("FORMAT_MESSAGE_FROM_SYSTEM", 0x1000);
    /** Low byte of the flags: 0xFF drops the line breaks the system texts end with. */
    public static final CConstant FORMAT_MESSAGE_MAX_WIDTH_MASK = CConstant.of("FORMAT_MESSAGE_MAX_WIDTH_MASK", 0xFF);

    // ---------------------------------------------------------------- access rights shared by every object type
    public static final CConstant DELETE = CConstant.of("DELETE", 0x00010000);
    /** Needed on a handle to read its owner (GetSecurityInfo): the provider's open asks for it. */
    public static final CConstant READ_CONTROL = CConstant.of("READ_CONTROL", 0x00020000);
    public static final CConstant WRITE_DAC = CConstant.of("WRITE_DAC", 0x00040000);
    public static final CConstant WRITE_OWNER = CConstant.of("WRITE_OWNER", 0x00080000);
    public static final CConstant SYNCHRONIZE = CConstant.of("SYNCHRONIZE", 0x00100000);
    public static final CConstant STANDARD_RIGHTS_REQUIRED = CConstant.of("STANDARD_RIGHTS_REQUIRED", 0x000F0000);
    public static final CConstant GENERIC_READ = CConstant.of("GENERIC_READ", 0x80000000);
    public static final CConstant GENERIC_WRITE = CConstant.of("GENERIC_WRITE", 0x40000000);
    /** Granted to the current user's SID in the owner-only DACL; mapped to each type's specific rights. */
    public static final CConstant GENERIC_ALL = CConstant.of("GENERIC_ALL", 0x10000000);

    // ---------------------------------------------------------------- waiting
    public static final CFunction WAIT_FOR_SINGLE_OBJECT =
            CFunction.of("DWORD WINAPI WaitForSingleObject(HANDLE hHandle, DWORD dwMilliseconds)");
    /** The wait seam waits on a wake event and a close event at once. */
    public static final CFunction WAIT_FOR_MULTIPLE_OBJECTS = CFunction.of("DWORD WINAPI WaitForMultipleObjects("
            + "DWORD nCount, const HANDLE *lpHandles, BOOL bWaitAll, DWORD dwMilliseconds)");

    public static final CConstant INFINITE = CConstant.of("INFINITE", 0xFFFFFFFF);
    public static final CConstant WAIT_OBJECT_0 = CConstant.of("WAIT_OBJECT_0", 0);
    /** A mutex whose owner thread ended without releasing it: the wait owns it now (owner death). */
    public static final CConstant WAIT_ABANDONED = CConstant.of("WAIT_ABANDONED", 0x80);
    public static final CConstant WAIT_ABANDONED_0 = CConstant.of("WAIT_ABANDONED_0", 0x80);
    public static final CConstant WAIT_TIMEOUT = CConstant.of("WAIT_TIMEOUT", 258);
    public static final CConstant WAIT_FAILED = CConstant.of("WAIT_FAILED", 0xFFFFFFFF);
    public static final CConstant MAXIMUM_WAIT_OBJECTS = CConstant.of("MAXIMUM_WAIT_OBJECTS", 64);

    // ---------------------------------------------------------------- shared memory and mapped files
    public static final CFunction CREATE_FILE_MAPPING_W = CFunction.of("HANDLE WINAPI CreateFileMappingW(HANDLE hFile,"
            + " LPSECURITY_ATTRIBUTES lpFileMappingAttributes, DWORD flProtect, DWORD dwMaximumSizeHigh,"
            + " DWORD dwMaximumSizeLow, LPCWSTR lpName)");
    public static final CFunction OPEN_FILE_MAPPING_W = CFunction.of(
            "HANDLE WINAPI OpenFileMappingW(DWORD dwDesiredAccess, BOOL bInheritHandle, LPCWSTR lpName)");
    public static final CFunction MAP_VIEW_OF_FILE = CFunction.of("LPVOID WINAPI MapViewOfFile(HANDLE hFileMappingObject,"
            + " DWORD dwDesiredAccess, DWORD dwFileOffsetHigh, DWORD dwFileOffsetLow, SIZE_T dwNumberOfBytesToMap)");
    public static final CFunction UNMAP_VIEW_OF_FILE = CFunction.of("BOOL WINAPI UnmapViewOfFile(LPCVOID lpBaseAddress)");
    /** The size of an opened mapping: the view's region, whole pages (the section's exact size is not documented). */
    public static final CFunction VIRTUAL_QUERY = CFunction.of("SIZE_T WINAPI VirtualQuery(LPCVOID lpAddress,"
            + " PMEMORY_BASIC_INFORMATION lpBuffer, SIZE_T dwLength)");
    public static final CFunction CREATE_FILE_W = CFunction.of("HANDLE WINAPI CreateFileW(LPCWSTR lpFileName,"
            + " DWORD dwDesiredAccess, DWORD dwShareMode, LPSECURITY_ATTRIBUTES lpSecurityAttributes,"
            + " DWORD dwCreationDisposition, DWORD dwFlagsAndAttributes, HANDLE hTemplateFile)");
    /** A mapped file's exact size (a mapping of size 0 takes the file's size). */
    public static final CFunction GET_FILE_SIZE_EX = CFunction.of(
            "BOOL WINAPI GetFileSizeEx(HANDLE hFile, PLARGE_INTEGER lpFileSize)");

    public static final CConstant PAGE_READONLY = CConstant.of("PAGE_READONLY", 0x02);
    public static final CConstant PAGE_READWRITE = CConstant.of("PAGE_READWRITE", 0x04);
    /** The default for a pagefile section: every page committed at creation, so a view never faults for lack of commit. */
    public static final CConstant SEC_COMMIT = CConstant.of("SEC_COMMIT", 0x08000000);
    public static final CConstant FILE_MAP_WRITE = CConstant.of("FILE_MAP_WRITE", 0x0002);
    public static final CConstant FILE_MAP_READ = CConstant.of("FILE_MAP_READ", 0x0004);
    public static final CConstant FILE_MAP_ALL_ACCESS = CConstant.of("FILE_MAP_ALL_ACCESS", 0xF001F);
    public static final CConstant MEM_COMMIT = CConstant.of("MEM_COMMIT", 0x1000);
    /** {@code MEMORY_BASIC_INFORMATION.Type} of a view of a section. */
    public static final CConstant MEM_MAPPED = CConstant.of("MEM_MAPPED", 0x40000);

    /**
     * A mapped file's attributes, read on the opened handle: the provider refuses a directory or a
     * reparse point (a symbolic link or junction, which it opened as itself, see
     * {@link #FILE_FLAG_OPEN_REPARSE_POINT}), as POSIX refuses what is not a regular file.
     */
    public static final CFunction GET_FILE_INFORMATION_BY_HANDLE = CFunction.of("BOOL WINAPI GetFileInformationByHandle("
            + "HANDLE hFile, LPBY_HANDLE_FILE_INFORMATION lpFileInformation)");

    public static final CStruct BY_HANDLE_FILE_INFORMATION = CStruct.of("BY_HANDLE_FILE_INFORMATION",
            MemoryLayout.structLayout(
                    JAVA_INT.withName("dwFileAttributes"),
                    MemoryLayout.structLayout(JAVA_INT.withName("dwLowDateTime"), JAVA_INT.withName("dwHighDateTime"))
                            .withName("ftCreationTime"),
                    MemoryLayout.structLayout(JAVA_INT.withName("dwLowDateTime"), JAVA_INT.withName("dwHighDateTime"))
                            .withName("ftLastAccessTime"),
                    MemoryLayout.structLayout(JAVA_INT.withName("dwLowDateTime"), JAVA_INT.withName("dwHighDateTime"))
                            .withName("ftLastWriteTime"),
                    JAVA_INT.withName("dwVolumeSerialNumber"),
                    JAVA_INT.withName("nFileSizeHigh"),
                    JAVA_INT.withName("nFileSizeLow"),
                    JAVA_INT.withName("nNumberOfLinks"),
                    JAVA_INT.withName("nFileIndexHigh"),
                    JAVA_INT.withName("nFileIndexLow")), W);

    public static final CConstant FILE_ATTRIBUTE_DIRECTORY = CConstant.of("FILE_ATTRIBUTE_DIRECTORY", 0x10);
    public static final CConstant FILE_ATTRIBUTE_REPARSE_POINT = CConstant.of("FILE_ATTRIBUTE_REPARSE_POINT", 0x400);
    /** CreateFileW opens a symbolic link or junction itself instead of what it points to (no following). */
    public static final CConstant FILE_FLAG_OPEN_REPARSE_POINT = CConstant.of("FILE_FLAG_OPEN_REPARSE_POINT", 0x00200000);
    /** The launcher's output files: created, or emptied if they exist. */
    public static final CConstant CREATE_ALWAYS = CConstant.of("CREATE_ALWAYS", 2);
    public static final CConstant FILE_SHARE_READ = CConstant.of("FILE_SHARE_READ", 0x1);
    public static final CConstant FILE_SHARE_WRITE = CConstant.of("FILE_SHARE_WRITE", 0x2);
    public static final CConstant FILE_SHARE_DELETE = CConstant.of("FILE_SHARE_DELETE", 0x4);
    public static final CConstant CREATE_NEW = CConstant.of("CREATE_NEW", 1);
    public static final CConstant OPEN_EXISTING = CConstant.of("OPEN_EXISTING", 3);
    public static final CConstant OPEN_ALWAYS = CConstant.of("OPEN_ALWAYS", 4);
    public static final CConstant FILE_ATTRIBUTE_NORMAL = CConstant.of("FILE_ATTRIBUTE_NORMAL", 0x80);
    public static final CConstant FILE_FLAG_OVERLAPPED = CConstant.of("FILE_FLAG_OVERLAPPED", 0x40000000);
    /** CreateNamedPipeW: fail if the name exists, so nobody can plant the pipe first (squatting). */
    public static final CConstant FILE_FLAG_FIRST_PIPE_INSTANCE = CConstant.of("FILE_FLAG_FIRST_PIPE_INSTANCE", 0x00080000);
    /**
     * CreateFileW on a pipe: with {@link #SECURITY_IDENTIFICATION} the server may learn who the client
     * is but not act as the client (the default would let a planted server impersonate it).
     */
    public static final CConstant SECURITY_SQOS_PRESENT = CConstant.of("SECURITY_SQOS_PRESENT", 0x00100000);
    public static final CConstant SECURITY_IDENTIFICATION = CConstant.of("SECURITY_IDENTIFICATION", 0x00010000);
    public static final CConstant MAX_PATH = CConstant.of("MAX_PATH", 260);

    /** {@code nLength} must be set to the struct's size; the DACL is the owner-only one the provider builds. */
    public static final CStruct SECURITY_ATTRIBUTES = CStruct.of("SECURITY_ATTRIBUTES", MemoryLayout.structLayout(
            JAVA_INT.withName("nLength"),
            MemoryLayout.paddingLayout(4),
            ADDRESS.withName("lpSecurityDescriptor"),
            JAVA_INT.withName("bInheritHandle"),
            MemoryLayout.paddingLayout(4)), W);

    /** As mingw-w64 declares it; the Windows SDK puts {@code WORD PartitionId} in the padding after AllocationProtect. */
    public static final CStruct MEMORY_BASIC_INFORMATION = CStruct.of("MEMORY_BASIC_INFORMATION", MemoryLayout.structLayout(
            ADDRESS.withName("BaseAddress"),
            ADDRESS.withName("AllocationBase"),
            JAVA_INT.withName("AllocationProtect"),
            MemoryLayout.paddingLayout(4),
            JAVA_LONG.withName("RegionSize"),
            JAVA_INT.withName("State"),
            JAVA_INT.withName("Protect"),
            JAVA_INT.withName("Type"),
            MemoryLayout.paddingLayout(4)), W);

    /** A union of {@code {LowPart, HighPart}} and {@code QuadPart}; the binding reads QuadPart. */
    public static final CStruct LARGE_INTEGER = CStruct.of("LARGE_INTEGER", MemoryLayout.structLayout(
            JAVA_LONG.withName("QuadPart")), W);

    // ---------------------------------------------------------------- semaphores, mutexes, events
    public static final CFunction CREATE_SEMAPHORE_W = CFunction.of("HANDLE WINAPI CreateSemaphoreW("
            + "LPSECURITY_ATTRIBUTES lpSemaphoreAttributes, LONG lInitialCount, LONG lMaximumCount, LPCWSTR lpName)");
    public static final CFunction OPEN_SEMAPHORE_W = CFunction.of(
            "HANDLE WINAPI OpenSemaphoreW(DWORD dwDesiredAccess, BOOL bInheritHandle, LPCWSTR lpName)");
    public static final CFunction RELEASE_SEMAPHORE = CFunction.of(
            "BOOL WINAPI ReleaseSemaphore(HANDLE hSemaphore, LONG lReleaseCount, LPLONG lpPreviousCount)");
    public static final CFunction CREATE_MUTEX_W = CFunction.of("HANDLE WINAPI CreateMutexW("
            + "LPSECURITY_ATTRIBUTES lpMutexAttributes, BOOL bInitialOwner, LPCWSTR lpName)");
    public static final CFunction OPEN_MUTEX_W = CFunction.of(
            "HANDLE WINAPI OpenMutexW(DWORD dwDesiredAccess, BOOL bInheritHandle, LPCWSTR lpName)");
    public static final CFunction RELEASE_MUTEX = CFunction.of("BOOL WINAPI ReleaseMutex(HANDLE hMutex)");
    public static final CFunction CREATE_EVENT_W = CFunction.of("HANDLE WINAPI CreateEventW("
            + "LPSECURITY_ATTRIBUTES lpEventAttributes, BOOL bManualReset, BOOL bInitialState, LPCWSTR lpName)");
    public static final CFunction OPEN_EVENT_W = CFunction.of(
            "HANDLE WINAPI OpenEventW(DWORD dwDesiredAccess, BOOL bInheritHandle, LPCWSTR lpName)");
    public static final CFunction SET_EVENT = CFunction.of("BOOL WINAPI SetEvent(HANDLE hEvent)");
    public static final CFunction RESET_EVENT = CFunction.of("BOOL WINAPI ResetEvent(HANDLE hEvent)");

    public static final CConstant SEMAPHORE_MODIFY_STATE = CConstant.of("SEMAPHORE_MODIFY_STATE", 0x0002);
    public static final CConstant SEMAPHORE_ALL_ACCESS = CConstant.of("SEMAPHORE_ALL_ACCESS", 0x1F0003);
    public static final CConstant MUTEX_MODIFY_STATE = CConstant.of("MUTEX_MODIFY_STATE", 0x0001);
    public static final CConstant MUTEX_ALL_ACCESS = CConstant.of("MUTEX_ALL_ACCESS", 0x1F0001);
    public static final CConstant EVENT_MODIFY_STATE = CConstant.of("EVENT_MODIFY_STATE", 0x0002);
    public static final CConstant EVENT_ALL_ACCESS = CConstant.of("EVENT_ALL_ACCESS", 0x1F0003);

    // ---------------------------------------------------------------- named pipes
    public static final CFunction CREATE_NAMED_PIPE_W = CFunction.of("HANDLE WINAPI CreateNamedPipeW(LPCWSTR lpName,"
            + " DWORD dwOpenMode, DWORD dwPipeMode, DWORD nMaxInstances, DWORD nOutBufferSize, DWORD nInBufferSize,"
            + " DWORD nDefaultTimeOut, LPSECURITY_ATTRIBUTES lpSecurityAttributes)");
    public static final CFunction CONNECT_NAMED_PIPE = CFunction.of(
            "BOOL WINAPI ConnectNamedPipe(HANDLE hNamedPipe, LPOVERLAPPED lpOverlapped)");
    public static final CFunction DISCONNECT_NAMED_PIPE = CFunction.of("BOOL WINAPI DisconnectNamedPipe(HANDLE hNamedPipe)");
    public static final CFunction WAIT_NAMED_PIPE_W = CFunction.of(
            "BOOL WINAPI WaitNamedPipeW(LPCWSTR lpNamedPipeName, DWORD nTimeOut)");
    /** The client switches its end to message read mode (a client end opens in byte read mode). */
    public static final CFunction SET_NAMED_PIPE_HANDLE_STATE = CFunction.of("BOOL WINAPI SetNamedPipeHandleState("
            + "HANDLE hNamedPipe, LPDWORD lpMode, LPDWORD lpMaxCollectionCount, LPDWORD lpCollectDataTimeout)");
    /** The size of the next message before reading it (and what is left of one after ERROR_MORE_DATA). */
    public static final CFunction PEEK_NAMED_PIPE = CFunction.of("BOOL WINAPI PeekNamedPipe(HANDLE hNamedPipe,"
            + " LPVOID lpBuffer, DWORD nBufferSize, LPDWORD lpBytesRead, LPDWORD lpTotalBytesAvail,"
            + " LPDWORD lpBytesLeftThisMessage)");
    /** A client checks the pipe it reached is of the kind it asked for (message or byte). */
    public static final CFunction GET_NAMED_PIPE_INFO = CFunction.of("BOOL WINAPI GetNamedPipeInfo(HANDLE hNamedPipe,"
            + " LPDWORD lpFlags, LPDWORD lpOutBufferSize, LPDWORD lpInBufferSize, LPDWORD lpMaxInstances)");
    public static final CFunction GET_NAMED_PIPE_CLIENT_PROCESS_ID = CFunction.of(
            "BOOL WINAPI GetNamedPipeClientProcessId(HANDLE Pipe, PULONG ClientProcessId)");
    public static final CFunction GET_NAMED_PIPE_SERVER_PROCESS_ID = CFunction.of(
            "BOOL WINAPI GetNamedPipeServerProcessId(HANDLE Pipe, PULONG ServerProcessId)");
    public static final CFunction READ_FILE = CFunction.of("BOOL WINAPI ReadFile(HANDLE hFile, LPVOID lpBuffer,"
            + " DWORD nNumberOfBytesToRead, LPDWORD lpNumberOfBytesRead, LPOVERLAPPED lpOverlapped)");
    public static final CFunction WRITE_FILE = CFunction.of("BOOL WINAPI WriteFile(HANDLE hFile, LPCVOID lpBuffer,"
            + " DWORD nNumberOfBytesToWrite, LPDWORD lpNumberOfBytesWritten, LPOVERLAPPED lpOverlapped)");
    /** Ends a timed-out overlapped operation; GetOverlappedResult then says whether it completed first. */
    public static final CFunction CANCEL_IO_EX = CFunction.of("BOOL WINAPI CancelIoEx(HANDLE hFile, LPOVERLAPPED lpOverlapped)");
    public static final CFunction GET_OVERLAPPED_RESULT = CFunction.of("BOOL WINAPI GetOverlappedResult(HANDLE hFile,"
            + " LPOVERLAPPED lpOverlapped, LPDWORD lpNumberOfBytesTransferred, BOOL bWait)");
    /** A server drains what it wrote before DisconnectNamedPipe, which would discard it. */
    public static final CFunction FLUSH_FILE_BUFFERS = CFunction.of("BOOL WINAPI FlushFileBuffers(HANDLE hFile)");

    public static final CConstant PIPE_ACCESS_INBOUND = CConstant.of("PIPE_ACCESS_INBOUND", 0x1);
    public static final CConstant PIPE_ACCESS_OUTBOUND = CConstant.of("PIPE_ACCESS_OUTBOUND", 0x2);
    public static final CConstant PIPE_ACCESS_DUPLEX = CConstant.of("PIPE_ACCESS_DUPLEX", 0x3);
    public static final CConstant PIPE_TYPE_BYTE = CConstant.of("PIPE_TYPE_BYTE", 0x0);
    public static final CConstant PIPE_TYPE_MESSAGE = CConstant.of("PIPE_TYPE_MESSAGE", 0x4);
    public static final CConstant PIPE_READMODE_BYTE = CConstant.of("PIPE_READMODE_BYTE", 0x0);
    public static final CConstant PIPE_READMODE_MESSAGE = CConstant.of("PIPE_READMODE_MESSAGE", 0x2);
    public static final CConstant PIPE_WAIT = CConstant.of("PIPE_WAIT", 0x0);
    public static final CConstant PIPE_REJECT_REMOTE_CLIENTS = CConstant.of("PIPE_REJECT_REMOTE_CLIENTS", 0x8);
    public static final CConstant PIPE_UNLIMITED_INSTANCES = CConstant.of("PIPE_UNLIMITED_INSTANCES", 255);
    /** GetNamedPipeInfo flags: which end this handle is. */
    public static final CConstant PIPE_SERVER_END = CConstant.of("PIPE_SERVER_END", 0x1);

    /** {@code Offset}/{@code OffsetHigh} share an anonymous union with {@code Pointer}. */
    public static final CStruct OVERLAPPED = CStruct.of("OVERLAPPED", MemoryLayout.structLayout(
            JAVA_LONG.withName("Internal"),
            JAVA_LONG.withName("InternalHigh"),
            MemoryLayout.unionLayout(
                    MemoryLayout.structLayout(JAVA_INT.withName("Offset"), JAVA_INT.withName("OffsetHigh")),
                    ADDRESS.withName("Pointer")),
            ADDRESS.withName("hEvent")), W);

    // ---------------------------------------------------------------- mailslots (the io.ffmipc.windows extension)
    public static final CFunction CREATE_MAILSLOT_W = CFunction.of("HANDLE WINAPI CreateMailslotW(LPCWSTR lpName,"
            + " DWORD nMaxMessageSize, DWORD lReadTimeout, LPSECURITY_ATTRIBUTES lpSecurityAttributes)");
    public static final CFunction GET_MAILSLOT_INFO = CFunction.of("BOOL WINAPI GetMailslotInfo(HANDLE hMailslot,"
            + " LPDWORD lpMaxMessageSize, LPDWORD lpNextSize, LPDWORD lpMessageCount, LPDWORD lpReadTimeout)");
    public static final CFunction SET_MAILSLOT_INFO = CFunction.of(
            "BOOL WINAPI SetMailslotInfo(HANDLE hMailslot, DWORD lReadTimeout)");

    public static final CConstant MAILSLOT_NO_MESSAGE = CConstant.of("MAILSLOT_NO_MESSAGE", 0xFFFFFFFF);
    public static final CConstant MAILSLOT_WAIT_FOREVER = CConstant.of("MAILSLOT_WAIT_FOREVER", 0xFFFFFFFF);

    // ---------------------------------------------------------------- processes: identity, liveness, the launcher
    public static final CFunction OPEN_PROCESS = CFunction.of(
            "HANDLE WINAPI OpenProcess(DWORD dwDesiredAccess, BOOL bInheritHandle, DWORD dwProcessId)");
    /** A pseudo handle (-1) that needs no closing; cannot fail. */
    public static final CFunction GET_CURRENT_PROCESS = CFunction.noErrno("HANDLE WINAPI GetCurrentProcess(void)");
    public static final CFunction GET_CURRENT_PROCESS_ID = CFunction.noErrno("DWORD WINAPI GetCurrentProcessId(void)");
    /** The creation time makes a pid + start-time stamp that survives pid reuse. */
    public static final CFunction GET_PROCESS_TIMES = CFunction.of("BOOL WINAPI GetProcessTimes(HANDLE hProcess,"
            + " LPFILETIME lpCreationTime, LPFILETIME lpExitTime, LPFILETIME lpKernelTime, LPFILETIME lpUserTime)");
    public static final CFunction GET_EXIT_CODE_PROCESS = CFunction.of(
            "BOOL WINAPI GetExitCodeProcess(HANDLE hProcess, LPDWORD lpExitCode)");
    public static final CFunction TERMINATE_PROCESS = CFunction.of(
            "BOOL WINAPI TerminateProcess(HANDLE hProcess, UINT uExitCode)");
    public static final CFunction CREATE_PROCESS_W = CFunction.of("BOOL WINAPI CreateProcessW(LPCWSTR lpApplicationName,"
            + " LPWSTR lpCommandLine, LPSECURITY_ATTRIBUTES lpProcessAttributes, LPSECURITY_ATTRIBUTES lpThreadAttributes,"
            + " BOOL bInheritHandles, DWORD dwCreationFlags, LPVOID lpEnvironment, LPCWSTR lpCurrentDirectory,"
            + " LPSTARTUPINFOW lpStartupInfo, LPPROCESS_INFORMATION lpProcessInformation)");
    /** Called twice: first with no list to learn its size, then to initialise the caller's buffer. */
    public static final CFunction INITIALIZE_PROC_THREAD_ATTRIBUTE_LIST = CFunction.of(
            "BOOL WINAPI InitializeProcThreadAttributeList(LPPROC_THREAD_ATTRIBUTE_LIST lpAttributeList,"
                    + " DWORD dwAttributeCount, DWORD dwFlags, PSIZE_T lpSize)");
    public static final CFunction UPDATE_PROC_THREAD_ATTRIBUTE = CFunction.of(
            "BOOL WINAPI UpdateProcThreadAttribute(LPPROC_THREAD_ATTRIBUTE_LIST lpAttributeList, DWORD dwFlags,"
                    + " DWORD_PTR Attribute, PVOID lpValue, SIZE_T cbSize, PVOID lpPreviousValue, PSIZE_T lpReturnSize)");
    public static final CFunction DELETE_PROC_THREAD_ATTRIBUTE_LIST = CFunction.noErrno(
            "void WINAPI DeleteProcThreadAttributeList(LPPROC_THREAD_ATTRIBUTE_LIST lpAttributeList)");

    public static final CConstant PROCESS_TERMINATE = CConstant.of("PROCESS_TERMINATE", 0x0001);
    public static final CConstant PROCESS_DUP_HANDLE = CConstant.of("PROCESS_DUP_HANDLE", 0x0040);
    public static final CConstant PROCESS_QUERY_LIMITED_INFORMATION = CConstant.of("PROCESS_QUERY_LIMITED_INFORMATION", 0x1000);
    /** GetExitCodeProcess of a running process (so an exit code of 259 is ambiguous: wait on the handle instead). */
    public static final CConstant STILL_ACTIVE = CConstant.of("STILL_ACTIVE", 259);
    public static final CConstant CREATE_UNICODE_ENVIRONMENT = CConstant.of("CREATE_UNICODE_ENVIRONMENT", 0x00000400);
    public static final CConstant EXTENDED_STARTUPINFO_PRESENT = CConstant.of("EXTENDED_STARTUPINFO_PRESENT", 0x00080000);
    public static final CConstant CREATE_NO_WINDOW = CConstant.of("CREATE_NO_WINDOW", 0x08000000);
    public static final CConstant STARTF_USESTDHANDLES = CConstant.of("STARTF_USESTDHANDLES", 0x00000100);
    /** Only the listed handles are inherited, even with bInheritHandles TRUE. */
    public static final CConstant PROC_THREAD_ATTRIBUTE_HANDLE_LIST = CConstant.of("PROC_THREAD_ATTRIBUTE_HANDLE_LIST", 0x00020002);

    public static final CStruct FILETIME = CStruct.of("FILETIME", MemoryLayout.structLayout(
            JAVA_INT.withName("dwLowDateTime"),
            JAVA_INT.withName("dwHighDateTime")), W);

    private static final StructLayout STARTUPINFOW_LAYOUT = MemoryLayout.structLayout(
            JAVA_INT.withName("cb"),
            MemoryLayout.paddingLayout(4),
            ADDRESS.withName("lpReserved"),
            ADDRESS.withName("lpDesktop"),
            ADDRESS.withName("lpTitle"),
            JAVA_INT.withName("dwX"),
            JAVA_INT.withName("dwY"),
            JAVA_INT.withName("dwXSize"),
            JAVA_INT.withName("dwYSize"),
            JAVA_INT.withName("dwXCountChars"),
            JAVA_INT.withName("dwYCountChars"),
            JAVA_INT.withName("dwFillAttribute"),
            JAVA_INT.withName("dwFlags"),
            JAVA_SHORT.withName("wShowWindow"),
            JAVA_SHORT.withName("cbReserved2"),
            MemoryLayout.paddingLayout(4),
            ADDRESS.withName("lpReserved2"),
            ADDRESS.withName("hStdInput"),
            ADDRESS.withName("hStdOutput"),
            ADDRESS.withName("hStdError"));

    public static final CStruct STARTUPINFOW = CStruct.of("STARTUPINFOW", STARTUPINFOW_LAYOUT, W);

    /** {@code StartupInfo.cb} is this struct's size, and EXTENDED_STARTUPINFO_PRESENT is passed. */
    public static final CStruct STARTUPINFOEXW = CStruct.of("STARTUPINFOEXW", MemoryLayout.structLayout(
            STARTUPINFOW_LAYOUT.withName("StartupInfo"),
            ADDRESS.withName("lpAttributeList")), W);

    public static final CStruct PROCESS_INFORMATION = CStruct.of("PROCESS_INFORMATION", MemoryLayout.structLayout(
            ADDRESS.withName("hProcess"),
            ADDRESS.withName("hThread"),
            JAVA_INT.withName("dwProcessId"),
            JAVA_INT.withName("dwThreadId")), W);

    // ---------------------------------------------------------------- listing \\.\pipe\
    public static final CFunction FIND_FIRST_FILE_W = CFunction.of(
            "HANDLE WINAPI FindFirstFileW(LPCWSTR lpFileName, LPWIN32_FIND_DATAW lpFindFileData)");
    public static final CFunction FIND_NEXT_FILE_W = CFunction.of(
            "BOOL WINAPI FindNextFileW(HANDLE hFindFile, LPWIN32_FIND_DATAW lpFindFileData)");
    public static final CFunction FIND_CLOSE = CFunction.of("BOOL WINAPI FindClose(HANDLE hFindFile)");

    public static final CStruct WIN32_FIND_DATAW = CStruct.of("WIN32_FIND_DATAW", MemoryLayout.structLayout(
            JAVA_INT.withName("dwFileAttributes"),
            FILETIME.layout(W).withName("ftCreationTime"),
            FILETIME.layout(W).withName("ftLastAccessTime"),
            FILETIME.layout(W).withName("ftLastWriteTime"),
            JAVA_INT.withName("nFileSizeHigh"),
            JAVA_INT.withName("nFileSizeLow"),
            JAVA_INT.withName("dwReserved0"),
            JAVA_INT.withName("dwReserved1"),
            MemoryLayout.sequenceLayout(260, JAVA_SHORT).withName("cFileName"),
            MemoryLayout.sequenceLayout(14, JAVA_SHORT).withName("cAlternateFileName")), W);
}
