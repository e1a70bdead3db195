package io.ffmipc.spi;

import io.ffmipc.CapabilityMatrix;

/**
 * One OS's implementation, found through {@link java.util.ServiceLoader}. {@link #name()},
 * {@link #supports} and {@link #matrix()} must work on any OS without touching native code, so
 * that every provider's matrix can be shown from any machine.
 */
public interface IpcProvider {

    /** A short name: {@code linux}, {@code windows}, {@code macos}. */
    String name();

    /** Whether this provider drives the OS and architecture named by these system properties. */
    boolean supports(String osName, String osArch);

    /** The capability matrix, as data. */
    CapabilityMatrix matrix();

    /**
     * Binds the native functions and returns the OS's seams, on which the core builds the whole
     * platform. Called at most once, on a supported OS.
     */
    PlatformSeams activate();
}
