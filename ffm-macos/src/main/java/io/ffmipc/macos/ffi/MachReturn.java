package io.ffmipc.macos.ffi;

import io.ffmipc.spi.ErrorKind;
import io.ffmipc.ffi.CConstant;

import java.util.Map;

/**
 * The codes Mach calls return instead of setting errno: {@code kern_return_t} (every {@code KERN_*}
 * of {@code mach/kern_return.h}), the {@code mach_msg_return_t} codes of {@code mach/message.h}
 * ({@code MACH_SEND_*}, {@code MACH_RCV_*}, 0x1000xxxx) and the bootstrap server's
 * ({@code BOOTSTRAP_*}, 11xx), with their names and what each means to the portable error model.
 * Declarations only: the text comes from {@code mach_error_string} ({@link Mach#MACH_ERROR_STRING}).
 */
public final class MachReturn {
    private MachReturn() {
    }

    // ---------------------------------------------------------------- kern_return_t (mach/kern_return.h)

    public static final CConstant KERN_SUCCESS = CConstant.of("KERN_SUCCESS", 0);
    public static final CConstant KERN_INVALID_ADDRESS = CConstant.of("KERN_INVALID_ADDRESS", 1);
    public static final CConstant KERN_PROTECTION_FAILURE = CConstant.of("KERN_PROTECTION_FAILURE", 2);
    public static final CConstant KERN_NO_SPACE = CConstant.of("KERN_NO_SPACE", 3);
    public static final CConstant KERN_INVALID_ARGUMENT = CConstant.of("KERN_INVALID_ARGUMENT", 4);
    public static final CConstant KERN_FAILURE = CConstant.of("KERN_FAILURE", 5);
    public static final CConstant KERN_RESOURCE_SHORTAGE = CConstant.of("KERN_RESOURCE_SHORTAGE", 6);
    public static final CConstant KERN_NOT_RECEIVER = CConstant.of("KERN_NOT_RECEIVER", 7);
    public static final CConstant KERN_NO_ACCESS = CConstant.of("KERN_NO_ACCESS", 8);
    public static final CConstant KERN_MEMORY_FAILURE = CConstant.of("KERN_MEMORY_FAILURE", 9);
    public static final CConstant KERN_MEMORY_ERROR = CConstant.of("KERN_MEMORY_ERROR", 10);
    public static final CConstant KERN_ALREADY_IN_SET = CConstant.of("KERN_ALREADY_IN_SET", 11);
    public static final CConstant KERN_NOT_IN_SET = CConstant.of("KERN_NOT_IN_SET", 12);
    public static final CConstant KERN_NAME_EXISTS = CConstant.of("KERN_NAME_EXISTS", 13);
    public static final CConstant KERN_ABORTED = CConstant.of("KERN_ABORTED", 14);
    public static final CConstant KERN_INVALID_NAME = CConstant.of("KERN_INVALID_NAME", 15);
    public static final CConstant KERN_INVALID_TASK = CConstant.of("KERN_INVALID_TASK", 16);
    public static final CConstant KERN_INVALID_RIGHT = CConstant.of("KERN_INVALID_RIGHT", 17);
    public static final CConstant KERN_INVALID_VALUE = CConstant.of("KERN_INVALID_VALUE", 18);
    public static final CConstant KERN_UREFS_OVERFLOW = CConstant.of("KERN_UREFS_OVERFLOW", 19);
    public static final CConstant KERN_INVALID_CAPABILITY = CConstant.of("KERN_INVALID_CAPABILITY", 20);
    public static final CConstant KERN_RIGHT_EXISTS = CConstant.of("KERN_RIGHT_EXISTS", 21);
    public static final CConstant KERN_INVALID_HOST = CConstant.of("KERN_INVALID_HOST", 22);
    public static final CConstant KERN_MEMORY_PRESENT = CConstant.of("KERN_MEMORY_PRESENT", 23);
    public static final CConstant KERN_MEMORY_DATA_MOVED = CConstant.of("KERN_MEMORY_DATA_MOVED", 24);
    public static final CConstant KERN_MEMORY_RESTART_COPY = CConstant.of("KERN_MEMORY_RESTART_COPY", 25);
    public static final CConstant KERN_INVALID_PROCESSOR_SET = CConstant.of("KERN_INVALID_PROCESSOR_SET", 26);
    public static final CConstant KERN_POLICY_LIMIT = CConstant.of("KERN_POLICY_LIMIT", 27);
    public static final CConstant KERN_INVALID_POLICY = CConstant.of("KERN_INVALID_POLICY", 28);
    public static final CConstant KERN_INVALID_OBJECT = CConstant.of("KERN_INVALID_OBJECT", 29);
    public static final CConstant KERN_ALREADY_WAITING = CConstant.of("KERN_ALREADY_WAITING", 30);
    public static final CConstant KERN_DEFAULT_SET = CConstant.of("KERN_DEFAULT_SET", 31);
    public static final CConstant KERN_EXCEPTION_PROTECTED = CConstant.of("KERN_EXCEPTION_PROTECTED", 32);
    public static final CConstant KERN_INVALID_LEDGER = CConstant.of("KERN_INVALID_LEDGER", 33);
    public static final CConstant KERN_INVALID_MEMORY_CONTROL = CConstant.of("KERN_INVALID_MEMORY_CONTROL", 34);
    public static final CConstant KERN_INVALID_SECURITY = CConstant.of("KERN_INVALID_SECURITY", 35);
    public static final CConstant KERN_NOT_DEPRESSED = CConstant.of("KERN_NOT_DEPRESSED", 36);
    public static final CConstant KERN_TERMINATED = CConstant.of("KERN_TERMINATED", 37);
    public static final CConstant KERN_LOCK_SET_DESTROYED = CConstant.of("KERN_LOCK_SET_DESTROYED", 38);
    public static final CConstant KERN_LOCK_UNSTABLE = CConstant.of("KERN_LOCK_UNSTABLE", 39);
    public static final CConstant KERN_LOCK_OWNED = CConstant.of("KERN_LOCK_OWNED", 40);
    public static final CConstant KERN_LOCK_OWNED_SELF = CConstant.of("KERN_LOCK_OWNED_SELF", 41);
    public static final CConstant KERN_SEMAPHORE_DESTROYED = CConstant.of("KERN_SEMAPHORE_DESTROYED", 42);
    public static final CConstant KERN_RPC_SERVER_TERMINATED = CConstant.of("KERN_RPC_SERVER_TERMINATED", 43);
    public static final CConstant KERN_RPC_TERMINATE_ORPHAN = CConstant.of("KERN_RPC_TERMINATE_ORPHAN", 44);
    public static final CConstant KERN_RPC_CONTINUE_ORPHAN = CConstant.of("KERN_RPC_CONTINUE_ORPHAN", 45);
    public static final CConstant KERN_NOT_SUPPORTED = CConstant.of("KERN_NOT_SUPPORTED", 46);
    public static final CConstant KERN_NODE_DOWN = CConstant.of("KERN_NODE_DOWN", 47);
    public static final CConstant KERN_NOT_WAITING = CConstant.of("KERN_NOT_WAITING", 48);
    public static final CConstant KERN_OPERATION_TIMED_OUT = CConstant.of("KERN_OPERATION_TIMED_OUT", 49);
    public static final CConstant KERN_CODESIGN_ERROR = CConstant.of("KERN_CODESIGN_ERROR", 50);
    public static final CConstant KERN_POLICY_STATIC = CConstant.of("KERN_POLICY_STATIC", 51);
    public static final CConstant KERN_INSUFFICIENT_BUFFER_SIZE = CConstant.of("KERN_INSUFFICIENT_BUFFER_SIZE", 52);
    public static final CConstant KERN_DENIED = CConstant.of("KERN_DENIED", 53);
    public static final CConstant KERN_MISSING_KC = CConstant.of("KERN_MISSING_KC", 54);
    public static final CConstant KERN_INVALID_KC = CConstant.of("KERN_INVALID_KC", 55);
    public static final CConstant KERN_NOT_FOUND = CConstant.of("KERN_NOT_FOUND", 56);

