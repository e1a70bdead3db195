package io.ffmipc.core;

import io.ffmipc.PeerIdentity;

/**
 * The framing every message pipe uses, on every OS: each message on the wire starts with one
 * kind byte, then its payload. The kind byte is what makes an empty message distinguishable from
 * the end of the stream (a zero-byte read), and a message that carries a handle distinguishable
 * from one that carries data, so neither can be mistaken for the other or consumed by the wrong
 * call.
 *
 * <p>A connection starts with one message from the server: {@link #ACCEPTED}, or {@link #REFUSED}
 * followed by the reason in UTF-8, after which the server closes the connection.
 */
public final class PipeFrames {
    /** Bytes of header before the payload. */
    public static final int HEADER_SIZE = 1;
    /** An application message. */
    public static final byte DATA = 'D';
    /** A message whose payload is empty and which carries one OS handle. */
    public static final byte HANDLE = 'H';
    /** The server admitted the client. */
    public static final byte ACCEPTED = 'A';
    /** The server refused the client; the payload says why. */
    public static final byte REFUSED = 'R';

    private PipeFrames() {
    }

    /** A kind byte as messages name it. */
    public static String describe(byte kind) {
        return switch (kind) {
            case DATA -> "a data message";
            case HANDLE -> "a message carrying a handle";
            case ACCEPTED -> "the server's acceptance";
            case REFUSED -> "the server's refusal";
            default -> "an unknown message kind 0x" + Integer.toHexString(kind & 0xff);
        };
    }

    /** The reason a server gives a client its admission check refused. */
    public static String refusal(String server, PeerIdentity client) {
        return "server '" + server + "' refused this process (" + client + ") by its admission check";
    }
}
