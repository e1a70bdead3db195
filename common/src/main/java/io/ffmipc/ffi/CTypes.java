package io.ffmipc.ffi;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.ValueLayout;
import java.util.Map;
import java.util.Set;

/**
 * The Java layout of a C type name on a target, as the C prototypes in bindings spell them. A
 * type the table does not know is an error at declaration time, so a typo cannot become a wrong
 * descriptor.
 */
public final class CTypes {
    private CTypes() {
    }

    private static final Set<String> BYTE = Set.of("char", "signed char", "unsigned char", "int8_t", "uint8_t",
            "BYTE", "BOOLEAN");
    private static final Set<String> SHORT = Set.of("short", "unsigned short", "int16_t", "uint16_t", "WORD",
            "WCHAR");
    private static final Set<String> INT = Set.of("int", "unsigned int", "unsigned", "int32_t", "uint32_t",
            "key_t", "pid_t", "uid_t", "gid_t", "clockid_t", "mqd_t", "socklen_t", "id_t", "idtype_t",
            "BOOL", "DWORD", "UINT", "LONG", "ULONG", "INT", "SECURITY_INFORMATION",
            // Windows enums the bindings pass by value (C enums are int-sized)
            "TOKEN_INFORMATION_CLASS", "SE_OBJECT_TYPE",
            "kern_return_t", "mach_port_t", "mach_port_name_t", "natural_t", "integer_t",
            "mach_msg_return_t", "mach_msg_option_t", "mach_msg_size_t", "mach_msg_timeout_t",
            "mach_port_right_t", "mach_port_delta_t", "mach_port_flavor_t", "mach_msg_type_number_t",
            "mach_msg_type_name_t", "ipc_space_t", "ipc_space_read_t", "task_t", "vm_map_t", "mach_error_t",
            "os_sync_wait_on_address_flags_t", "os_sync_wake_by_address_flags_t", "os_clockid_t");
    private static final Set<String> LONG = Set.of("long long", "unsigned long long", "int64_t", "uint64_t",
            "size_t", "ssize_t", "off_t", "time_t", "eventfd_t", "SIZE_T", "ULONG_PTR", "LONG_PTR",
            "ULONGLONG", "LONGLONG", "DWORD_PTR", "mach_port_context_t", "mach_vm_address_t", "mach_vm_size_t");
    /** Windows spells pointers as typedefs; these are pointer-sized everywhere. */
    private static final Set<String> POINTER = Set.of("HANDLE", "HMODULE", "LPVOID", "LPCVOID", "PVOID",
            "LPCWSTR", "LPWSTR", "LPCSTR", "LPSTR", "LPDWORD", "PDWORD", "LPSECURITY_ATTRIBUTES", "LPOVERLAPPED",
            "PSECURITY_DESCRIPTOR", "PSID", "PACL", "PHANDLE", "LPHANDLE", "LPBOOL",
            "LPSTARTUPINFOW", "LPPROCESS_INFORMATION", "PULONG", "mach_port_info_t", "HLOCAL", "LPLONG", "PBOOL",
            "LPFILETIME", "PLARGE_INTEGER", "PMEMORY_BASIC_INFORMATION", "LPWIN32_FIND_DATAW", "PSIZE_T",
            "LPPROC_THREAD_ATTRIBUTE_LIST", "PSID_NAME_USE", "PLUID", "PPRIVILEGE_SET", "LPBY_HANDLE_FILE_INFORMATION");
    /**
     * glibc declares the socket-address parameters of bind, connect and accept as GCC transparent
     * unions of pointers when _GNU_SOURCE is defined; the ABI passes such a union as its first
     * member, a pointer. Maps each union type to that member's name, so the ABI check can assert it.
     */
    private static final Map<String, String> TRANSPARENT_POINTER_UNIONS = Map.of(
            "__SOCKADDR_ARG", "__sockaddr__", "__CONST_SOCKADDR_ARG", "__sockaddr__");
    /**
     * What a C library without glibc's transparent unions (musl) declares in their place: the plain
     * pointer POSIX gives, so the same prototype is checked against its headers.
     */
    private static final Map<String, String> TRANSPARENT_UNION_PLAIN_TYPES = Map.of(
            "__SOCKADDR_ARG", "struct sockaddr *", "__CONST_SOCKADDR_ARG", "const struct sockaddr *");

    /** The layout of {@code type} on {@code target}; {@code null} for {@code void}. */
    public static MemoryLayout layout(String type, Target target) {
        String t = normalize(type);
        if (t.equals("void")) {
            return null;
        }
        if (t.endsWith("*") || POINTER.contains(t) || TRANSPARENT_POINTER_UNIONS.containsKey(t)) {
            return ValueLayout.ADDRESS;
        }
        if (t.equals("long") || t.equals("unsigned long")) {
            return target.isWindows() ? ValueLayout.JAVA_INT : ValueLayout.JAVA_LONG;
        }
        if (t.equals("mode_t")) {
            return target.isMacos() ? ValueLayout.JAVA_SHORT : ValueLayout.JAVA_INT;
        }
        if (BYTE.contains(t)) {
            return ValueLayout.JAVA_BYTE;
        }
        if (SHORT.contains(t)) {
            return ValueLayout.JAVA_SHORT;
        }
        if (INT.contains(t)) {
            return ValueLayout.JAVA_INT;
        }
        if (LONG.contains(t)) {
            return ValueLayout.JAVA_LONG;
        }
        if (t.equals("double")) {
            return ValueLayout.JAVA_DOUBLE;
        }
        throw new IllegalArgumentException("unknown C type '" + type + "': add it to CTypes");
    }

    /** Whether the type is a pointer (for the descriptor-versus-prototype check). */
    public static boolean isPointer(String type) {
        String t = normalize(type);
        return t.endsWith("*") || POINTER.contains(t) || TRANSPARENT_POINTER_UNIONS.containsKey(t);
    }

    /**
     * For a transparent union of pointers (see {@link #TRANSPARENT_POINTER_UNIONS}), the member the
     * ABI passes it as; {@code null} for any other type.
     */
    public static String transparentUnionMember(String type) {
        return TRANSPARENT_POINTER_UNIONS.get(normalize(type));
    }

    /** The plain pointer type a transparent union stands for (see {@link #transparentUnionMember}), or {@code null}. */
    public static String transparentUnionPlainType(String type) {
        return TRANSPARENT_UNION_PLAIN_TYPES.get(normalize(type));
    }

    /** Drops qualifiers and folds white space: {@code "const char *"} → {@code "char *"}. */
    public static String normalize(String type) {
        String t = type.replace("const ", "").replace("volatile ", "").replace("restrict", "")
                .replace("struct ", "struct_").replace("union ", "union_").trim();
        t = t.replaceAll("\\s*\\*\\s*", "*").replaceAll("\\s+", " ");
        if (t.endsWith("*")) {
            return t.substring(0, t.indexOf('*')).trim() + " " + t.substring(t.indexOf('*'));
        }
        return t;
    }
}
