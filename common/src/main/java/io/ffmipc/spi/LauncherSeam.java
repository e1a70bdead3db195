package io.ffmipc.spi;

import io.ffmipc.ChildProcess;

import java.nio.file.Path;
import java.util.List;

/**
 * The OS half of {@link io.ffmipc.ChildLauncher}: start a process that inherits exactly the given
 * handles ({@code posix_spawn} with file actions; {@code CreateProcessW} with a handle list), and
 * the text by which the child finds each. The builder, its checks and its bookkeeping are portable
 * ({@code io.ffmipc.core.SeamLauncher}).
 */
public interface LauncherSeam {

    /**
     * The token the child receives for the {@code index}-th handle it inherits (POSIX renumbers
     * inherited descriptors from 3 in the child; a Windows HANDLE keeps its value).
     */
    String token(int index, long handle);

    /**
     * The handle a token names, in a child that inherited it.
     *
     * @param what the kind of object, for the message of a malformed token ({@code "shared memory"})
     */
    long handleOf(String token, String what);

    /**
     * Starts {@code command}; the child inherits {@code handles} (under the same values) and
     * nothing else but its standard streams; output goes to the files, or is discarded where null.
     */
    ChildProcess spawn(List<String> command, long[] handles, Path stdout, Path stderr);
}
