package io.ffmipc.windows.ffi;

import io.ffmipc.IpcException;
import io.ffmipc.OsError;
import io.ffmipc.spi.ErrorKind;
import io.ffmipc.spi.ErrorTable;
import io.ffmipc.ffi.CConstant;
import io.ffmipc.ffi.Target;

import java.util.List;

import static io.ffmipc.spi.ErrorTable.entry;

/**
 * The Win32 error codes ({@code GetLastError}, winerror.h) the Windows provider names, with what
 * each means to the portable error model. The constants are data (the ABI check compares each with
 * the mingw-w64 headers), so this class is read on any OS; only {@link #osError(int)} reaches
 * kernel32 (FormatMessageW, for the system's text).
 *
 * <p>Some codes mean more than the table can say, and the adapter that knows the call decides:
 * CreateNamedPipeW with FILE_FLAG_FIRST_PIPE_INSTANCE reports an existing pipe as ERROR_ACCESS_DENIED;
 * ERROR_MORE_DATA on a message pipe is the portable "receive buffer too small", with the message kept;
 * ERROR_PIPE_CONNECTED from ConnectNamedPipe is success (the client came before the call).
 */
public final class WinError {
    private WinError() {
    }

    public static final CConstant ERROR_SUCCESS = CConstant.of("ERROR_SUCCESS", 0);
    public static final CConstant ERROR_INVALID_FUNCTION = CConstant.of("ERROR_INVALID_FUNCTION", 1);
    public static final CConstant ERROR_FILE_NOT_FOUND = CConstant.of("ERROR_FILE_NOT_FOUND", 2);
    public static final CConstant ERROR_PATH_NOT_FOUND = CConstant.of("ERROR_PATH_NOT_FOUND", 3);
    public static final CConstant ERROR_TOO_MANY_OPEN_FILES = CConstant.of("ERROR_TOO_MANY_OPEN_FILES", 4);
    public static final CConstant ERROR_ACCESS_DENIED = CConstant.of("ERROR_ACCESS_DENIED", 5);
    /** Also: the name is held by an object of another type (a mapping named like an existing event). */
    public static final CConstant ERROR_INVALID_HANDLE = CConstant.of("ERROR_INVALID_HANDLE", 6);
    public static final CConstant ERROR_NOT_ENOUGH_MEMORY = CConstant.of("ERROR_NOT_ENOUGH_MEMORY", 8);
    public static final CConstant ERROR_OUTOFMEMORY = CConstant.of("ERROR_OUTOFMEMORY", 14);
    public static final CConstant ERROR_NO_MORE_FILES = CConstant.of("ERROR_NO_MORE_FILES", 18);
    public static final CConstant ERROR_SHARING_VIOLATION = CConstant.of("ERROR_SHARING_VIOLATION", 32);
    public static final CConstant ERROR_HANDLE_EOF = CConstant.of("ERROR_HANDLE_EOF", 38);
    public static final CConstant ERROR_NOT_SUPPORTED = CConstant.of("ERROR_NOT_SUPPORTED", 50);
    public static final CConstant ERROR_FILE_EXISTS = CConstant.of("ERROR_FILE_EXISTS", 80);
    public static final CConstant ERROR_INVALID_PARAMETER = CConstant.of("ERROR_INVALID_PARAMETER", 87);
    /** The other end closed its handle: a read finds nothing more (pipes). */
    public static final CConstant ERROR_BROKEN_PIPE = CConstant.of("ERROR_BROKEN_PIPE", 109);
    public static final CConstant ERROR_DISK_FULL = CConstant.of("ERROR_DISK_FULL", 112);
    public static final CConstant ERROR_CALL_NOT_IMPLEMENTED = CConstant.of("ERROR_CALL_NOT_IMPLEMENTED", 120);
    /** WaitNamedPipeW: no instance became free within the timeout. */
    public static final CConstant ERROR_SEM_TIMEOUT = CConstant.of("ERROR_SEM_TIMEOUT", 121);
    public static final CConstant ERROR_INSUFFICIENT_BUFFER = CConstant.of("ERROR_INSUFFICIENT_BUFFER", 122);
    public static final CConstant ERROR_INVALID_NAME = CConstant.of("ERROR_INVALID_NAME", 123);
    public static final CConstant ERROR_BAD_PATHNAME = CConstant.of("ERROR_BAD_PATHNAME", 161);
    public static final CConstant ERROR_ALREADY_EXISTS = CConstant.of("ERROR_ALREADY_EXISTS", 183);
    public static final CConstant ERROR_FILENAME_EXCED_RANGE = CConstant.of("ERROR_FILENAME_EXCED_RANGE", 206);
    public static final CConstant ERROR_BAD_PIPE = CConstant.of("ERROR_BAD_PIPE", 230);
    /** Every instance of the pipe is connected: WaitNamedPipeW, then try again. */
    public static final CConstant ERROR_PIPE_BUSY = CConstant.of("ERROR_PIPE_BUSY", 231);
    /** The pipe is being closed: a write after the reader closed, or a client disconnected before accept. */
    public static final CConstant ERROR_NO_DATA = CConstant.of("ERROR_NO_DATA", 232);
    public static final CConstant ERROR_PIPE_NOT_CONNECTED = CConstant.of("ERROR_PIPE_NOT_CONNECTED", 233);
    /** A message longer than the buffer: the buffer is filled, the rest stays to be read. */
    public static final CConstant ERROR_MORE_DATA = CConstant.of("ERROR_MORE_DATA", 234);
    public static final CConstant ERROR_NO_MORE_ITEMS = CConstant.of("ERROR_NO_MORE_ITEMS", 259);
    /** ReleaseMutex by a thread that does not own the mutex. */
    public static final CConstant ERROR_NOT_OWNER = CConstant.of("ERROR_NOT_OWNER", 288);
    /** ReleaseSemaphore past the maximum count; the count is left unchanged. */
    public static final CConstant ERROR_TOO_MANY_POSTS = CConstant.of("ERROR_TOO_MANY_POSTS", 298);
    public static final CConstant ERROR_INVALID_ADDRESS = CConstant.of("ERROR_INVALID_ADDRESS", 487);
    /** ConnectNamedPipe: the client connected between CreateNamedPipeW and the call; success. */
    public static final CConstant ERROR_PIPE_CONNECTED = CConstant.of("ERROR_PIPE_CONNECTED", 535);
    public static final CConstant ERROR_PIPE_LISTENING = CConstant.of("ERROR_PIPE_LISTENING", 536);
    /** An overlapped operation ended by CancelIoEx (GetOverlappedResult reports it). */
    /** CreateFileMappingW on an empty file with size 0: there is nothing to map. */
    public static final CConstant ERROR_FILE_INVALID = CConstant.of("ERROR_FILE_INVALID", 1006);
    /** CreateProcessW on something that is not a program for this machine. */
    public static final CConstant ERROR_BAD_EXE_FORMAT = CConstant.of("ERROR_BAD_EXE_FORMAT", 193);
    /** A security descriptor names an owner the token may not set. */
    public static final CConstant ERROR_INVALID_OWNER = CConstant.of("ERROR_INVALID_OWNER", 1307);
    public static final CConstant ERROR_OPERATION_ABORTED = CConstant.of("ERROR_OPERATION_ABORTED", 995);
    public static final CConstant ERROR_IO_INCOMPLETE = CConstant.of("ERROR_IO_INCOMPLETE", 996);
    /** An overlapped operation was started and has not finished: wait on its event. */
    public static final CConstant ERROR_IO_PENDING = CConstant.of("ERROR_IO_PENDING", 997);
    public static final CConstant ERROR_NOACCESS = CConstant.of("ERROR_NOACCESS", 998);
    /** CancelIoEx found nothing to cancel (the operation completed first). */
    public static final CConstant ERROR_NOT_FOUND = CConstant.of("ERROR_NOT_FOUND", 1168);
    public static final CConstant ERROR_PRIVILEGE_NOT_HELD = CConstant.of("ERROR_PRIVILEGE_NOT_HELD", 1314);
    public static final CConstant ERROR_NONE_MAPPED = CConstant.of("ERROR_NONE_MAPPED", 1332);
    public static final CConstant ERROR_INVALID_SID = CConstant.of("ERROR_INVALID_SID", 1337);
    public static final CConstant ERROR_NO_SYSTEM_RESOURCES = CConstant.of("ERROR_NO_SYSTEM_RESOURCES", 1450);
    public static final CConstant ERROR_COMMITMENT_LIMIT = CConstant.of("ERROR_COMMITMENT_LIMIT", 1455);
    /** WaitOnAddress timed out. */
    public static final CConstant ERROR_TIMEOUT = CConstant.of("ERROR_TIMEOUT", 1460);
    public static final CConstant ERROR_NOT_ENOUGH_QUOTA = CConstant.of("ERROR_NOT_ENOUGH_QUOTA", 1816);

