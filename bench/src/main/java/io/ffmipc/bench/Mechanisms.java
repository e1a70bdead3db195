package io.ffmipc.bench;

import java.util.List;

import io.ffmipc.WaitStrategy;

/** Every two-process mechanism the harness knows, in table order. */
public final class Mechanisms {
    private static final List<Mechanism> ALL = List.of(
            new ChannelMechanism(WaitStrategy.BUSY_SPIN),
            new ChannelMechanism(WaitStrategy.SPIN_THEN_YIELD),
            new ChannelMechanism(WaitStrategy.SPIN_THEN_PARK),
            new ChannelMechanism(WaitStrategy.PARK),
            new ShmSpinMechanism(),
            new AeronIpcMechanism(),
            new PosixSemaphoreMechanism(),
            new SysVSemaphoreMechanism(),
            new EventFdMechanism(),
            new FutexMechanism(),
            QueueMechanism.posix(),
            QueueMechanism.sharedMemory(),
            new SysVMsgMechanism(),
            new UnixSocketMechanism(),
            new FifoMechanism(),
            new StdioPipeMechanism());

    private Mechanisms() {
    }

    public static List<Mechanism> all() {
        return ALL;
    }

    /** The mechanism called {@code name}; {@link IllegalArgumentException} naming the known ones otherwise. */
    public static Mechanism byName(String name) {
        return ALL.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no mechanism called '" + name + "'; known: "
                        + String.join(", ", ALL.stream().map(Mechanism::name).toList())));
    }
}
