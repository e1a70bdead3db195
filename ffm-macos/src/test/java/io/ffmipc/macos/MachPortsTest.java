package io.ffmipc.macos;

import io.ffmipc.InvalidNameException;
import io.ffmipc.IpcInterruptedException;
import io.ffmipc.NoSuchIpcObjectException;
import io.ffmipc.PeerClosedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Mach ports extension's logic over a simulated kernel ({@link FakeMachKernel}), on any OS:
 * rights allocated and released (the name count returns to where it was), queue limits, bootstrap
 * names, messages inline and out of line, the receive buffer growing for a large message, rights
 * carried, the sender from the audit trailer, timeouts, interrupts and typed errors. The real
 * kernel's behaviour is checked on macOS ({@code MachPortsOnMacTest}).
 */
class MachPortsTest {
    private static final Duration SECOND = Duration.ofSeconds(1);
    private final FakeMachKernel kernel = new FakeMachKernel();
    private final MachPorts mach = new MachPortsImpl(kernel);

    @AfterEach
    void nothingLeaked() {
        assertEquals(0, kernel.names(), "port names left");
        assertEquals(0, kernel.regions(), "regions left");
    }

    @Test
    void aMessageGoesToThePortWithItsIdBodyAndTheKernelsRecordOfTheSender() {
        try (MachReceivePort port = mach.newPort(); MachSendPort to = sendRight(port)) {
            assertEquals(MachPorts.DEFAULT_QUEUE_LIMIT, port.queueLimit());
            assertTrue(to.send(7, bytes("hello"), SECOND));
            try (MachMessage m = port.receive(SECOND).orElseThrow()) {
                assertEquals(7, m.id());
                assertEquals("hello", new String(m.body(), StandardCharsets.UTF_8));
                assertEquals(new MachSender(ProcessHandle.current().pid(), 501, 1), m.sender());
                assertEquals(List.of(), m.rights());
            }
        }
    }

    @Test
    void aMessageLargerThanTheBufferIsReceivedWholeAfterTheBufferGrows() {
        byte[] body = new byte[10_000]; // above the first buffer, below the out-of-line threshold
        Arrays.fill(body, (byte) 3);
        try (MachReceivePort port = mach.newPort(); MachSendPort to = sendRight(port)) {
            assertTrue(to.send(1, body, SECOND));
            kernel.receives = 0;
            try (MachMessage m = port.receive(SECOND).orElseThrow()) {
                assertArrayEquals(body, m.body());
            }
            assertEquals(2, kernel.receives, "MACH_RCV_TOO_LARGE, then the whole message");
        }
    }

    @Test
    void aBodyAboveTheThresholdTravelsOutOfLineAndItsRegionIsGivenBack() {
        byte[] body = new byte[MachPorts.OUT_OF_LINE_THRESHOLD * 4 + 3];
        new java.util.Random(1).nextBytes(body);
        try (MachReceivePort port = mach.newPort(); MachSendPort to = sendRight(port)) {
            assertTrue(to.send(2, body, SECOND));
            assertEquals(1, kernel.regions(), "the kernel mapped the body into the receiver");
            try (MachMessage m = port.receive(SECOND).orElseThrow()) {
                assertArrayEquals(body, m.body());
            }
            assertEquals(0, kernel.regions(), "vm_deallocate gave it back");
        }
    }

    @Test
    void rightsTravelInMessagesAndEveryOneIsReleased() {
        try (MachReceivePort port = mach.newPort(); MachSendPort to = sendRight(port);
             MachReceivePort reply = mach.newPort()) {
            assertTrue(to.send(3, bytes("with rights"), List.of(reply, to), SECOND));
            assertEquals(2, kernel.sendRefs(to.name()), "a copied send right: ours and the message's");
            try (MachMessage m = port.receive(SECOND).orElseThrow()) {
                assertEquals(2, m.rights().size());
                assertEquals(reply.name(), m.rights().get(0).name(), "a send right made from the receive right");
                assertTrue(m.rights().get(0).send(4, bytes("answer"), SECOND));
                assertEquals("answer", new String(reply.receive(SECOND).orElseThrow().body(), StandardCharsets.UTF_8));
            }
            assertEquals(1, kernel.sendRefs(to.name()), "closing the message released its rights");
        }
    }

