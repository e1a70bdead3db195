package io.ffmipc.cli;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.SharedMemory;
import io.ffmipc.testkit.LeakCheck;
import io.ffmipc.testkit.OtherUser;
import io.ffmipc.testkit.TestNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command refuses another user's object like the library does, and takes the same choice as a flag. */
@ExtendWith(LeakCheck.class)
class ForeignOwnerTest {

    @Test
    void anotherUsersObjectIsRefusedUnlessTheFlagAcceptsIt() throws Exception {
        OtherUser.assumeAvailable();
        IpcPlatform ipc = Ipc.platform();
        String name = TestNames.unique("cli-foreign");
        try (SharedMemory m = ipc.sharedMemory(name, OpenMode.CREATE, 64, Permissions.everyone())) {
            m.segment().setString(0, "theirs", StandardCharsets.UTF_8);
        }
        try {
            // As if the other user had created it first: it is theirs now.
            java.nio.file.Files.setOwner(java.nio.file.Path.of("/dev/shm", name),
                    java.nio.file.FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
            CliRun refused = CliRun.of("shm", "read", name);
            assertEquals(ExitCodes.ERROR, refused.exitCode(), refused.toString());
            assertTrue(refused.err().contains("access denied") && refused.err().contains("uid 65534")
                    && refused.err().contains("--accept-foreign-owner"), refused.toString());
            CliRun accepted = CliRun.of("--accept-foreign-owner", "shm", "read", name);
            assertEquals(ExitCodes.OK, accepted.exitCode(), accepted.toString());
            assertTrue(accepted.out().contains("theirs"), accepted.toString());
            CliRun again = CliRun.of("shm", "read", name);
            assertEquals(ExitCodes.ERROR, again.exitCode(), "the flag holds for its own command line only: " + again);
        } finally {
            ipc.removeSharedMemory(name);
        }
    }
}