    private static final ErrorTable TABLE = new ErrorTable(Target.WINDOWS_X64, List.of(
            entry(ERROR_SUCCESS, ErrorKind.OTHER), entry(ERROR_INVALID_FUNCTION, ErrorKind.OTHER),
            entry(ERROR_FILE_NOT_FOUND, ErrorKind.NOT_FOUND), entry(ERROR_PATH_NOT_FOUND, ErrorKind.NOT_FOUND),
            entry(ERROR_TOO_MANY_OPEN_FILES, ErrorKind.LIMIT), entry(ERROR_ACCESS_DENIED, ErrorKind.ACCESS_DENIED),
            entry(ERROR_INVALID_HANDLE, ErrorKind.OTHER), entry(ERROR_NOT_ENOUGH_MEMORY, ErrorKind.LIMIT),
            entry(ERROR_OUTOFMEMORY, ErrorKind.LIMIT), entry(ERROR_NO_MORE_FILES, ErrorKind.OTHER),
            entry(ERROR_SHARING_VIOLATION, ErrorKind.ACCESS_DENIED), entry(ERROR_HANDLE_EOF, ErrorKind.OTHER),
            entry(ERROR_NOT_SUPPORTED, ErrorKind.OTHER), entry(ERROR_FILE_EXISTS, ErrorKind.EXISTS),
            entry(ERROR_INVALID_PARAMETER, ErrorKind.OTHER), entry(ERROR_DISK_FULL, ErrorKind.LIMIT),
            entry(ERROR_CALL_NOT_IMPLEMENTED, ErrorKind.OTHER), entry(ERROR_SEM_TIMEOUT, ErrorKind.OTHER),
            entry(ERROR_INSUFFICIENT_BUFFER, ErrorKind.LIMIT), entry(ERROR_INVALID_NAME, ErrorKind.OTHER),
            entry(ERROR_BAD_PATHNAME, ErrorKind.OTHER), entry(ERROR_ALREADY_EXISTS, ErrorKind.EXISTS),
            entry(ERROR_FILENAME_EXCED_RANGE, ErrorKind.LIMIT), entry(ERROR_NO_MORE_ITEMS, ErrorKind.OTHER),
            entry(ERROR_NOT_OWNER, ErrorKind.OTHER), entry(ERROR_TOO_MANY_POSTS, ErrorKind.LIMIT),
            entry(ERROR_INVALID_ADDRESS, ErrorKind.OTHER),
            // pipes: no server is "not found", a vanished or closing peer is its own kind, a full pipe is busy
            entry(ERROR_BAD_PIPE, ErrorKind.OTHER), entry(ERROR_PIPE_BUSY, ErrorKind.OTHER),
            entry(ERROR_BROKEN_PIPE, ErrorKind.PEER_CLOSED), entry(ERROR_NO_DATA, ErrorKind.PEER_CLOSED),
            entry(ERROR_PIPE_NOT_CONNECTED, ErrorKind.PEER_CLOSED), entry(ERROR_MORE_DATA, ErrorKind.LIMIT),
            entry(ERROR_PIPE_CONNECTED, ErrorKind.OTHER), entry(ERROR_PIPE_LISTENING, ErrorKind.OTHER),
            entry(ERROR_OPERATION_ABORTED, ErrorKind.OTHER), entry(ERROR_IO_INCOMPLETE, ErrorKind.OTHER),
            entry(ERROR_IO_PENDING, ErrorKind.OTHER), entry(ERROR_NOACCESS, ErrorKind.OTHER),
            entry(ERROR_NOT_FOUND, ErrorKind.NOT_FOUND), entry(ERROR_PRIVILEGE_NOT_HELD, ErrorKind.ACCESS_DENIED),
            entry(ERROR_NONE_MAPPED, ErrorKind.NOT_FOUND), entry(ERROR_INVALID_SID, ErrorKind.OTHER),
            entry(ERROR_NO_SYSTEM_RESOURCES, ErrorKind.LIMIT), entry(ERROR_COMMITMENT_LIMIT, ErrorKind.LIMIT),
            entry(ERROR_TIMEOUT, ErrorKind.OTHER), entry(ERROR_NOT_ENOUGH_QUOTA, ErrorKind.LIMIT),
            entry(ERROR_FILE_INVALID, ErrorKind.OTHER), entry(ERROR_BAD_EXE_FORMAT, ErrorKind.OTHER),
            entry(ERROR_INVALID_OWNER, ErrorKind.ACCESS_DENIED)));

    /** A code's value: the same on every OS that reads it (Windows x64's), so pure logic is tested anywhere. */
    public static int code(CConstant error) {
        return (int) error.value(Target.WINDOWS_X64);
    }

    /** The symbolic name of a code ({@code ERROR_PIPE_BUSY}), or {@code "?"}. Works on any OS. */
    public static String symbol(int code) {
        return TABLE.symbol(code);
    }

    /** What the code means to the portable error model. Works on any OS. */
    public static ErrorKind kind(int code) {
        return TABLE.kind(code);
    }

    /** The OS error for a code: its symbolic name and the system's text (FormatMessageW; Windows only). */
    public static OsError osError(int code) {
        return TABLE.osError(code, Kernel32::messageText);
    }

    /** The typed exception for a failed call (Windows only: it reads the system's text). */
    public static IpcException exception(String operation, String objectName, int code, String detail) {
        return TABLE.exception(operation, objectName, code, Kernel32::messageText, detail);
    }

    public static IpcException exception(String operation, String objectName, int code) {
        return exception(operation, objectName, code, null);
    }
}
