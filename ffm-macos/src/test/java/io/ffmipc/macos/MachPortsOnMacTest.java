package io.ffmipc.macos;

import io.ffmipc.Ipc;
import io.ffmipc.testkit.ChildJvm;
import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mach ports on the real kernel: rights counted by the task's name count before and after, the
 * receive buffer growing, out-of-line bodies, the queue limit, the audit trailer, and a child process
 * that looks our bootstrap name up, sends us a right of its own and gets an answer through it.
 */
@EnabledOnOs(OS.MAC)
class MachPortsOnMacTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final MachPorts mach = MachPorts.of(Ipc.platform()).orElseThrow();

    @Test
    void aFullExchangeLeavesNoRightBehind() {
        int before = mach.portNameCount();
        byte[] large = new byte[10_000];
        Arrays.fill(large, (byte) 7);
        byte[] outOfLine = new byte[MachPorts.OUT_OF_LINE_THRESHOLD * 8 + 5];
        new java.util.Random(2).nextBytes(outOfLine);
        try (MachReceivePort port = mach.newPort(); MachSendPort to = port.makeSendRight();
             MachReceivePort reply = mach.newPort()) {
            assertTrue(mach.portNameCount() > before);
            assertTrue(to.send(1, "small".getBytes(StandardCharsets.UTF_8), List.of(reply), WAIT));
            assertTrue(to.send(2, large, WAIT));
            assertTrue(to.send(3, outOfLine, WAIT));
            try (MachMessage m = port.receive(WAIT).orElseThrow()) {
                assertEquals(1, m.id());
                assertEquals(ProcessHandle.current().pid(), m.sender().pid(), "the audit trailer names us");
                assertEquals(Long.parseLong(run("id", "-u")), m.sender().euid());
                assertTrue(m.rights().getFirst().send(9, new byte[0], WAIT));
                assertEquals(9, reply.receive(WAIT).orElseThrow().id());
            }
            try (MachMessage m = port.receive(WAIT).orElseThrow()) {
                assertArrayEquals(large, m.body(), "received whole after MACH_RCV_TOO_LARGE");
            }
            try (MachMessage m = port.receive(WAIT).orElseThrow()) {
                assertArrayEquals(outOfLine, m.body(), "out of line, region given back");
            }
        }
        assertEquals(before, mach.portNameCount(), "every right allocated was released");
    }

    @Test
    void theQueueLimitHoldsSendersBeyondIt() {
        try (MachReceivePort port = mach.newPort(6); MachSendPort to = port.makeSendRight()) {
            for (int i = 0; i < 6; i++) {
                assertTrue(to.send(i, new byte[4], Duration.ZERO), "message " + i + " of a limit above the default 5");
            }
            assertFalse(to.send(6, new byte[4], Duration.ofMillis(100)), "the seventh waits, then times out");
            for (int i = 0; i < 6; i++) {
                port.receive(WAIT).orElseThrow().close();
            }
            assertTrue(port.receive(Duration.ofMillis(50)).isEmpty());
        }
    }

    @Test
    void aChildLooksUpOurNameAndWeAnswerThroughTheRightItSent() {
        String service = "io.ffmipc.test." + TestNames.unique("mach");
        int before = mach.portNameCount();
        try (MachReceivePort port = mach.checkIn(service, 16);
             ChildJvm child = ChildJvm.start(MachPeer.class, service)) {
            try (MachMessage m = port.receive(WAIT).orElseThrow(() -> new AssertionError(child.output()))) {
                assertEquals(42, m.id());
                assertEquals(child.pid(), m.sender().pid(), "the kernel's record of the sender");
                assertEquals(1, m.rights().size());
                assertTrue(m.rights().getFirst().send(43, "pong".getBytes(StandardCharsets.UTF_8), WAIT));
            }
            child.assertSuccess(WAIT);
        }
        assertEquals(before, mach.portNameCount());
    }

    private static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).start();
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
