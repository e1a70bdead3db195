package io.ffmipc.cli;

import io.ffmipc.Capability;
import io.ffmipc.EventKind;
import io.ffmipc.IpcPlatform;
import io.ffmipc.NamedEvent;
import io.ffmipc.OpenMode;

import java.util.List;

/**
 * Ping-pong on two named auto-reset events, opened by name in the peer (shared memory + a futex
 * on Linux): the tour sets "ping", the peer answers by setting "pong".
 */
final class NamedEventStep extends NamedPairStep<NamedEvent> {

    @Override
    String id() {
        return "named-event";
    }

    @Override
    String title() {
        return "named event ping-pong";
    }

    @Override
    List<Capability> capabilities() {
        return List.of(Capability.EVENT);
    }

    @Override
    String namePrefix() {
        return "event";
    }

    @Override
    NamedEvent create(IpcPlatform platform, String name) {
        return platform.event(name, OpenMode.CREATE, EventKind.AUTO_RESET);
    }

    @Override
    NamedEvent open(IpcPlatform platform, String name) {
        return platform.event(name, OpenMode.OPEN, EventKind.AUTO_RESET);
    }

    @Override
    void remove(IpcPlatform platform, String name) {
        platform.removeEvent(name);
    }

    @Override
    Signal signal(NamedEvent e) {
        return Signal.of(e::set, e::await);
    }
}