    // ---------------------------------------------------------------- mach_msg_return_t (mach/message.h)

    public static final CConstant MACH_SEND_IN_PROGRESS = CConstant.of("MACH_SEND_IN_PROGRESS", 0x10000001);
    public static final CConstant MACH_SEND_INVALID_DATA = CConstant.of("MACH_SEND_INVALID_DATA", 0x10000002);
    public static final CConstant MACH_SEND_INVALID_DEST = CConstant.of("MACH_SEND_INVALID_DEST", 0x10000003);
    public static final CConstant MACH_SEND_TIMED_OUT = CConstant.of("MACH_SEND_TIMED_OUT", 0x10000004);
    public static final CConstant MACH_SEND_INVALID_VOUCHER = CConstant.of("MACH_SEND_INVALID_VOUCHER", 0x10000005);
    public static final CConstant MACH_SEND_INTERRUPTED = CConstant.of("MACH_SEND_INTERRUPTED", 0x10000007);
    public static final CConstant MACH_SEND_MSG_TOO_SMALL = CConstant.of("MACH_SEND_MSG_TOO_SMALL", 0x10000008);
    public static final CConstant MACH_SEND_INVALID_REPLY = CConstant.of("MACH_SEND_INVALID_REPLY", 0x10000009);
    public static final CConstant MACH_SEND_INVALID_RIGHT = CConstant.of("MACH_SEND_INVALID_RIGHT", 0x1000000a);
    public static final CConstant MACH_SEND_INVALID_NOTIFY = CConstant.of("MACH_SEND_INVALID_NOTIFY", 0x1000000b);
    public static final CConstant MACH_SEND_INVALID_MEMORY = CConstant.of("MACH_SEND_INVALID_MEMORY", 0x1000000c);
    public static final CConstant MACH_SEND_NO_BUFFER = CConstant.of("MACH_SEND_NO_BUFFER", 0x1000000d);
    public static final CConstant MACH_SEND_TOO_LARGE = CConstant.of("MACH_SEND_TOO_LARGE", 0x1000000e);
    public static final CConstant MACH_SEND_INVALID_TYPE = CConstant.of("MACH_SEND_INVALID_TYPE", 0x1000000f);
    public static final CConstant MACH_SEND_INVALID_HEADER = CConstant.of("MACH_SEND_INVALID_HEADER", 0x10000010);
    public static final CConstant MACH_SEND_INVALID_TRAILER = CConstant.of("MACH_SEND_INVALID_TRAILER", 0x10000011);
    public static final CConstant MACH_SEND_INVALID_CONTEXT = CConstant.of("MACH_SEND_INVALID_CONTEXT", 0x10000012);
    public static final CConstant MACH_SEND_INVALID_OPTIONS = CConstant.of("MACH_SEND_INVALID_OPTIONS", 0x10000013);
    public static final CConstant MACH_SEND_INVALID_RT_OOL_SIZE = CConstant.of("MACH_SEND_INVALID_RT_OOL_SIZE", 0x10000015);
    public static final CConstant MACH_SEND_NO_GRANT_DEST = CConstant.of("MACH_SEND_NO_GRANT_DEST", 0x10000016);
    public static final CConstant MACH_SEND_MSG_FILTERED = CConstant.of("MACH_SEND_MSG_FILTERED", 0x10000017);
    public static final CConstant MACH_SEND_AUX_TOO_SMALL = CConstant.of("MACH_SEND_AUX_TOO_SMALL", 0x10000018);
    public static final CConstant MACH_SEND_AUX_TOO_LARGE = CConstant.of("MACH_SEND_AUX_TOO_LARGE", 0x10000019);
    public static final CConstant MACH_RCV_IN_PROGRESS = CConstant.of("MACH_RCV_IN_PROGRESS", 0x10004001);
    public static final CConstant MACH_RCV_INVALID_NAME = CConstant.of("MACH_RCV_INVALID_NAME", 0x10004002);
    public static final CConstant MACH_RCV_TIMED_OUT = CConstant.of("MACH_RCV_TIMED_OUT", 0x10004003);
    public static final CConstant MACH_RCV_TOO_LARGE = CConstant.of("MACH_RCV_TOO_LARGE", 0x10004004);
    public static final CConstant MACH_RCV_INTERRUPTED = CConstant.of("MACH_RCV_INTERRUPTED", 0x10004005);
    public static final CConstant MACH_RCV_PORT_CHANGED = CConstant.of("MACH_RCV_PORT_CHANGED", 0x10004006);
    public static final CConstant MACH_RCV_INVALID_NOTIFY = CConstant.of("MACH_RCV_INVALID_NOTIFY", 0x10004007);
    public static final CConstant MACH_RCV_INVALID_DATA = CConstant.of("MACH_RCV_INVALID_DATA", 0x10004008);
    public static final CConstant MACH_RCV_PORT_DIED = CConstant.of("MACH_RCV_PORT_DIED", 0x10004009);
    public static final CConstant MACH_RCV_IN_SET = CConstant.of("MACH_RCV_IN_SET", 0x1000400a);
    public static final CConstant MACH_RCV_HEADER_ERROR = CConstant.of("MACH_RCV_HEADER_ERROR", 0x1000400b);
    public static final CConstant MACH_RCV_BODY_ERROR = CConstant.of("MACH_RCV_BODY_ERROR", 0x1000400c);
    public static final CConstant MACH_RCV_INVALID_TYPE = CConstant.of("MACH_RCV_INVALID_TYPE", 0x1000400d);
    public static final CConstant MACH_RCV_SCATTER_SMALL = CConstant.of("MACH_RCV_SCATTER_SMALL", 0x1000400e);
    public static final CConstant MACH_RCV_INVALID_TRAILER = CConstant.of("MACH_RCV_INVALID_TRAILER", 0x1000400f);
    public static final CConstant MACH_RCV_IN_PROGRESS_TIMED = CConstant.of("MACH_RCV_IN_PROGRESS_TIMED", 0x10004011);
    public static final CConstant MACH_RCV_INVALID_REPLY = CConstant.of("MACH_RCV_INVALID_REPLY", 0x10004012);
    public static final CConstant MACH_RCV_INVALID_ARGUMENTS = CConstant.of("MACH_RCV_INVALID_ARGUMENTS", 0x10004013);

