package io.ffmipc.cli;

import io.ffmipc.Capability;
import io.ffmipc.IpcPlatform;
import io.ffmipc.OpenMode;
import io.ffmipc.Semaphore;

import java.util.List;

/** Ping-pong on two named semaphores: the tour releases "ping", the peer answers on "pong". */
final class PosixSemaphoreStep extends NamedPairStep<Semaphore> {

    @Override
    String id() {
        return "sem";
    }

    @Override
    String title() {
        return "named semaphore ping-pong";
    }

    @Override
    List<Capability> capabilities() {
        return List.of(Capability.SEMAPHORE);
    }

    @Override
    String namePrefix() {
        return "sem";
    }

    @Override
    Semaphore create(IpcPlatform platform, String name) {
        return platform.semaphore(name, OpenMode.CREATE, 0);
    }

    @Override
    Semaphore open(IpcPlatform platform, String name) {
        return platform.semaphore(name, OpenMode.OPEN, 0);
    }

    @Override
    void remove(IpcPlatform platform, String name) {
        platform.removeSemaphore(name);
    }

    @Override
    Signal signal(Semaphore s) {
        return Signal.of(s::release, s::tryAcquire);
    }
}
