package io.ffmipc.macos;

import java.util.List;

/**
 * A received Mach message: its id, its body (inline or out of line, copied into the array and the
 * kernel's region given back), the send rights it carried (now this task's: close them, or the
 * message), and its sender from the audit trailer.
 */
public record MachMessage(int id, byte[] body, List<MachSendPort> rights, MachSender sender) implements AutoCloseable {

    public MachMessage {
        rights = List.copyOf(rights);
    }

    /** Closes every right the message carried. */
    @Override
    public void close() {
        for (MachSendPort r : rights) {
            r.close();
        }
    }
}
