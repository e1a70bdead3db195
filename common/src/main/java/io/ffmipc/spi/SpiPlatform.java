package io.ffmipc.spi;

import io.ffmipc.IpcPlatform;
import io.ffmipc.UnsupportedCapabilityException;
import io.ffmipc.Capability;

/**
 * What a provider's platform offers to the portable implementations in {@code common}, beyond
 * the public API. Every provider's {@link IpcPlatform} implements it.
 */
public interface SpiPlatform extends IpcPlatform {

    /** The park/wake seam on shared 32-bit words. */
    WaitSeam waitSeam();

    /** The SPI view of a platform; every platform a provider returns is one. */
    static SpiPlatform of(IpcPlatform platform) {
        if (platform instanceof SpiPlatform spi) {
            return spi;
        }
        throw new UnsupportedCapabilityException(Capability.EVENT, platform.os(),
                "the platform " + platform.getClass().getName() + " does not implement io.ffmipc.spi.SpiPlatform");
    }
}
