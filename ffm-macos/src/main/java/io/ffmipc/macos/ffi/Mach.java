package io.ffmipc.macos.ffi;

import io.ffmipc.ffi.CConstant;
import io.ffmipc.ffi.CFunction;
import io.ffmipc.ffi.CStruct;
import io.ffmipc.ffi.Target;

import java.lang.foreign.MemoryLayout;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The Mach side of libSystem (libsystem_kernel's Mach traps and MIG stubs) and the bootstrap
 * server's client calls: ports and rights, {@code mach_msg} with its headers, descriptors and
 * trailers, and the two globals a task starts with ({@code mach_task_self_}, {@code bootstrap_port}).
 * Mach calls return a {@code kern_return_t} and never touch errno; the codes are in {@link MachReturn}.
 *
 * <p>Declarations only (see {@link LibSystem}). Message structures are packed to 4 bytes
 * ({@code #pragma pack(4)} in {@code mach/message.h}): descriptors start at offset 28, right after
 * the header and the body count, so the 8-byte address of an out-of-line descriptor is only
 * 4-aligned and its layout says so ({@code withByteAlignment(4)}); an FFM layout with natural
 * alignment would be refused there, or pad the descriptor to the wrong size.
 */
public final class Mach {
    private Mach() {
    }

    // ---------------------------------------------------------------- globals (read as data symbols)

    /** {@code mach_task_self()} is a macro reading this 4-byte global: look the symbol up and read an int. */
    public static final CConstant SIZEOF_MACH_TASK_SELF = CConstant.of("sizeof(mach_task_self_)", 4);
    public static final CConstant MACH_TASK_SELF_IS_A_PORT = CConstant.of(
            "__builtin_types_compatible_p(__typeof__(mach_task_self_), mach_port_t)", 1);
    /** The task's send right to the bootstrap server, a 4-byte global set up by libSystem. */
    public static final CConstant SIZEOF_BOOTSTRAP_PORT = CConstant.of("sizeof(bootstrap_port)", 4);
    public static final CConstant BOOTSTRAP_PORT_IS_A_PORT = CConstant.of(
            "__builtin_types_compatible_p(__typeof__(bootstrap_port), mach_port_t)", 1);

    // ---------------------------------------------------------------- ports and rights

    public static final CConstant MACH_PORT_NULL = CConstant.of("MACH_PORT_NULL", 0);
    public static final CConstant MACH_PORT_DEAD = CConstant.of("MACH_PORT_DEAD", 0xFFFFFFFFL);
    public static final CConstant MACH_PORT_RIGHT_SEND = CConstant.of("MACH_PORT_RIGHT_SEND", 0);
    public static final CConstant MACH_PORT_RIGHT_RECEIVE = CConstant.of("MACH_PORT_RIGHT_RECEIVE", 1);
    public static final CConstant MACH_PORT_RIGHT_SEND_ONCE = CConstant.of("MACH_PORT_RIGHT_SEND_ONCE", 2);
    public static final CConstant MACH_PORT_RIGHT_PORT_SET = CConstant.of("MACH_PORT_RIGHT_PORT_SET", 3);
    public static final CConstant MACH_PORT_RIGHT_DEAD_NAME = CConstant.of("MACH_PORT_RIGHT_DEAD_NAME", 4);
    /** The type bits {@code mach_port_names} reports per name: {@code 1 << (right + 16)}. */
    public static final CConstant MACH_PORT_TYPE_SEND = CConstant.of("MACH_PORT_TYPE_SEND", 0x10000);
    public static final CConstant MACH_PORT_TYPE_RECEIVE = CConstant.of("MACH_PORT_TYPE_RECEIVE", 0x20000);
    public static final CConstant MACH_PORT_TYPE_SEND_ONCE = CConstant.of("MACH_PORT_TYPE_SEND_ONCE", 0x40000);
    public static final CConstant MACH_PORT_TYPE_PORT_SET = CConstant.of("MACH_PORT_TYPE_PORT_SET", 0x80000);
    public static final CConstant MACH_PORT_TYPE_DEAD_NAME = CConstant.of("MACH_PORT_TYPE_DEAD_NAME", 0x100000);

    /** Dispositions: what a message does with the right it names. */
    public static final CConstant MACH_MSG_TYPE_MOVE_RECEIVE = CConstant.of("MACH_MSG_TYPE_MOVE_RECEIVE", 16);
    public static final CConstant MACH_MSG_TYPE_MOVE_SEND = CConstant.of("MACH_MSG_TYPE_MOVE_SEND", 17);
    public static final CConstant MACH_MSG_TYPE_MOVE_SEND_ONCE = CConstant.of("MACH_MSG_TYPE_MOVE_SEND_ONCE", 18);
    public static final CConstant MACH_MSG_TYPE_COPY_SEND = CConstant.of("MACH_MSG_TYPE_COPY_SEND", 19);
    public static final CConstant MACH_MSG_TYPE_MAKE_SEND = CConstant.of("MACH_MSG_TYPE_MAKE_SEND", 20);
    public static final CConstant MACH_MSG_TYPE_MAKE_SEND_ONCE = CConstant.of("MACH_MSG_TYPE_MAKE_SEND_ONCE", 21);

    /** The queue-limit attribute ({@link #MACH_PORT_LIMITS}), one natural_t. */
    public static final CConstant MACH_PORT_LIMITS_INFO = CConstant.of("MACH_PORT_LIMITS_INFO", 1);
    public static final CConstant MACH_PORT_LIMITS_INFO_COUNT = CConstant.of("MACH_PORT_LIMITS_INFO_COUNT", 1);
    /** A new receive right queues at most 5 messages; a sender then waits (or times out). */
    public static final CConstant MACH_PORT_QLIMIT_DEFAULT = CConstant.of("MACH_PORT_QLIMIT_DEFAULT", 5);
    /** The largest queue limit a task may set on its own ports. */
    public static final CConstant MACH_PORT_QLIMIT_MAX = CConstant.of("MACH_PORT_QLIMIT_MAX", 1024);

    public static final CStruct MACH_PORT_LIMITS = CStruct.of("mach_port_limits_t", MemoryLayout.structLayout(
            JAVA_INT.withName("mpl_qlimit")), Target.MACOS_ARM64, Target.MACOS_X86_64);

    // ---------------------------------------------------------------- mach_msg: options, header bits, descriptors

    public static final CConstant MACH_SEND_MSG = CConstant.of("MACH_SEND_MSG", 0x1);
    public static final CConstant MACH_RCV_MSG = CConstant.of("MACH_RCV_MSG", 0x2);
    /** A receive into a too-small buffer leaves the message queued and reports the size needed. */
    public static final CConstant MACH_RCV_LARGE = CConstant.of("MACH_RCV_LARGE", 0x4);
    /** The timeout argument (milliseconds) bounds the send; without it a full queue blocks. */
    public static final CConstant MACH_SEND_TIMEOUT = CConstant.of("MACH_SEND_TIMEOUT", 0x10);
    public static final CConstant MACH_RCV_TIMEOUT = CConstant.of("MACH_RCV_TIMEOUT", 0x100);
    public static final CConstant MACH_MSG_TIMEOUT_NONE = CConstant.of("MACH_MSG_TIMEOUT_NONE", 0);

    /** {@code msgh_bits}: remote disposition in bits 0-4, local in 8-12, voucher in 16-20, then flags. */
    public static final CConstant MACH_MSGH_BITS_REMOTE_MASK = CConstant.of("MACH_MSGH_BITS_REMOTE_MASK", 0x1f);
    public static final CConstant MACH_MSGH_BITS_LOCAL_MASK = CConstant.of("MACH_MSGH_BITS_LOCAL_MASK", 0x1f00);
    public static final CConstant MACH_MSGH_BITS_VOUCHER_MASK = CConstant.of("MACH_MSGH_BITS_VOUCHER_MASK", 0x1f0000);
    /** The message has a body with descriptors (port rights, out-of-line memory). */
    public static final CConstant MACH_MSGH_BITS_COMPLEX = CConstant.of("MACH_MSGH_BITS_COMPLEX", 0x80000000L);

    public static final CConstant MACH_MSG_PORT_DESCRIPTOR = CConstant.of("MACH_MSG_PORT_DESCRIPTOR", 0);
    public static final CConstant MACH_MSG_OOL_DESCRIPTOR = CConstant.of("MACH_MSG_OOL_DESCRIPTOR", 1);
    /** Out-of-line copy strategies: the kernel maps the pages copy-on-write (virtual) or copies them. */
    public static final CConstant MACH_MSG_PHYSICAL_COPY = CConstant.of("MACH_MSG_PHYSICAL_COPY", 0);
    public static final CConstant MACH_MSG_VIRTUAL_COPY = CConstant.of("MACH_MSG_VIRTUAL_COPY", 1);

    /** {@code mach_msg_header_t}: 24 bytes, every field 4 bytes. */
    public static final CStruct MACH_MSG_HEADER = CStruct.of("mach_msg_header_t", MemoryLayout.structLayout(
            JAVA_INT.withName("msgh_bits"),
            JAVA_INT.withName("msgh_size"),
            JAVA_INT.withName("msgh_remote_port"),
            JAVA_INT.withName("msgh_local_port"),
            JAVA_INT.withName("msgh_voucher_port"),
            JAVA_INT.withName("msgh_id")), Target.MACOS_ARM64, Target.MACOS_X86_64);

    /** {@code mach_msg_body_t}: the descriptor count after the header of a complex message (offset 24). */
    public static final CStruct MACH_MSG_BODY = CStruct.of("mach_msg_body_t", MemoryLayout.structLayout(
            JAVA_INT.withName("msgh_descriptor_count")), Target.MACOS_ARM64, Target.MACOS_X86_64);

    /**
     * {@code mach_msg_port_descriptor_t} (12 bytes): the port name, a pad word, then a bit-field
     * word whose bytes 10 and 11 are the disposition and the descriptor type
     * ({@link #PORT_DESCRIPTOR_DISPOSITION}, {@link #PORT_DESCRIPTOR_TYPE}).
     */
    public static final CStruct MACH_MSG_PORT_DESCRIPTOR_T = CStruct.of("mach_msg_port_descriptor_t",
            MemoryLayout.structLayout(
                    JAVA_INT.withName("name"),
                    JAVA_INT.withName("pad1"),
                    MemoryLayout.paddingLayout(4)), // pad2:16, disposition:8, type:8
            Target.MACOS_ARM64, Target.MACOS_X86_64);
    public static final TableFact PORT_DESCRIPTOR_DISPOSITION = TableFact.member(
            "mach_msg_port_descriptor_t.disposition", 10, 1);
    public static final TableFact PORT_DESCRIPTOR_TYPE = TableFact.member("mach_msg_port_descriptor_t.type", 11, 1);

    /**
     * {@code mach_msg_ool_descriptor_t} (16 bytes, aligned to 4): the address first (only 4-aligned
     * in a message), a bit-field word (deallocate, copy, pad, type in bytes 8 to 11), then the size.
     */
    public static final CStruct MACH_MSG_OOL_DESCRIPTOR_T = CStruct.of("mach_msg_ool_descriptor_t",
            MemoryLayout.structLayout(
                    ADDRESS.withByteAlignment(4).withName("address"),
                    MemoryLayout.paddingLayout(4), // deallocate:8, copy:8, pad1:8, type:8
                    JAVA_INT.withName("size")),
            Target.MACOS_ARM64, Target.MACOS_X86_64);
    public static final TableFact OOL_DESCRIPTOR_DEALLOCATE = TableFact.member(
            "mach_msg_ool_descriptor_t.deallocate", 8, 1);
    public static final TableFact OOL_DESCRIPTOR_COPY = TableFact.member("mach_msg_ool_descriptor_t.copy", 9, 1);
    public static final TableFact OOL_DESCRIPTOR_TYPE = TableFact.member("mach_msg_ool_descriptor_t.type", 11, 1);

    // ---------------------------------------------------------------- receive trailers: the sender's identity

    public static final CConstant MACH_MSG_TRAILER_FORMAT_0 = CConstant.of("MACH_MSG_TRAILER_FORMAT_0", 0);
    public static final CConstant MACH_RCV_TRAILER_AUDIT = CConstant.of("MACH_RCV_TRAILER_AUDIT", 3);
    /** The receive option that asks for the audit trailer: type 0, 3 elements. */
    public static final CConstant RCV_TRAILER_AUDIT_OPTION = CConstant.of(
            "MACH_RCV_TRAILER_TYPE(MACH_MSG_TRAILER_FORMAT_0) | MACH_RCV_TRAILER_ELEMENTS(MACH_RCV_TRAILER_AUDIT)",
            0x03000000);
    /** The bytes a receive buffer needs after the message for the audit trailer. */
    public static final CConstant AUDIT_TRAILER_SIZE = CConstant.of(
            "REQUESTED_TRAILER_SIZE(MACH_RCV_TRAILER_TYPE(MACH_MSG_TRAILER_FORMAT_0)"
                    + " | MACH_RCV_TRAILER_ELEMENTS(MACH_RCV_TRAILER_AUDIT))", 52);

    /** {@code mach_msg_trailer_t}: every trailer starts with its type and size. */
    public static final CStruct MACH_MSG_TRAILER = CStruct.of("mach_msg_trailer_t", MemoryLayout.structLayout(
            JAVA_INT.withName("msgh_trailer_type"),
            JAVA_INT.withName("msgh_trailer_size")), Target.MACOS_ARM64, Target.MACOS_X86_64);

    /** {@code mach_msg_audit_trailer_t}: the sender's security token (uid, gid) and audit token. */
    public static final CStruct MACH_MSG_AUDIT_TRAILER = CStruct.of("mach_msg_audit_trailer_t",
            MemoryLayout.structLayout(
                    JAVA_INT.withName("msgh_trailer_type"),
                    JAVA_INT.withName("msgh_trailer_size"),
                    JAVA_INT.withName("msgh_seqno"),
                    MemoryLayout.sequenceLayout(2, JAVA_INT).withName("msgh_sender"),
                    MemoryLayout.sequenceLayout(8, JAVA_INT).withName("msgh_audit")),
            Target.MACOS_ARM64, Target.MACOS_X86_64);

    /** {@code audit_token_t}: eight 32-bit words; which word holds what is the kernel's choice (below). */
    public static final CStruct AUDIT_TOKEN = CStruct.of("audit_token_t", MemoryLayout.structLayout(
            MemoryLayout.sequenceLayout(8, JAVA_INT).withName("val")), Target.MACOS_ARM64, Target.MACOS_X86_64);
    /** Audit token word 1: the sender's effective uid. */
    public static final TableFact AUDIT_TOKEN_EUID = TableFact.member("audit_token_t.val[1] euid", 4, 4);
    /** Audit token word 5: the sender's pid. */
    public static final TableFact AUDIT_TOKEN_PID = TableFact.member("audit_token_t.val[5] pid", 20, 4);
    /** Audit token word 7: the sender's pid version (tells a reused pid apart). */
    public static final TableFact AUDIT_TOKEN_PIDVERSION = TableFact.member("audit_token_t.val[7] pidversion", 28, 4);

    // ---------------------------------------------------------------- bootstrap server

    public static final CConstant BOOTSTRAP_MAX_NAME_LEN = CConstant.of("BOOTSTRAP_MAX_NAME_LEN", 128);

    // ---------------------------------------------------------------- functions

    /** One call sends, receives, or both; timeouts in milliseconds with MACH_SEND_TIMEOUT / MACH_RCV_TIMEOUT. */
    public static final CFunction MACH_MSG = CFunction.noErrno("mach_msg_return_t mach_msg(mach_msg_header_t *msg,"
            + " mach_msg_option_t option, mach_msg_size_t send_size, mach_msg_size_t rcv_size,"
            + " mach_port_name_t rcv_name, mach_msg_timeout_t timeout, mach_port_name_t notify)");
    public static final CFunction MACH_PORT_ALLOCATE = CFunction.noErrno(
            "kern_return_t mach_port_allocate(ipc_space_t task, mach_port_right_t right, mach_port_name_t *name)");
    /** Releases one user reference of a send, send-once or dead-name right (not a receive right). */
    public static final CFunction MACH_PORT_DEALLOCATE = CFunction.noErrno(
            "kern_return_t mach_port_deallocate(ipc_space_t task, mach_port_name_t name)");
    /** Changes a right's user references; a receive right is released with delta -1 here. */
    public static final CFunction MACH_PORT_MOD_REFS = CFunction.noErrno("kern_return_t mach_port_mod_refs("
            + "ipc_space_t task, mach_port_name_t name, mach_port_right_t right, mach_port_delta_t delta)");
    public static final CFunction MACH_PORT_GET_REFS = CFunction.noErrno("kern_return_t mach_port_get_refs("
            + "ipc_space_t task, mach_port_name_t name, mach_port_right_t right, mach_port_urefs_t *refs)");
    /** MIG expands the polymorphic right into two C parameters: the port and its disposition. */
    public static final CFunction MACH_PORT_INSERT_RIGHT = CFunction.noErrno("kern_return_t mach_port_insert_right("
            + "ipc_space_t task, mach_port_name_t name, mach_port_t poly, mach_msg_type_name_t polyPoly)");
    /**
     * Every name in the task with its type bits: two out-of-line arrays the caller must give back
     * with {@link #MACH_VM_DEALLOCATE}. Counting names before and after finds leaked rights.
     */
    public static final CFunction MACH_PORT_NAMES = CFunction.noErrno("kern_return_t mach_port_names("
            + "ipc_space_t task, mach_port_name_array_t *names, mach_msg_type_number_t *namesCnt,"
            + " mach_port_type_array_t *types, mach_msg_type_number_t *typesCnt)");
    public static final CFunction MACH_PORT_SET_ATTRIBUTES = CFunction.noErrno("kern_return_t mach_port_set_attributes("
            + "ipc_space_t task, mach_port_name_t name, mach_port_flavor_t flavor, mach_port_info_t port_info,"
            + " mach_msg_type_number_t port_infoCnt)");
    public static final CFunction MACH_PORT_GET_ATTRIBUTES = CFunction.noErrno("kern_return_t mach_port_get_attributes("
            + "ipc_space_read_t task, mach_port_name_t name, mach_port_flavor_t flavor, mach_port_info_t port_info_out,"
            + " mach_msg_type_number_t *port_info_outCnt)");
    public static final CFunction MACH_VM_DEALLOCATE = CFunction.noErrno(
            "kern_return_t mach_vm_deallocate(vm_map_t target, mach_vm_address_t address, mach_vm_size_t size)");
    /** The text of a kern_return_t, mach_msg_return_t or bootstrap code. */
    public static final CFunction MACH_ERROR_STRING = CFunction.noErrno(
            "char *mach_error_string(mach_error_t error_value)");
    /**
     * Takes the receive right of a service: one declared for this process, or (outside a sandbox) a
     * new dynamic service for an undeclared name. {@code bootstrap_register} is deprecated since 10.5.
     */
    public static final CFunction BOOTSTRAP_CHECK_IN = CFunction.noErrno(
            "kern_return_t bootstrap_check_in(mach_port_t bp, const char *service_name, mach_port_t *sp)");
    /** A send right to the service registered under the name. */
    public static final CFunction BOOTSTRAP_LOOK_UP = CFunction.noErrno(
            "kern_return_t bootstrap_look_up(mach_port_t bp, const char *service_name, mach_port_t *sp)");
}
