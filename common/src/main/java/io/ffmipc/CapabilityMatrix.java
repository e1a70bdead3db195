package io.ffmipc;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one OS offers, row by row. Providers declare it as plain data, so it can be read (by
 * {@code ffmipc matrix --all} or the README check) without loading any native code. Every row
 * has a cell: building a matrix with a row missing is an error.
 */
public final class CapabilityMatrix {
    private final String os;
    private final Map<Capability, Support> cells;

    private CapabilityMatrix(String os, EnumMap<Capability, Support> cells) {
        this.os = os;
        this.cells = Collections.unmodifiableMap(cells);
    }

    /** Starts a matrix for the OS of this display name ({@code Linux}, {@code Windows}, {@code macOS}). */
    public static Builder builder(String os) {
        return new Builder(os);
    }

    /** The OS's display name ({@code Linux}). */
    public String os() {
        return os;
    }

    /** The cell of one row; every row has one. */
    public Support get(Capability capability) {
        return cells.get(capability);
    }

    /** Every row's cell, in the order of {@link Capability}. */
    public Map<Capability, Support> cells() {
        return cells;
    }

    /**
     * Returns the cell if the capability is available, otherwise throws
     * {@link UnsupportedCapabilityException} naming the row and the reason.
     */
    public Support require(Capability capability) {
        Support s = get(capability);
        if (s instanceof Support.Unsupported u) {
            throw new UnsupportedCapabilityException(capability, os, u.reason());
        }
        return s;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(os).append(":\n");
        cells.forEach((c, s) -> sb.append("  ").append(c.title()).append(": ").append(s).append('\n'));
        return sb.toString();
    }

    /** Collects one cell per row; {@link #build()} refuses a matrix with a row missing. */
    public static final class Builder {
        private final String os;
        private final EnumMap<Capability, Support> cells = new EnumMap<>(Capability.class);

        private Builder(String os) {
            this.os = Objects.requireNonNull(os);
        }

        /** Sets a row's cell; setting a row twice is refused. */
        public Builder set(Capability capability, Support support) {
            if (cells.putIfAbsent(capability, Objects.requireNonNull(support)) != null) {
                throw new IllegalStateException(os + " matrix declares " + capability + " twice");
            }
            return this;
        }

        /** The matrix; {@link IllegalStateException} names a row that has no cell. */
        public CapabilityMatrix build() {
            for (Capability c : Capability.values()) {
                if (!cells.containsKey(c)) {
                    throw new IllegalStateException(os + " matrix has no cell for " + c);
                }
            }
            return new CapabilityMatrix(os, cells);
        }
    }
}
