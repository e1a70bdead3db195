package io.ffmipc.macos;

import java.time.Duration;
import java.util.Optional;

/**
 * A receive right created in this task (or checked in with the bootstrap server): its queue holds
 * at most the queue limit it was given (the kernel's default of 5 is raised at creation). Closing
 * it destroys the port: senders then fail with MACH_SEND_INVALID_DEST, and a bootstrap name it was
 * checked in under goes away.
 */
public non-sealed interface MachReceivePort extends MachPort {

    /** The most messages the port queues before a sender waits. */
    int queueLimit();

    /**
     * A send right to this port, held by this task (under the port's name): to send to it from here,
     * or to hand it on. Close it like any send right; the port lives until this right is closed.
     */
    MachSendPort makeSendRight();

    /**
     * The next message, waiting at most {@code timeout}; empty if none came. A message larger than
     * the buffer is received whole (the buffer grows, MACH_RCV_LARGE). The message's rights are the
     * caller's: close the message (or each right) when done.
     */
    Optional<MachMessage> receive(Duration timeout);
}
