package io.ffmipc.posix;

import io.ffmipc.PeerIdentity;
import io.ffmipc.spi.ObjectOwner;
import io.ffmipc.spi.ProcessSeam;

/** This process and its user on a POSIX system: the effective uid and gid, and start times for liveness. */
public final class PosixProcessSeam implements ProcessSeam {
    private final PosixLibrary lib;
    private final PeerIdentity current;
    private final ObjectOwner user;

    public PosixProcessSeam(PosixLibrary lib) {
        this.lib = lib;
        long uid = Integer.toUnsignedLong(lib.geteuid());
        this.current = new PeerIdentity(ProcessHandle.current().pid(), uid, Integer.toUnsignedLong(lib.getegid()));
        this.user = ObjectOwner.posix(uid);
    }

    @Override
    public PeerIdentity current() {
        return current;
    }

    @Override
    public ObjectOwner currentUser() {
        return user;
    }

    @Override
    public String describe(ObjectOwner owner) {
        String id = owner.id();
        if (id.startsWith("uid:")) {
            String name = lib.userName(Long.parseLong(id.substring(4)));
            if (name != null) {
                return owner.description() + " (" + name + ")";
            }
        }
        return owner.description();
    }

    @Override
    public long startKey(long pid) {
        return lib.processStartKey(pid);
    }
}
