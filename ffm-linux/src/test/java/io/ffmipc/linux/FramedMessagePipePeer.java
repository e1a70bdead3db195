package io.ffmipc.linux;

import io.ffmipc.contract.MessagePipePeer;

/** The child of {@link LinuxFramedMessagePipeTest}: {@link MessagePipePeer} on the framed pipes. */
public final class FramedMessagePipePeer {
    private FramedMessagePipePeer() {
    }

    public static void main(String[] args) {
        MessagePipePeer.run(FramedPipes.platform(), args);
    }
}
