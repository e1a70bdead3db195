package io.ffmipc.contract;

import io.ffmipc.IpcAccessDeniedException;
import io.ffmipc.IpcPlatform;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.testkit.LeakCheck;
import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What another user can do with this user's objects, and this user with another's, for every kind
 * (issue 8 §2 and §8): a name another user created first is refused on OPEN and OPEN_OR_CREATE with
 * {@link IpcAccessDeniedException} naming that user, unless accepted; this user's objects are
 * refused to the other user the same way; and an object left owner-only (the default) stays out of
 * the other user's reach even when they accept another owner — the OS refuses them. Subclass per OS
 * with a way to run a child as another user; where none exists (not root) the suite is skipped with
 * the reason.
 */
@ExtendWith(LeakCheck.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
public abstract class CrossUserContract {

    protected abstract IpcPlatform platform();

    /** What the other user's child printed, and its exit code. */
    public record Outcome(int exitCode, String output) {
    }

    /** Runs {@link CrossUserPeer} with {@code args} as the other user; skips the test (assumption) where that cannot be done. */
    protected abstract Outcome asOtherUser(String... args) throws Exception;

    /** How refusals name the other user ({@code "uid 65534 (nobody)"}). */
    protected abstract String otherUser();

    /** How refusals name this process's user ({@code "uid 0 (root)"}). */
    protected abstract String thisUser();

    /** Kinds this OS does not have (System V on Windows): skipped. */
    protected boolean has(NamedKind kind) {
        return !kind.systemV() || platform().systemV().isPresent();
    }

    private String name(NamedKind kind) {
        return kind.systemV() ? String.format("0x%08x", TestNames.uniqueSysVKey()) : TestNames.unique("xu");
    }

    private static void assertRefusedNaming(Outcome o, String owner, String name) {
        assertEquals(3, o.exitCode(), o.output());
        assertTrue(o.output().startsWith("denied: ") && o.output().contains(owner) && o.output().contains(name)
                && o.output().contains("acceptingForeignOwner"), o.output());
    }

    @ParameterizedTest
    @EnumSource(NamedKind.class)
    void anObjectAnotherUserCreatedFirstIsRefusedUnlessAccepted(NamedKind kind) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(has(kind), kind + " is not on this OS");
        String name = name(kind);
        try {
            Outcome created = asOtherUser("create", kind.name(), name);
            assertEquals(0, created.exitCode(), created.output());
            for (OpenMode mode : new OpenMode[] {OpenMode.OPEN, OpenMode.OPEN_OR_CREATE}) {
                IpcAccessDeniedException e = assertThrows(IpcAccessDeniedException.class,
                        () -> kind.open(platform(), name, mode, Permissions.OWNER_ONLY).close(), kind + " " + mode);
                assertTrue(e.getMessage().contains(otherUser()) && e.getMessage().contains("acceptingForeignOwner"),
                        e.getMessage());
            }
            try (AutoCloseable accepted = kind.open(platform(), name, OpenMode.OPEN,
                    Permissions.OWNER_ONLY.acceptingForeignOwner())) {
                assertTrue(accepted != null);
            }
        } finally {
            asOtherUser("remove", kind.name(), name); // its owner removes it
        }
    }

    @ParameterizedTest
    @EnumSource(NamedKind.class)
    void thisUsersObjectIsRefusedToTheOtherUnlessAcceptedAndOwnerOnlyStaysOutOfReach(NamedKind kind)
            throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(has(kind), kind + " is not on this OS");
        String shared = name(kind);
        String ownerOnly = name(kind);
        try (AutoCloseable everyone = kind.open(platform(), shared, OpenMode.CREATE, Permissions.everyone());
             AutoCloseable mine = kind.open(platform(), ownerOnly, OpenMode.CREATE, Permissions.OWNER_ONLY)) {
            assertRefusedNaming(asOtherUser("open", kind.name(), shared), thisUser(), shared);
            Outcome accepted = asOtherUser("open", kind.name(), shared, "accept");
            assertEquals(0, accepted.exitCode(), accepted.output());
            Outcome closed = asOtherUser("open", kind.name(), ownerOnly, "accept");
            assertEquals(3, closed.exitCode(), "an owner-only object is out of the other user's reach: " + closed.output());
        } finally {
            kind.remove(platform(), shared);
            kind.remove(platform(), ownerOnly);
        }
    }

    /**
     * Message-pipe names are first come, first served: a server another user started under the name
     * is refused by the client, naming that user, unless the client accepts another owner — before
     * anything is sent.
     */
    @org.junit.jupiter.api.Test
    void aServerAnotherUserStartedUnderTheNameIsRefusedByTheClientUnlessAccepted() throws Exception {
        String name = TestNames.unique("xu-pipe");
        java.util.concurrent.CompletableFuture<Outcome> server = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return asOtherUser("serve", "MESSAGE_PIPE", name, "20");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        IpcAccessDeniedException refused = null;
        long until = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (refused == null && System.nanoTime() < until) {
            try {
                platform().connectMessagePipe(name, java.time.Duration.ofSeconds(5)).close();
                throw new AssertionError("connected to another user's server without accepting it");
            } catch (IpcAccessDeniedException e) {
                refused = e;
            } catch (io.ffmipc.NoSuchIpcObjectException notYet) {
                // the other user's server is not listening yet
            }
        }
        assertTrue(refused != null && refused.getMessage().contains(otherUser())
                && refused.getMessage().contains("acceptingForeignOwner"), String.valueOf(refused));
        try (var accepted = platform().connectMessagePipe(name, java.time.Duration.ofSeconds(5),
                Permissions.OWNER_ONLY.acceptingForeignOwner())) {
            assertTrue(accepted.send("hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    java.time.Duration.ofSeconds(5)), "hello not sent");
        }
        assertEquals(0, server.get(60, TimeUnit.SECONDS).exitCode(), "the accepted connection reached the server");
    }

    /** A server's default admission takes only its own user's clients: the other user is refused, even accepting. */
    @org.junit.jupiter.api.Test
    void thisUsersServerRefusesTheOtherUsersClientsByDefault() throws Exception {
        String name = TestNames.unique("xu-pipe");
        try (var server = platform().messagePipeServer(name)) {
            java.util.concurrent.CompletableFuture<?> accepting = java.util.concurrent.CompletableFuture.runAsync(
                    () -> server.accept(java.time.Duration.ofSeconds(15)));
            Outcome o = asOtherUser("connect", "MESSAGE_PIPE", name, "accept");
            assertEquals(3, o.exitCode(), o.output());
            assertTrue(o.output().contains("refused"), o.output());
            accepting.cancel(true);
        }
    }
}
