package io.ffmipc.windows;

import io.ffmipc.PeerIdentity;
import io.ffmipc.ffi.NativeBinder;
import io.ffmipc.spi.ObjectOwner;
import io.ffmipc.spi.ProcessSeam;
import io.ffmipc.windows.ffi.Kernel32;
import io.ffmipc.windows.ffi.Kernel32Abi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * This process and its user on Windows: the pid, the token user's SID as the owner of what it
 * creates (uid and gid are -1: Windows has none), and process creation times for liveness.
 */
final class WindowsProcessSeam implements ProcessSeam {
    private final Security security;
    private final PeerIdentity current;

    WindowsProcessSeam(Security security) {
        this.security = security;
        this.current = new PeerIdentity(Integer.toUnsignedLong(Kernel32.getCurrentProcessId()), -1, -1);
    }

    @Override
    public PeerIdentity current() {
        return current;
    }

    @Override
    public ObjectOwner currentUser() {
        return security.user();
    }

    /** {@code S-1-5-21-… (DESKTOP-1\alice)}. */
    @Override
    public String describe(ObjectOwner owner) {
        String sid = Security.sidOf(owner);
        String account = sid == null ? null : Security.accountName(sid);
        return account == null ? owner.description() : owner.description() + " (" + account + ")";
    }

    /**
     * The process's creation time (GetProcessTimes, the same for every process that asks) in
     * milliseconds, masked to 31 bits; 0 if it does not run. Liveness is asked by waiting on the
     * process handle: an exit code of STILL_ACTIVE could be a real exit code.
     */
    @Override
    public long startKey(long pid) {
        if (pid <= 0 || pid > 0xFFFF_FFFFL) {
            return 0;
        }
        MemorySegment st = NativeBinder.callState();
        int access = Kernel32Abi.PROCESS_QUERY_LIMITED_INFORMATION.intValue() | Kernel32Abi.SYNCHRONIZE.intValue();
        MemorySegment process = Kernel32.openProcess(st, access, Win32.FALSE, (int) pid);
        if (Win32.failed(process)) {
            return 0;
        }
        try (Arena a = Arena.ofConfined()) {
            if (Kernel32.waitForSingleObject(st, process, 0) != Win32.WAIT_TIMEOUT) {
                return 0; // ended (its handle may outlive it)
            }
            MemorySegment created = a.allocate(Kernel32Abi.FILETIME.layout());
            MemorySegment other = a.allocate(Kernel32Abi.FILETIME.layout());
            if (Kernel32.getProcessTimes(st, process, created, other, other, other) == 0) {
                return 0;
            }
            return startKeyOf(created.get(ValueLayout.JAVA_LONG_UNALIGNED, 0));
        } finally {
            Win32.closeQuietly(process);
        }
    }

    /** A creation FILETIME (100 ns ticks since 1601) as a start key: milliseconds, 31 bits, never 0. */
    static long startKeyOf(long filetime) {
        long key = (filetime / 10_000L) & 0x7FFF_FFFFL;
        return key == 0 ? 1 : key;
    }
}