    // ---------------------------------------------------------------- bootstrap server (servers/bootstrap.h)

    public static final CConstant BOOTSTRAP_SUCCESS = CConstant.of("BOOTSTRAP_SUCCESS", 0);
    public static final CConstant BOOTSTRAP_NOT_PRIVILEGED = CConstant.of("BOOTSTRAP_NOT_PRIVILEGED", 1100);
    public static final CConstant BOOTSTRAP_NAME_IN_USE = CConstant.of("BOOTSTRAP_NAME_IN_USE", 1101);
    public static final CConstant BOOTSTRAP_UNKNOWN_SERVICE = CConstant.of("BOOTSTRAP_UNKNOWN_SERVICE", 1102);
    public static final CConstant BOOTSTRAP_SERVICE_ACTIVE = CConstant.of("BOOTSTRAP_SERVICE_ACTIVE", 1103);
    public static final CConstant BOOTSTRAP_BAD_COUNT = CConstant.of("BOOTSTRAP_BAD_COUNT", 1104);
    public static final CConstant BOOTSTRAP_NO_MEMORY = CConstant.of("BOOTSTRAP_NO_MEMORY", 1105);
    public static final CConstant BOOTSTRAP_NO_CHILDREN = CConstant.of("BOOTSTRAP_NO_CHILDREN", 1106);

