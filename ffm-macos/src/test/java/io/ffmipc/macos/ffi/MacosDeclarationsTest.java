package io.ffmipc.macos.ffi;

import io.ffmipc.ffi.CStruct;
import io.ffmipc.ffi.Target;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Everything the POSIX layer asks a binding by name — {@code lib.constant("X")},
 * {@code lib.struct("struct x")}, the struct members it reads — is declared by the macOS binding,
 * read from the layer's sources in common (so a name added there and missing here fails the build
 * on Linux, not at activation on a Mac). The layer's parts macOS does not use are named with why.
 */
class MacosDeclarationsTest {
    private static final Path LAYER = Path.of(System.getProperty("basedir", "."))
            .resolve("../common/src/main/java/io/ffmipc/posix").normalize();
    /** Sources of the layer macOS never constructs, and why. */
    private static final Map<String, String> NOT_ON_MACOS = Map.of(
            "PosixMessageQueueSeam.java", "macOS has no POSIX message queues (no mq_open)",
            "MessageQueueLimits.java", "the limits of POSIX message queues",
            "SeqPacketConnection.java", "macOS Unix sockets have no SOCK_SEQPACKET: its pipes are STREAM-framed");
    /**
     * Names asked only where the OS has them (hasConstant first, or a has() guard). The
     * open-file-description locks of the presence seam are among them: macOS's SDK declares none, so
     * MacosSeams offers no presence seam and liveness is by pid and start time there.
     */
    private static final Set<String> OPTIONAL = Set.of("SOCK_SEQPACKET", "SHM_DEST", "SOCK_CLOEXEC", "SOCK_NONBLOCK",
            "MSG_CMSG_CLOEXEC", "MSG_NOSIGNAL", "__msg_cbytes", "F_OFD_GETLK", "F_OFD_SETLK");
    private static final Pattern CONSTANT = Pattern.compile("lib\\.constant\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern OPTIONAL_CONSTANT = Pattern.compile("optional\\(lib, \"([^\"]+)\"\\)|\"(SOCK_[A-Z]+)\"");
    private static final Pattern STRUCT = Pattern.compile("lib\\.struct\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern MEMBER = Pattern.compile(
            "(?:SysVBinding\\.field|\\bfield|StructField\\.of|PosixStructs\\.(?:get|set|has)|\\.offset)\\([^;\"]*\"([a-z_][a-z0-9_.]*)\"\\)");

    private final MacosDeclarations macos = new MacosDeclarations(Target.MACOS_ARM64);

    private static Map<String, String> sources() throws IOException {
        Map<String, String> out = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.list(LAYER)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (!NOT_ON_MACOS.containsKey(p.getFileName().toString())) {
                    out.put(p.getFileName().toString(), Files.readString(p));
                }
            }
        }
        assertTrue(out.size() > 30, "read the layer at " + LAYER + ": " + out.keySet());
        return out;
    }

    @Test
    void everyConstantTheLayerAsksForIsDeclaredForMacos() throws IOException {
        List<String> missing = new ArrayList<>();
        int asked = 0;
        for (var e : sources().entrySet()) {
            Matcher m = CONSTANT.matcher(e.getValue());
            while (m.find()) {
                asked++;
                if (!macos.hasConstant(m.group(1)) && !OPTIONAL.contains(m.group(1))) {
                    missing.add(e.getKey() + ": " + m.group(1));
                }
                if (macos.hasConstant(m.group(1))) {
                    macos.constant(m.group(1)); // and it fits an int
                }
            }
        }
        assertEquals(List.of(), missing);
        assertTrue(asked > 100, "constants asked for: " + asked);
    }

    @Test
    void theOptionalConstantsAreTheOnesMacosLacksOrNamesOtherwise() throws IOException {
        Set<String> optional = new TreeSet<>();
        for (String src : sources().values()) {
            Matcher m = OPTIONAL_CONSTANT.matcher(src);
            while (m.find()) {
                optional.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        assertTrue(optional.containsAll(Set.of("MSG_NOSIGNAL", "MSG_CMSG_CLOEXEC", "SO_NOSIGPIPE")), optional.toString());
        assertTrue(macos.hasConstant("SO_NOSIGPIPE"), "macOS sends ask for no SIGPIPE per socket");
        for (String absent : List.of("SOCK_CLOEXEC", "SOCK_NONBLOCK", "MSG_CMSG_CLOEXEC", "SOCK_SEQPACKET", "SHM_DEST",
                "F_OFD_GETLK", "F_OFD_SETLK")) {
            assertFalse(macos.hasConstant(absent), absent);
        }
    }

    @Test
    void everyStructAndMemberTheLayerReadsIsDeclaredForMacos() throws IOException {
        Set<String> members = new HashSet<>();
        for (String s : MacosDeclarations.structNames()) {
            collect(macos.struct(s).layout(Target.MACOS_ARM64), "", members);
        }
        List<String> missing = new ArrayList<>();
        int structs = 0;
        int fields = 0;
        for (var e : sources().entrySet()) {
            Matcher m = STRUCT.matcher(e.getValue());
            while (m.find()) {
                structs++;
                try {
                    CStruct s = macos.struct(m.group(1));
                    assertTrue(s.definedFor(Target.MACOS_X86_64), s.cName());
                } catch (IllegalArgumentException none) {
                    missing.add(e.getKey() + ": " + m.group(1));
                }
            }
            Matcher f = MEMBER.matcher(e.getValue());
            while (f.find()) {
                fields++;
                if (!members.contains(f.group(1)) && !OPTIONAL.contains(f.group(1))) {
                    missing.add(e.getKey() + ": member " + f.group(1));
                }
            }
        }
        assertEquals(List.of(), missing);
        assertTrue(structs >= 12 && fields >= 30, structs + " structs, " + fields + " members");
    }

    /** Every member path of a layout: {@code sem_perm}, {@code sem_perm.uid}, .... */
    private static void collect(MemoryLayout layout, String prefix, Set<String> out) {
        if (layout instanceof GroupLayout g) {
            for (MemoryLayout m : g.memberLayouts()) {
                if (m.name().isPresent()) {
                    String path = prefix + m.name().get();
                    out.add(path);
                    collect(m, path + ".", out);
                }
            }
        }
    }

    @Test
    void theOptionalFunctionsAreAbsentAndLookupsNameWhatIsMissing() {
        for (String f : List.of("sem_clockwait", "sem_timedwait", "semtimedop", "accept4", "posix_fallocate",
                "posix_spawn_file_actions_addclosefrom_np", "mq_open")) {
            assertFalse(macos.has(f), f);
        }
        assertTrue(macos.has("sem_open") && macos.has("shm_open") && macos.has("semop"));
        IllegalArgumentException c = assertThrows(IllegalArgumentException.class, () -> macos.constant("MQ_PRIO_MAX"));
        assertTrue(c.getMessage().contains("MQ_PRIO_MAX"), c.getMessage());
        IllegalArgumentException s = assertThrows(IllegalArgumentException.class, () -> macos.struct("struct mq_attr"));
        assertTrue(s.getMessage().contains("struct mq_attr"), s.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MacosDeclarations(Target.LINUX_X86_64));
    }

    @Test
    void valuesAreMacosOnesWhateverOsRuns() {
        assertEquals(0x200, macos.constant("O_CREAT"));
        assertEquals(35, macos.constant("EAGAIN"));
        assertEquals(5, macos.constant("GETVAL"));
        assertEquals(0x80000000, MacosDeclarations.value(Mach.MACH_MSGH_BITS_COMPLEX), "kept as its 32 bits");
        assertEquals(60, MacosDeclarations.value(Errno.ETIMEDOUT));
    }
}
