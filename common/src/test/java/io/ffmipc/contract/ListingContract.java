package io.ffmipc.contract;

import io.ffmipc.IpcObjectInfo;
import io.ffmipc.IpcPlatform;
import io.ffmipc.ObjectKind;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.testkit.LeakCheck;
import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Listing and removal, on every kind ({@link IpcPlatform#list()}, {@link IpcPlatform#remove}): what a
 * process makes is listed as its kind under its portable name (System V objects under their key),
 * with its owner and mode where the OS says, and removing it by kind and name makes it go — the
 * one table behind {@code ffmipc ls}/{@code rm} and the tests' leak checks. Subclass per OS; kinds
 * the OS cannot list are named by {@link #unlisted()}.
 */
@ExtendWith(LeakCheck.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
public abstract class ListingContract {

    protected abstract IpcPlatform platform();

    /** Kinds this OS cannot enumerate (the matrix says so); they are only removed here. */
    protected List<NamedKind> unlisted() {
        return List.of();
    }

    private List<IpcObjectInfo> listed(NamedKind kind, String name) {
        return platform().list().stream().filter(o -> o.kind() == kind.objectKind() && o.name().equals(name)).toList();
    }

    @ParameterizedTest
    @EnumSource(NamedKind.class)
    void whatIsMadeIsListedAsItsKindAndRemovedByKindAndName(NamedKind kind) throws Exception {
        Assumptions.assumeTrue(!kind.systemV() || platform().systemV().isPresent(), kind + " is not on this OS");
        String name = kind.systemV() ? String.format("0x%08x", TestNames.uniqueSysVKey()) : TestNames.unique("ls");
        try (AutoCloseable made = kind.open(platform(), name, OpenMode.CREATE, Permissions.ofMode(0640))) {
            if (!unlisted().contains(kind)) {
                List<IpcObjectInfo> found = listed(kind, name);
                assertEquals(1, found.size(), kind + " " + name + " in " + platform().list());
                IpcObjectInfo o = found.get(0);
                assertTrue(o.mode() == -1 || o.mode() == 0640, "mode " + Integer.toOctalString(o.mode()));
                assertFalse(o.owner().isEmpty(), "an owner, or '?' where the OS does not say");
            }
            if (kind.objectKind().removableByName()) {
                assertTrue(platform().remove(kind.objectKind(), name), "removed");
                assertFalse(platform().remove(kind.objectKind(), name), "gone");
            } else {
                kind.remove(platform(), name);
            }
            assertEquals(List.of(), listed(kind, name), "not listed once removed");
        } finally {
            kind.remove(platform(), name);
        }
    }

    @Test
    void kindsNotRemovedByNameSayWhy() {
        IllegalArgumentException pipe = assertThrows(IllegalArgumentException.class,
                () -> platform().remove(ObjectKind.MESSAGE_PIPE, "x"));
        assertTrue(pipe.getMessage().contains("goes away when the server closes"), pipe.getMessage());
        IllegalArgumentException key = assertThrows(IllegalArgumentException.class,
                () -> platform().remove(ObjectKind.SYSV_SHARED_MEMORY, "x"));
        assertTrue(key.getMessage().contains("by key"), key.getMessage());
    }

    /** A listening message-pipe server is listed; its name goes when it closes. */
    @Test
    void aListeningServerIsListedUntilItCloses() {
        String name = TestNames.unique("ls-pipe");
        try (var server = platform().messagePipeServer(name)) {
            assertTrue(platform().list().stream().anyMatch(o -> o.kind() == ObjectKind.MESSAGE_PIPE
                    && o.name().equals(server.name())), String.valueOf(platform().list()));
        }
        assertTrue(platform().list().stream().noneMatch(o -> o.kind() == ObjectKind.MESSAGE_PIPE
                && o.name().equals(name)), "gone once closed");
    }
}
