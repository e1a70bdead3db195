package io.ffmipc.cli;

import io.ffmipc.CapabilityMatrix;

/** A tour step on System V objects: skipped when the command cannot reach System V here. */
abstract class SysVStep extends TourStep {

    @Override
    String skipReason(CapabilityMatrix matrix) {
        String reason = super.skipReason(matrix);
        return reason != null ? reason : SystemV.unavailableReason();
    }
}