    /**
     * What a code means to the portable error model; every code not listed is
     * {@link ErrorKind#OTHER}. Timeouts (MACH_SEND_TIMED_OUT, MACH_RCV_TIMED_OUT) are results, not
     * errors, and are not listed either.
     */
    private static final Map<CConstant, ErrorKind> KINDS = Map.ofEntries(
            Map.entry(KERN_INVALID_NAME, ErrorKind.NOT_FOUND),
            Map.entry(KERN_NOT_FOUND, ErrorKind.NOT_FOUND),
            Map.entry(KERN_NAME_EXISTS, ErrorKind.EXISTS),
            Map.entry(KERN_RIGHT_EXISTS, ErrorKind.EXISTS),
            Map.entry(KERN_NO_ACCESS, ErrorKind.ACCESS_DENIED),
            Map.entry(KERN_PROTECTION_FAILURE, ErrorKind.ACCESS_DENIED),
            Map.entry(KERN_DENIED, ErrorKind.ACCESS_DENIED),
            Map.entry(KERN_NO_SPACE, ErrorKind.LIMIT),
            Map.entry(KERN_RESOURCE_SHORTAGE, ErrorKind.LIMIT),
            Map.entry(KERN_UREFS_OVERFLOW, ErrorKind.LIMIT),
            Map.entry(KERN_TERMINATED, ErrorKind.PEER_CLOSED),
            // the receive right behind a send right is gone: the receiver died or closed
            Map.entry(MACH_SEND_INVALID_DEST, ErrorKind.PEER_CLOSED),
            Map.entry(MACH_RCV_PORT_DIED, ErrorKind.PEER_CLOSED),
            Map.entry(MACH_RCV_INVALID_NAME, ErrorKind.NOT_FOUND),
            Map.entry(MACH_SEND_NO_BUFFER, ErrorKind.LIMIT),
            Map.entry(MACH_SEND_TOO_LARGE, ErrorKind.LIMIT),
            Map.entry(MACH_RCV_TOO_LARGE, ErrorKind.LIMIT),
            Map.entry(BOOTSTRAP_UNKNOWN_SERVICE, ErrorKind.NOT_FOUND),
            Map.entry(BOOTSTRAP_NAME_IN_USE, ErrorKind.EXISTS),
            Map.entry(BOOTSTRAP_SERVICE_ACTIVE, ErrorKind.EXISTS),
            Map.entry(BOOTSTRAP_NOT_PRIVILEGED, ErrorKind.ACCESS_DENIED),
            Map.entry(BOOTSTRAP_NO_MEMORY, ErrorKind.LIMIT));

    /** Names and kinds by value; 0 is named KERN_SUCCESS (MACH_MSG_SUCCESS and BOOTSTRAP_SUCCESS are 0 too). */
    public static final CodeTable CODES = CodeTable.of(MachReturn.class, KINDS);
}
