package io.ffmipc.cli;

import io.ffmipc.Capability;

import java.util.List;

/** A tour step on System V objects: chosen by the matrix row {@link Capability#SYSTEM_V}, skipped where it is unsupported. */
abstract class SysVStep extends TourStep {

    @Override
    List<Capability> capabilities() {
        return List.of(Capability.SYSTEM_V);
    }
}
