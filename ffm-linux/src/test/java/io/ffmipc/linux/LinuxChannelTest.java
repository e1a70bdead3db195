package io.ffmipc.linux;

import io.ffmipc.ChannelOptions;
import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.NoSuchIpcObjectException;
import io.ffmipc.OpenMode;
import io.ffmipc.contract.ChannelContract;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The channel contract on Linux's shared memory and futex wait seam, plus the Linux wording of its errors. */
class LinuxChannelTest extends ChannelContract {

    @Override
    protected IpcPlatform platform() {
        return Ipc.platform();
    }

    /** The shm_open error underneath a missing channel, as Linux names it. */
    @Test
    void aMissingChannelNamesEnoent() {
        String name = newName();
        NoSuchIpcObjectException e = assertThrows(NoSuchIpcObjectException.class,
                () -> platform().channel(name, OpenMode.OPEN, ChannelOptions.defaults()));
        assertEquals("open channel '" + name + "' failed: ENOENT (2): No such file or directory — no channel with this"
                + " name (OpenMode.OPEN does not create)", e.getMessage());
    }
}
