/**
 * The shared-memory channel, portable: everything except the shared memory itself and the wait
 * seam lives here and is tested on Linux for every OS.
 *
 * <ul>
 *   <li>{@link io.ffmipc.channel.ChannelHeaderDescriptor} and {@link io.ffmipc.channel.RingDescriptor}:
 *       the layout (offsets, diagrams, checks, the READY/version word written last).</li>
 *   <li>{@link io.ffmipc.channel.RingProducer} / {@link io.ffmipc.channel.RingConsumer}: one ring's
 *       two ends. SPSC and MPSC are one ring format and a mode of the producer (a private position vs
 *       a compare-and-set on the shared one), so a consumer reads both the same way and only MPSC
 *       pays for the atomic.</li>
 *   <li>{@link io.ffmipc.channel.WaitPoint}, {@code WaitPoints} and {@code Idler}: the wait strategies and the
 *       announce / re-check / park protocol on the {@link io.ffmipc.spi.WaitSeam}.</li>
 *   <li>{@code PeerTable}: pids and closed flags in the header; {@code Liveness}: whether a peer's
 *       handle lives, by the presence slot it holds ({@link io.ffmipc.spi.PresenceSeam}: true in any
 *       pid namespace) or, where the platform has no presence seam, by pid and start time.</li>
 * </ul>
 *
 * <h2>A message queue over a channel's ring</h2>
 * Where an OS has no message queue (Windows, macOS), a provider returns
 * {@link io.ffmipc.channel.ChannelMessageQueue} from {@code messageQueue}: one MPSC ring of the
 * channel format in a named shared-memory object, without the channel's duplex creator/opener
 * roles, so any handle sends and receives (receivers take turns, each message is taken once).
 * FIFO only ({@code maxPriority() == 0}); waits park on the wait seam (they poll where there is
 * none); its class comment states the layout and every limit. Every platform also offers it as
 * {@link io.ffmipc.IpcPlatform#sharedMemoryMessageQueue}.
 */
package io.ffmipc.channel;
