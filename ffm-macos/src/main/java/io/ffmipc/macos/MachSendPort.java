package io.ffmipc.macos;

import java.time.Duration;
import java.util.List;

/** A send right: messages go to the port's receiver. Close it to give the right back. */
public non-sealed interface MachSendPort extends MachPort {

    /**
     * Sends one message: {@code body} inline, or out of line (a copy-on-write region) when it is
     * larger than {@link MachPorts#OUT_OF_LINE_THRESHOLD}, with {@code rights} carried along (each
     * stays this task's too). Waits at most {@code timeout} while the receiver's queue is full.
     *
     * @return true if sent, false if the queue stayed full for the whole timeout
     * @throws io.ffmipc.PeerClosedException the receive right is gone (MACH_SEND_INVALID_DEST)
     */
    boolean send(int id, byte[] body, List<? extends MachPort> rights, Duration timeout);

    /** {@link #send(int, byte[], List, Duration)} without rights. */
    default boolean send(int id, byte[] body, Duration timeout) {
        return send(id, body, List.of(), timeout);
    }
}
