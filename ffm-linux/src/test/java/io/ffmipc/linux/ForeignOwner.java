package io.ffmipc.linux;

import io.ffmipc.IpcAccessDeniedException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Makes an object this test created look as if another user had created it first: its file is
 * handed to uid 65534 ({@code nobody}), which only root may do. The kernel then reports that
 * owner exactly as for an object the other user made, so the owner check meets a real foreign owner.
 */
final class ForeignOwner {
    static final int UID = 65534;
    static final String WHY_NOT = "handing a file to another user needs root (CAP_CHOWN)";

    private ForeignOwner() {
    }

    static boolean canChown() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Gives {@code file} (never a link) to uid {@value #UID}. */
    static void give(Path file) throws IOException {
        Files.setAttribute(file, "unix:uid", UID, LinkOption.NOFOLLOW_LINKS);
    }

    /** The refusal names the object, the owner and the way to accept it. */
    static void assertNamed(IpcAccessDeniedException e, String name) {
        String m = e.getMessage();
        assertTrue(m.contains(name) && m.contains("uid " + UID) && m.contains("acceptingForeignOwner"), m);
    }
}
