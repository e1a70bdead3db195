package io.ffmipc.macos;

import io.ffmipc.Ipc;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Child of {@link MachPortsOnMacTest}: looks the parent's bootstrap name up, sends it a message with
 * a send right to a port of its own, and expects "pong" back on that port.
 */
public final class MachPeer {
    private MachPeer() {
    }

    public static void main(String[] args) {
        MachPorts mach = MachPorts.of(Ipc.platform()).orElseThrow();
        try (MachSendPort parent = mach.lookUp(args[0]); MachReceivePort mine = mach.newPort()) {
            if (!parent.send(42, "ping".getBytes(StandardCharsets.UTF_8), List.of(mine), Duration.ofSeconds(20))) {
                System.out.println("send timed out");
                System.exit(2);
            }
            try (MachMessage m = mine.receive(Duration.ofSeconds(20)).orElseThrow()) {
                if (m.id() != 43 || !new String(m.body(), StandardCharsets.UTF_8).equals("pong")) {
                    System.out.println("unexpected answer " + m.id());
                    System.exit(3);
                }
            }
        }
        System.exit(0);
    }
}
