package io.ffmipc.linux;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.contract.CrossUserContract;
import io.ffmipc.contract.CrossUserPeer;
import io.ffmipc.testkit.ChildJvm;
import io.ffmipc.testkit.OtherUser;

import java.time.Duration;


/** The cross-user contract on Linux: the other user is uid 65534 ({@code nobody}), through setpriv. */
class LinuxCrossUserTest extends CrossUserContract {

    @Override
    protected IpcPlatform platform() {
        return Ipc.platform();
    }

    @Override
    protected Outcome asOtherUser(String... args) {
        OtherUser.assumeAvailable();
        try (ChildJvm child = OtherUser.jvm(CrossUserPeer.class, args)) {
            int code = child.waitFor(Duration.ofMinutes(1));
            return new Outcome(code, child.output());
        }
    }

    @Override
    protected String otherUser() {
        return "uid 65534 (nobody)";
    }

    @Override
    protected String thisUser() {
        return "uid 0 (root)";
    }
}
