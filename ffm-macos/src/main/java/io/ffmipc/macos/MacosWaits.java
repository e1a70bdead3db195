package io.ffmipc.macos;

import io.ffmipc.macos.ffi.MacosLinker;
import io.ffmipc.posix.PosixLibrary;
import io.ffmipc.spi.WaitSeam;

import java.util.Optional;

/**
 * Which cross-process wait macOS gives the portable core, decided at activation from what the
 * running system has (looked up, never assumed from the version) and what the application allows:
 *
 * <ol>
 *   <li>{@link Primitive#OS_SYNC}: {@code os_sync_wait_on_address} with the SHARED flags, public from
 *       macOS 14.4;</li>
 *   <li>{@link Primitive#ULOCK}: before 14.4, the private {@code __ulock} calls under it, only if the
 *       application sets the system property {@value #ULOCK_PROPERTY} to {@code true};</li>
 *   <li>{@link Primitive#POLLING}: otherwise no wait seam: the core polls
 *       ({@code io.ffmipc.core.PollingWaitSeam}).</li>
 * </ol>
 */
public final class MacosWaits {
    /**
     * System property that opts in to the private {@code __ulock_wait2}/{@code __ulock_wake} calls on
     * macOS before 14.4 ({@code -Dffmipc.macos.ulock=true}). They are not API, and App Store review
     * has rejected apps that call them; without it such systems poll. Ignored where os_sync exists.
     */
    public static final String ULOCK_PROPERTY = "ffmipc.macos.ulock";

    /** The wait in force. */
    public enum Primitive {
        OS_SYNC, ULOCK, POLLING
    }

    private MacosWaits() {
    }

    /** Whether the property's value opts in. */
    static boolean optedIn(String value) {
        return value != null && value.trim().equalsIgnoreCase("true");
    }

    /** The choice, from what was found and what the application allows. */
    static Primitive choose(boolean osSyncFound, boolean ulockOptedIn, boolean ulockFound) {
        if (osSyncFound) {
            return Primitive.OS_SYNC;
        }
        return ulockOptedIn && ulockFound ? Primitive.ULOCK : Primitive.POLLING;
    }

    /** The wait in force and its seam (empty for {@link Primitive#POLLING}: the core polls). */
    record InForce(Primitive primitive, Optional<WaitSeam> seam) {
    }

    /** What is in force on this macOS: os_sync, the opted-in ulock calls, or no seam. */
    static InForce inForce(MacosLinker linker, PosixLibrary lib, String ulockProperty) {
        Optional<AddressWait> osSync = OsSyncWait.lookUp(linker);
        boolean optedIn = optedIn(ulockProperty);
        Optional<AddressWait> ulock = optedIn && osSync.isEmpty() ? ULockWait.lookUp(linker) : Optional.empty();
        Primitive p = choose(osSync.isPresent(), optedIn, ulock.isPresent());
        Optional<AddressWait> chosen = p == Primitive.OS_SYNC ? osSync : p == Primitive.ULOCK ? ulock : Optional.empty();
        return new InForce(p, chosen.map(w -> new AddressWaitSeam(w, lib)));
    }
}
