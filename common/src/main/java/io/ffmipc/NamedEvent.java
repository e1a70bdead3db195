package io.ffmipc;

import java.time.Duration;

/**
 * An event that unrelated processes open by name (the Windows event model, portable): it is either
 * set or reset, and {@link #await} returns once it is set.
 *
 * <ul>
 *   <li>{@link EventKind#MANUAL_RESET}: {@link #set()} releases every waiter and every later
 *       {@code await} until someone calls {@link #reset()}.</li>
 *   <li>{@link EventKind#AUTO_RESET}: {@link #set()} releases exactly one waiter, which resets the
 *       event as it returns; with nobody waiting the event stays set until the next {@code await}
 *       takes it. Sets do not count: setting an event that is already set changes nothing, so two
 *       sets before any wait release one waiter (unlike the counting, inherited {@link Event}).</li>
 * </ul>
 *
 * <p>The event lives in shared memory (a futex word on Linux). Created events start reset.
 * {@code set} makes a system call only when a waiter may be parked.
 */
public interface NamedEvent extends AutoCloseable {

    /** The portable name the event was opened by. */
    String name();

    /** Whether a set releases every waiter until reset (manual) or one waiter (auto). */
    EventKind kind();

    /** Sets the event (see the class comment for who it releases). */
    void set();

    /** Resets the event; waiters keep waiting. */
    void reset();

    /**
     * Waits at most {@code timeout} for the event to be set; {@code true} once it is (for an
     * auto-reset event: this call took the set), {@code false} on timeout. {@link Duration#ZERO} polls.
     * Interrupting the thread ends the wait with {@link IpcInterruptedException}.
     */
    boolean await(Duration timeout);

    /** Whether the event is set now (a snapshot). */
    boolean isSet();

    /** Removes the name; open handles keep working. */
    void unlink();

    /** Safe to call twice; later use throws {@link IllegalStateException}; a wait in progress ends with it. */
    @Override
    void close();
}
