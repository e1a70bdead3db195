package io.ffmipc;

/** A cell of the capability matrix: how one OS provides one capability. */
public sealed interface Support {

    /** Provided by the OS's own primitive. */
    record Native(String mechanism) implements Support {
        @Override
        public String toString() {
            return "NATIVE(" + mechanism + ")";
        }
    }

    /** Provided by the library on top of other primitives, with a caveat the user should know. */
    record Emulated(String mechanism, String caveat) implements Support {
        @Override
        public String toString() {
            return "EMULATED(" + mechanism + "; " + caveat + ")";
        }
    }

    /** Not available on this OS, and why. */
    record Unsupported(String reason) implements Support {
        @Override
        public String toString() {
            return "UNSUPPORTED(" + reason + ")";
        }
    }

    /** A cell for a capability the OS provides through {@code mechanism}. */
    static Support nativeVia(String mechanism) {
        return new Native(mechanism);
    }

    /** A cell for a capability the library builds on {@code mechanism}, with the {@code caveat} users should know. */
    static Support emulated(String mechanism, String caveat) {
        return new Emulated(mechanism, caveat);
    }

    /** A cell for a capability this OS does not offer, for {@code reason}. */
    static Support unsupported(String reason) {
        return new Unsupported(reason);
    }

    /** Whether an application can use the capability at all. */
    default boolean available() {
        return !(this instanceof Unsupported);
    }

    /** {@code NATIVE}, {@code EMULATED} or {@code UNSUPPORTED}. */
    default String kind() {
        return switch (this) {
            case Native n -> "NATIVE";
            case Emulated e -> "EMULATED";
            case Unsupported u -> "UNSUPPORTED";
        };
    }
}