    @Test
    void aFullQueueMakesASendWaitAndTimeOutAndTheLimitIsChecked() {
        try (MachReceivePort port = mach.newPort(2); MachSendPort to = sendRight(port)) {
            assertTrue(to.send(1, bytes("a"), Duration.ZERO));
            assertTrue(to.send(1, bytes("b"), Duration.ZERO));
            long t0 = System.nanoTime();
            assertFalse(to.send(1, bytes("c"), Duration.ofMillis(100)), "the queue holds 2");
            assertTrue(System.nanoTime() - t0 >= 100_000_000L);
            port.receive(SECOND).orElseThrow().close();
            assertTrue(to.send(1, bytes("c"), Duration.ZERO));
            port.receive(SECOND).orElseThrow().close();
            port.receive(SECOND).orElseThrow().close();
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mach.newPort(0));
        assertTrue(e.getMessage().contains("1 to 1024"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> mach.newPort(1025));
    }

    @Test
    void aReceiveTimesOutAfterItsTimeoutAndAnInterruptEndsIt() {
        try (MachReceivePort port = mach.newPort()) {
            long t0 = System.nanoTime();
            assertEquals(Optional.empty(), port.receive(Duration.ofMillis(120)));
            assertTrue(System.nanoTime() - t0 >= 120_000_000L);
            Thread.currentThread().interrupt();
            try {
                assertThrows(IpcInterruptedException.class, () -> port.receive(Duration.ofSeconds(30)));
                assertTrue(Thread.currentThread().isInterrupted(), "the flag stays set");
            } finally {
                Thread.interrupted();
            }
        }
    }

    @Test
    void bootstrapNamesAreCheckedInLookedUpAndRefusedWhenMissingOrMalformed() {
        try (MachReceivePort service = mach.checkIn("io.ffmipc.test.svc", 8);
             MachSendPort client = mach.lookUp("io.ffmipc.test.svc")) {
            assertEquals(8, service.queueLimit());
            assertTrue(client.send(9, bytes("hi"), SECOND));
            service.receive(SECOND).orElseThrow().close();
        }
        NoSuchIpcObjectException missing = assertThrows(NoSuchIpcObjectException.class,
                () -> mach.lookUp("io.ffmipc.test.none"));
        assertTrue(missing.getMessage().contains("BOOTSTRAP_UNKNOWN_SERVICE")
                && missing.getMessage().contains("io.ffmipc.test.none"), missing.getMessage());
        assertThrows(InvalidNameException.class, () -> mach.lookUp(""));
        InvalidNameException longName = assertThrows(InvalidNameException.class, () -> mach.checkIn("x".repeat(128), 5));
        assertTrue(longName.getMessage().contains("BOOTSTRAP_MAX_NAME_LEN"), longName.getMessage());
    }

    @Test
    void sendingToAGoneReceiverIsPeerClosedAndClosedRightsRefuse() {
        MachReceivePort port = mach.newPort();
        MachSendPort to = sendRight(port);
        port.close();
        port.close();
        PeerClosedException e = assertThrows(PeerClosedException.class, () -> to.send(1, bytes("x"), SECOND));
        assertTrue(e.getMessage().contains("MACH_SEND_INVALID_DEST") && e.getMessage().contains("receiver is gone"),
                e.getMessage());
        to.close();
        assertThrows(IllegalStateException.class, () -> to.send(1, bytes("x"), SECOND));
        assertThrows(IllegalStateException.class, () -> port.receive(SECOND));
    }

    @Test
    void theNameCountSeesEveryRightAndGivesItsArraysBack() {
        int before = mach.portNameCount();
        try (MachReceivePort a = mach.newPort(); MachReceivePort b = mach.newPort()) {
            assertEquals(before + 2, mach.portNameCount());
        }
        assertEquals(before, mach.portNameCount());
    }

    private static MachSendPort sendRight(MachReceivePort port) {
        return port.makeSendRight();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
