package io.ffmipc.macos;

/**
 * A right to a Mach port held by this task under a name: a send right ({@link MachSendPort}) or a
 * receive right ({@link MachReceivePort}). Either can travel in a message: a send right as a copy
 * (the sender keeps its own), a receive right as a new send right to it (so the other side can
 * answer).
 */
public sealed interface MachPort extends AutoCloseable permits MachSendPort, MachReceivePort {

    /** The right's name in this task ({@code mach_port_name_t}). */
    int name();

    /** Releases the right (every right this extension hands out must be closed once); safe to call twice. */
    @Override
    void close();
}
