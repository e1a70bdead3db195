package io.ffmipc;

/**
 * Who is at the other end of a message pipe, as the OS vouches for it (not as the peer claims):
 * Linux {@code SO_PEERCRED}, macOS {@code LOCAL_PEERCRED}/{@code LOCAL_PEERPID}, Windows
 * {@code GetNamedPipeClientProcessId}/{@code GetNamedPipeServerProcessId} (uid and gid there are -1;
 * the user is checked through the pipe's DACL instead).
 *
 * @param pid the peer's process id when it connected (client) or started listening (server)
 * @param uid its effective user id
 * @param gid its effective group id
 */
public record PeerIdentity(long pid, long uid, long gid) {
    @Override
    public String toString() {
        return "pid=" + pid + " uid=" + uid + " gid=" + gid;
    }
}
