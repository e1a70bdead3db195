package io.ffmipc.linux;

import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.contract.ListingContract;

/** The listing contract on Linux: /dev/shm, /dev/mqueue, /proc/sysvipc, /tmp FIFOs and sockets, abstract sockets. */
class LinuxListingTest extends ListingContract {

    @Override
    protected IpcPlatform platform() {
        return Ipc.platform();
    }
}
