package io.ffmipc;


import io.ffmipc.spi.Durations;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Channel} is created and how this end of it waits.
 *
 * @param capacity     bytes of each ring's data area (one ring per direction): a power of two between
 *                     {@link #MIN_CAPACITY} and {@link #MAX_CAPACITY}. Used when creating; an opener
 *                     takes the creator's value. The largest message is {@code capacity / 2 - 8} bytes.
 * @param waitStrategy how this end waits (each end chooses its own)
 * @param mode         SPSC or MPSC; an opener must ask for the mode the creator chose
 * @param permissions  who may open the shared memory, when created
 * @param openTimeout  how long an opener waits for a creator that has not finished initialising
 * @param stallTimeout how long a receiver waits on a record that was claimed but never published
 *                     (MPSC) before it checks whether the producers are alive; also the period of
 *                     the peer liveness check while a blocking call waits
 */
public record ChannelOptions(int capacity, WaitStrategy waitStrategy, ChannelMode mode, Permissions permissions,
                             Duration openTimeout, Duration stallTimeout) {
    public static final int MIN_CAPACITY = 256;
    public static final int MAX_CAPACITY = 1 << 30;
    public static final int DEFAULT_CAPACITY = 256 * 1024;

    /** Checks the options; {@link IllegalArgumentException} says which is out of range. */
    public ChannelOptions {
        Objects.requireNonNull(waitStrategy, "waitStrategy");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(permissions, "permissions");
        Objects.requireNonNull(openTimeout, "openTimeout");
        Objects.requireNonNull(stallTimeout, "stallTimeout");
        if (capacity < MIN_CAPACITY || capacity > MAX_CAPACITY || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("channel capacity must be a power of two between " + MIN_CAPACITY
                    + " and " + MAX_CAPACITY + " bytes, got " + capacity);
        }
        if (openTimeout.isNegative() || stallTimeout.isNegative() || stallTimeout.isZero()) {
            throw new IllegalArgumentException("openTimeout must not be negative and stallTimeout must be positive, got "
                    + Durations.format(openTimeout) + " and " + Durations.format(stallTimeout));
        }
    }

    /** 256 KiB per ring, SPIN_THEN_PARK, SPSC, owner-only, 5 s to wait for the creator, 1 s stall timeout. */
    public static ChannelOptions defaults() {
        return new ChannelOptions(DEFAULT_CAPACITY, WaitStrategy.SPIN_THEN_PARK, ChannelMode.SPSC,
                Permissions.OWNER_ONLY, Duration.ofSeconds(5), Duration.ofSeconds(1));
    }

    /** These options with another ring capacity (a power of two, {@value #MIN_CAPACITY} to {@value #MAX_CAPACITY} bytes). */
    public ChannelOptions withCapacity(int capacity) {
        return new ChannelOptions(capacity, waitStrategy, mode, permissions, openTimeout, stallTimeout);
    }

    /** These options with another way of waiting for the peer. */
    public ChannelOptions withWaitStrategy(WaitStrategy waitStrategy) {
        return new ChannelOptions(capacity, waitStrategy, mode, permissions, openTimeout, stallTimeout);
    }

    /** These options with another producer/consumer arrangement. */
    public ChannelOptions withMode(ChannelMode mode) {
        return new ChannelOptions(capacity, waitStrategy, mode, permissions, openTimeout, stallTimeout);
    }

    /** These options with other permissions for a channel this call creates. */
    public ChannelOptions withPermissions(Permissions permissions) {
        return new ChannelOptions(capacity, waitStrategy, mode, permissions, openTimeout, stallTimeout);
    }

    /** These options with another time to wait for the creator to finish setting the channel up. */
    public ChannelOptions withOpenTimeout(Duration openTimeout) {
        return new ChannelOptions(capacity, waitStrategy, mode, permissions, openTimeout, stallTimeout);
    }

    /** These options with another stall timeout (see the record's description). */
    public ChannelOptions withStallTimeout(Duration stallTimeout) {
        return new ChannelOptions(capacity, waitStrategy, mode, permissions, openTimeout, stallTimeout);
    }

    /** The largest payload a channel of this capacity carries. */
    public int maxMessageSize() {
        return capacity / 2 - 8;
    }
}
