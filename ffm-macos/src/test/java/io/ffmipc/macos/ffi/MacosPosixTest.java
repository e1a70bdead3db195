package io.ffmipc.macos.ffi;

import io.ffmipc.IpcException;
import io.ffmipc.NoSuchIpcObjectException;
import io.ffmipc.PeerIdentity;
import io.ffmipc.ffi.NativeBinder;
import io.ffmipc.posix.PosixLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The macOS binding's own code, run on any OS over {@link FakeLibSystem} (each libSystem function a
 * real native stub with its declared macOS shape, answered by the test): every wrapper's call shape,
 * the arguments it passes, the structs it reads back and the errno it captures — what only the
 * symbols' real behaviour, on a Mac, adds to.
 */
class MacosPosixTest {
    /** The optional functions the POSIX layer asks about, none of which macOS has. */
    private static final Set<String> ABSENT = Set.of("sem_clockwait", "sem_timedwait", "semtimedop", "accept4",
            "posix_fallocate", "posix_spawn_file_actions_addclosefrom_np", "mq_open", "mq_timedsend",
            "mq_timedreceive", "mq_getattr", "mq_setattr", "mq_close", "mq_unlink");

    private final FakeLibSystem fake = new FakeLibSystem();
    private final MacosPosix lib = new MacosPosix(new MacosLinker(fake, FakeLibSystem.TARGET));

    @AfterEach
    void noAnswerFailed() {
        Throwable t = fake.failure();
        fake.close();
        if (t != null) {
            throw new AssertionError("an answer of the fake failed", t);
        }
    }

