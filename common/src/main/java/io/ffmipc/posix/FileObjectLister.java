package io.ffmipc.posix;

import io.ffmipc.IpcObjectInfo;
import io.ffmipc.ObjectKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * The IPC objects a POSIX OS keeps as files in a directory every process sees, listed the same way
 * on every such OS: FIFOs (byte-stream pipes, every FIFO there, as the kernel does not record who
 * made it), socket files of message-pipe servers (a server of a portable name is listed by that
 * name), and the anchor files of robust mutexes ({@code .mutex.<name>}, with the System V key they
 * name). An entry removed while the directory is read is skipped; so is one this user cannot read.
 */
public final class FileObjectLister {
    private static final int TYPE_MASK = 0170000;
    private static final int FIFO_TYPE = 0010000;
    private static final int SOCKET_TYPE = 0140000;

    private FileObjectLister() {
    }

    /** FIFOs and socket files in {@code dir}; {@code owner} names a uid. */
    public static void pipes(Path dir, IntFunction<String> owner, List<IpcObjectInfo> out) {
        for (Path p : entries(dir)) {
            Map<String, Object> a = attributes(p);
            if (a == null) {
                continue;
            }
            int mode = (Integer) a.get("mode");
            String file = p.getFileName().toString();
            if ((mode & TYPE_MASK) == FIFO_TYPE) {
                out.add(new IpcObjectInfo(ObjectKind.STREAM_PIPE, file, -1, owner.apply((Integer) a.get("uid")),
                        mode & 0777, -1, p.toString()));
            } else if ((mode & TYPE_MASK) == SOCKET_TYPE) {
                // A server listening at a path (or one that died without removing it).
                String name = file.startsWith(UnixAddress.PREFIX) ? file.substring(UnixAddress.PREFIX.length()) : file;
                out.add(new IpcObjectInfo(ObjectKind.MESSAGE_PIPE, name, -1, owner.apply((Integer) a.get("uid")),
                        mode & 0777, -1, "socket file " + p));
            }
        }
    }

    /** The robust mutexes whose anchor files are in {@code dir}. */
    public static void mutexAnchors(PosixLibrary lib, Path dir, IntFunction<String> owner, List<IpcObjectInfo> out) {
        for (Path p : entries(dir)) {
            if (!p.getFileName().toString().startsWith(PosixMutexSeams.ANCHOR_PREFIX)) {
                continue;
            }
            Map<String, Object> a = attributes(p);
            if (a != null && ((Integer) a.get("mode") & TYPE_MASK) == 0100000) {
                out.add(anchor(lib, p, owner.apply((Integer) a.get("uid")), (Integer) a.get("mode") & 0777));
            }
        }
    }

    /** The row of one mutex anchor file: the mutex's name and the key of its semaphore set. */
    public static IpcObjectInfo anchor(PosixLibrary lib, Path file, String owner, int mode) {
        String name = file.getFileName().toString().substring(PosixMutexSeams.ANCHOR_PREFIX.length());
        OptionalInt key = KeyAnchor.readKey(lib, file.toString());
        return new IpcObjectInfo(ObjectKind.MUTEX, name, -1, owner, mode, -1,
                key.isPresent() ? String.format("sysv-sem key=0x%08x", key.getAsInt()) : "anchor without a key");
    }

    private static List<Path> entries(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** Mode and owner without following a link; null if the entry went away or cannot be read. */
    private static Map<String, Object> attributes(Path p) {
        try {
            return Files.readAttributes(p, "unix:mode,uid", LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException | AccessDeniedException gone) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }
}