    /**
     * Every method of the layer's interface runs through its downcall with the handle's exact types
     * (a wrong {@code invokeExact} cast would throw here); the ones for what macOS lacks refuse,
     * naming macOS, and are exactly those {@code has} denies.
     */
    @Test
    void everyMethodCallsItsFunctionWithTheExactShapeOrRefusesWhatMacosLacks() throws Exception {
        fake.answer("strerror", a -> fake.cString("some error"));
        fake.answer("_NSGetEnviron", a -> fake.allocate(ADDRESS));
        Set<String> refused = new TreeSet<>();
        int called = 0;
        try (Arena arena = Arena.ofConfined()) {
            for (Method m : PosixLibrary.class.getMethods()) {
                if (Modifier.isStatic(m.getModifiers())) {
                    continue;
                }
                Object[] args = new Object[m.getParameterCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = dummy(m.getParameterTypes()[i], arena);
                }
                try {
                    m.invoke(lib, args);
                    called++;
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof UnsupportedOperationException u) {
                        assertTrue(u.getMessage().startsWith("macOS has no "), u.getMessage());
                        refused.add(u.getMessage().substring("macOS has no ".length()).split(" ")[0]);
                    } else if (!(e.getCause() instanceof IpcException || e.getCause() instanceof IllegalArgumentException)) {
                        throw new AssertionError(m + " failed", e.getCause());
                    }
                }
            }
        }
        assertEquals(new TreeSet<>(ABSENT), refused);
        for (String f : ABSENT) {
            assertFalse(lib.has(f), f);
        }
        assertTrue(called > 80, "methods called: " + called);
        assertTrue(lib.has("sem_trywait") && lib.has("posix_spawnp") && lib.has("proc_pidfdinfo"));
    }

    private static Object dummy(Class<?> type, Arena arena) {
        if (type == int.class) {
            return 1;
        } else if (type == long.class) {
            return 1L;
        } else if (type == String.class) {
            return "ffmipc-x";
        } else if (type == MemorySegment.class) {
            return arena.allocate(2048, 8);
        } else if (type == Arena.class) {
            return arena;
        }
        throw new IllegalArgumentException("no dummy for " + type);
    }

    @Test
    void argumentsReachTheFunctionsWithMacosWidths() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = NativeBinder.callState();
            MemorySegment name = a.allocateFrom("/n");
            lib.shmOpen(st, name, 0x202, 0600);
            lib.fchmod(st, 7, 0640);
            lib.mkfifo(st, name, 0600);
            lib.poll(st, name, 2L, 100);
            lib.semop(st, 5, name, 3L);
            lib.msgrcv(st, 9, name, 100L, -4L, 0x800);
            FakeLibSystem.Call open = fake.calls("shm_open").getFirst();
            assertEquals(List.of(name.address(), 0x202, 0600), List.of(((MemorySegment) open.arg(0)).address(),
                    open.arg(1), open.arg(2)), "the mode goes promoted to int through the variadic part");
            assertEquals((short) 0640, fake.calls("fchmod").getFirst().arg(1), "mode_t is 2 bytes");
            assertEquals((short) 0600, fake.calls("mkfifo").getFirst().arg(1));
            assertEquals(2, fake.calls("poll").getFirst().arg(1), "nfds_t is an unsigned int");
            assertEquals(3L, fake.calls("semop").getFirst().arg(2));
            assertEquals(List.of(9, 100L, -4L, 0x800), fake.calls("msgrcv").getFirst().args().subList(0, 5).stream()
                    .filter(x -> !(x instanceof MemorySegment)).toList());
        }
    }

    @Test
    void errorsAreTypedByMacosErrnoWithTheCLibrarysText() {
        fake.answer("strerror", a -> fake.cString(((Integer) a[0]) == 2 ? "No such file or directory" : "?"));
        IpcException e = lib.error("shm_open", "orders", 2, "opening it");
        assertInstanceOf(NoSuchIpcObjectException.class, e);
        assertTrue(e.getMessage().contains("ENOENT") && e.getMessage().contains("No such file or directory")
                && e.getMessage().contains("orders"), e.getMessage());
        assertEquals("EAGAIN", lib.osError(35).symbol(), "35 is EAGAIN on macOS (EDEADLK is 11)");
        assertEquals("ETIMEDOUT", lib.osError(60).symbol());
    }

    @Test
    void semGetvalueFailsWithEnosysAsLibSystemsStubDoes() {
        MemorySegment st = NativeBinder.callState();
        assertEquals(-1, lib.semGetvalue(st, MemorySegment.NULL, MemorySegment.NULL));
        assertEquals(78, lib.errno(st), "ENOSYS is 78 on macOS");
        assertTrue(fake.calls("sem_getvalue").isEmpty(), "the deprecated stub is not called");
    }

    @Test
    void anonymousMemoryIsAnExclusiveRandomNameUnlinkedAtOnceAndANameTakenIsReplaced() {
        List<String> names = new ArrayList<>(); // read during the call: the binding frees them after
        fake.answer("shm_open", a -> {
            names.add(((MemorySegment) a[0]).reinterpret(64).getString(0));
            if (names.size() == 1) {
                FakeLibSystem.setErrno(17); // EEXIST: a name taken by chance
                return -1;
            }
            return 9;
        });
        List<String> unlinked = new ArrayList<>();
        fake.answer("shm_unlink", a -> {
            unlinked.add(((MemorySegment) a[0]).reinterpret(64).getString(0));
            return 0;
        });
        int fd = lib.anonymousFile(NativeBinder.callState(), MemorySegment.NULL);
        assertEquals(9, fd);
        List<FakeLibSystem.Call> opens = fake.calls("shm_open");
        assertEquals(2, opens.size());
        String first = names.get(0);
        String second = names.get(1);
        assertTrue(second.matches("/ffmipc-anon-[0-9a-f]{16}") && second.length() <= 31, second);
        assertFalse(first.equals(second), "a taken name is not tried again");
        assertEquals(0x2 | 0x200 | 0x800 | 0x1000000, opens.get(1).arg(1), "O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC");
        assertEquals(0600, opens.get(1).arg(2));
        assertEquals(List.of(second), unlinked);
        assertEquals(0, lib.sealSize(NativeBinder.callState(), fd), "the one ftruncate fixes the size");
    }

    @Test
    void aSemaphoresOwnerIsWhatTheKernelReportsForItsDescriptor() {
        fake.answer("getpid", a -> 4242);
        fake.answer("proc_pidfdinfo", a -> {
            assertEquals(List.of(4242, 3, 4, 1184), List.of(a[0], a[1], a[2], a[4]));
            ((MemorySegment) a[3]).reinterpret(1184).set(JAVA_INT, 40, 501); // pseminfo.psem_stat.vst_uid
            return 1184;
        });
        assertEquals(501, lib.semaphoreOwner(MemorySegment.ofAddress(3)), "sem_t * is the descriptor number");
        fake.answer("proc_pidfdinfo", a -> 0);
        assertEquals(-1, lib.semaphoreOwner(MemorySegment.ofAddress(3)), "the kernel did not say");
        assertNull(lib.semaphoreFile("/x"));
    }

    @Test
    void theStartKeyIsTheStartTimeFromKernProcPidAndZeroForNoProcess() {
        fake.answer("sysctl", a -> {
            MemorySegment mib = ((MemorySegment) a[0]).reinterpret(16);
            assertEquals(List.of(1, 14, 1, 777), List.of(mib.getAtIndex(JAVA_INT, 0), mib.getAtIndex(JAVA_INT, 1),
                    mib.getAtIndex(JAVA_INT, 2), mib.getAtIndex(JAVA_INT, 3)));
            assertEquals(4, a[1]);
            MemorySegment len = ((MemorySegment) a[3]).reinterpret(8);
            assertEquals(648L, len.get(JAVA_LONG, 0));
            MemorySegment kp = ((MemorySegment) a[2]).reinterpret(648);
            kp.set(JAVA_LONG, 0, 1_700_000_000L); // kp_proc.p_un.__p_starttime.tv_sec
            kp.set(JAVA_INT, 8, 123_456); // tv_usec
            return 0;
        });
        assertEquals((1_700_000_000L * 1_000_000L + 123_456L) & 0x7FFF_FFFFL, lib.processStartKey(777));
        fake.answer("sysctl", a -> {
            ((MemorySegment) a[3]).reinterpret(8).set(JAVA_LONG, 0, 0L); // no such process: 0 bytes
            return 0;
        });
        assertEquals(0, lib.processStartKey(777));
    }

    @Test
    void theUserNameComesFromGetpwuidRWithALargerBufferWhenItSaysErange() {
        MemorySegment alice = fake.cString("alice");
        int[] calls = {0};
        fake.answer("getpwuid_r", a -> {
            if (calls[0]++ == 0) {
                return 34; // ERANGE
            }
            assertEquals(501, a[0]);
            assertTrue((Long) a[3] > 4096, "a larger buffer: " + a[3]);
            MemorySegment pwd = ((MemorySegment) a[1]).reinterpret(72);
            pwd.set(ADDRESS, 0, alice);
            ((MemorySegment) a[4]).reinterpret(8).set(ADDRESS, 0, pwd);
            return 0;
        });
        assertEquals("alice", lib.userName(501));
        fake.answer("getpwuid_r", a -> 0); // *result stays NULL: no such user
        assertNull(lib.userName(12345));
    }

    @Test
    void peerCredentialsAreLocalPeercredAndLocalPeerpid() {
        fake.answer("getsockopt", a -> {
            assertEquals(0, a[1], "SOL_LOCAL");
            MemorySegment out = ((MemorySegment) a[3]).reinterpret(76);
            if ((Integer) a[2] == 1) { // LOCAL_PEERCRED: struct xucred
                out.set(JAVA_INT, 0, 0); // XUCRED_VERSION
                out.set(JAVA_INT, 4, 501);
                out.set(JAVA_SHORT, 8, (short) 2);
                out.set(JAVA_INT, 12, 20);
            } else { // LOCAL_PEERPID
                assertEquals(2, a[2]);
                out.set(JAVA_INT, 0, 777);
            }
            return 0;
        });
        assertEquals(new PeerIdentity(777, 501, 20), lib.peerCredentials(5, "pipe"));
        fake.answer("getsockopt", a -> {
            ((MemorySegment) a[3]).reinterpret(4).set(JAVA_INT, 0, 9); // an unknown xucred version
            return 0;
        });
        IpcException e = assertThrows(IpcException.class, () -> lib.peerCredentials(5, "pipe"));
        assertTrue(e.getMessage().contains("xucred version 9"), e.getMessage());
    }

    @Test
    void aDescriptorsPathIsFGetpathAndNoneWhereItFails() {
        fake.answer("fcntl", a -> {
            assertEquals(50, a[1], "F_GETPATH");
            ((MemorySegment) a[2]).reinterpret(1024).setString(0, "/var/tmp/f");
            return 0;
        });
        assertEquals("/var/tmp/f", lib.descriptorPath(4));
        fake.answer("fcntl", a -> -1);
        assertNull(lib.descriptorPath(4), "shared memory has no path");
        assertNull(lib.sharedMemoryOfPath("/var/tmp/f"));
    }

    @Test
    void environIsReadThroughNsGetEnviron() {
        MemorySegment cell = fake.allocate(ADDRESS);
        cell.set(ADDRESS, 0, MemorySegment.ofAddress(0x1234));
        fake.answer("_NSGetEnviron", a -> cell);
        assertEquals(0x1234, lib.environ().address());
    }

    @Test
    void spawnAttributesSetCloexecDefaultAndAreDestroyedWithTheArena() {
        MemorySegment attr;
        try (Arena a = Arena.ofConfined()) {
            attr = lib.spawnAttributes(a);
            assertEquals(attr.address(), ((MemorySegment) fake.calls("posix_spawnattr_init").getFirst().arg(0)).address());
            assertEquals((short) 0x4000, fake.calls("posix_spawnattr_setflags").getFirst().arg(1),
                    "POSIX_SPAWN_CLOEXEC_DEFAULT");
            assertTrue(fake.calls("posix_spawnattr_destroy").isEmpty());
        }
        assertEquals(attr.address(), ((MemorySegment) fake.calls("posix_spawnattr_destroy").getFirst().arg(0)).address());
    }

    @Test
    void sysctlReadsFourAndEightByteValuesAndMinusOneForNone() {
        fake.answer("sysctlbyname", a -> {
            String name = ((MemorySegment) a[0]).reinterpret(64).getString(0);
            MemorySegment len = ((MemorySegment) a[2]).reinterpret(8);
            MemorySegment value = ((MemorySegment) a[1]).reinterpret(8);
            switch (name) {
                case "hw.memsize" -> value.set(JAVA_LONG, 0, 17_179_869_184L);
                case "kern.sysv.shmmni" -> {
                    value.set(JAVA_INT, 0, -1);
                    len.set(JAVA_LONG, 0, 4L);
                }
                default -> {
                    return -1;
                }
            }
            return 0;
        });
        assertEquals(17_179_869_184L, lib.sysctl("hw.memsize"));
        assertEquals(0xFFFF_FFFFL, lib.sysctl("kern.sysv.shmmni"), "a 4-byte value, unsigned");
        assertEquals(-1, lib.sysctl("no.such"));
    }

    @Test
    void namesAnchorsAndAddressesAreMacos() {
        assertEquals("/ffmipc-t-x", lib.sharedMemoryName("ffmipc-t-x"));
        String longName = "n".repeat(40);
        assertTrue(lib.semaphoreName(longName).length() <= 31, lib.semaphoreName(longName));
        assertEquals(lib.sharedMemoryName(longName), lib.semaphoreName(longName), "separate kernel namespaces");
        assertEquals("/var/tmp/.mutex.m", lib.anchorFile(".mutex.m"));
        assertFalse(lib.abstractSockets());
        assertTrue(lib.failed(MemorySegment.ofAddress(-1)), "MAP_FAILED is (void *) -1");
        assertFalse(lib.failed(MemorySegment.ofAddress(0)));
        List<String> absentConstants = new ArrayList<>();
        for (String c : List.of("SOCK_CLOEXEC", "SOCK_NONBLOCK", "MSG_CMSG_CLOEXEC", "SHM_DEST", "SOCK_SEQPACKET")) {
            if (!lib.hasConstant(c)) {
                absentConstants.add(c);
            }
        }
        assertEquals(List.of("SOCK_CLOEXEC", "SOCK_NONBLOCK", "MSG_CMSG_CLOEXEC", "SHM_DEST", "SOCK_SEQPACKET"),
                absentConstants);
        assertEquals(-1, lib.constant("SEM_FAILED"), "a table fact: (sem_t *) -1");
        assertEquals(6, lib.constant("CLOCK_MONOTONIC"));
    }
}
