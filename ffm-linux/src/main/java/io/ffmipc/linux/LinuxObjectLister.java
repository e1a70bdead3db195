package io.ffmipc.linux;

import io.ffmipc.ObjectKind;
import io.ffmipc.core.StoredNames;
import io.ffmipc.linux.ffi.LibC;
import io.ffmipc.linux.ffi.Users;
import io.ffmipc.posix.FileObjectLister;
import io.ffmipc.posix.PosixMutexSeams;
import io.ffmipc.IpcObjectInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The IPC objects visible on this machine: POSIX shared memory and semaphores as files in
 * {@code /dev/shm} (glibc names a semaphore {@code sem.<name>}), robust mutexes by their anchor
 * files there ({@code .mutex.<name>}), System V shared memory, semaphore
 * sets and message queues from the kernel's tables in {@code /proc/sysvipc}. The tables are read
 * by their header's column names, since their column order is the kernel's to change. Named pipes
 * come from {@link PipeLister}.
 */
final class LinuxObjectLister {
    static final String SEMAPHORE_PREFIX = "sem.";

    private final Path shmDir;
    private final Path mqueueDir;
    private final Path sysvipcDir;
    private final Path passwd;
    /** Null in the test listings over other directories. */
    private final PipeLister pipes;

    LinuxObjectLister() {
        this(Path.of("/dev/shm"), Path.of("/dev/mqueue"), Path.of("/proc/sysvipc"), Path.of("/etc/passwd"),
                new PipeLister(LinuxSeams.PIPE_DIRECTORY, Path.of("/proc/net/unix")));
    }

    /** For tests: the same listing over other directories, without POSIX message queues. */
    LinuxObjectLister(Path shmDir, Path sysvipcDir, Path passwd) {
        this(shmDir, null, sysvipcDir, passwd);
    }

    /**
     * For tests: the same listing over other directories. {@code mqueueDir} is where the mqueue file
     * system is mounted (null or missing: POSIX queues are not listed, as the kernel offers no other
     * way to enumerate them).
     */
    LinuxObjectLister(Path shmDir, Path mqueueDir, Path sysvipcDir, Path passwd) {
        this(shmDir, mqueueDir, sysvipcDir, passwd, null);
    }

    LinuxObjectLister(Path shmDir, Path mqueueDir, Path sysvipcDir, Path passwd, PipeLister pipes) {
        this.pipes = pipes;
        this.shmDir = shmDir;
        this.mqueueDir = mqueueDir;
        this.sysvipcDir = sysvipcDir;
        this.passwd = passwd;
    }

    List<IpcObjectInfo> list() {
        Map<Integer, String> users = Users.names(passwd);
        List<IpcObjectInfo> out = new ArrayList<>();
        listPosix(users, out);
        listMessageQueues(users, out);
        listSysV("shm", users, out);
        listSysV("sem", users, out);
        listSysV("msg", users, out);
        if (pipes != null) {
            pipes.list(uid -> owner(users, uid), out);
        }
        out.sort(Comparator.comparing(IpcObjectInfo::kind).thenComparing(IpcObjectInfo::name));
        return out;
    }

    private void listPosix(Map<Integer, String> users, List<IpcObjectInfo> out) {
        if (!Files.isDirectory(shmDir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(shmDir)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                String file = p.getFileName().toString();
                Map<String, Object> a;
                try {
                    a = Files.readAttributes(p, "unix:mode,uid,size,isRegularFile", LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException gone) {
                    continue; // removed while we listed
                }
                if (!Boolean.TRUE.equals(a.get("isRegularFile"))) {
                    continue;
                }
                String owner = owner(users, (Integer) a.get("uid"));
                int mode = (Integer) a.get("mode") & 0777;
                long size = (Long) a.get("size");
                if (file.startsWith(PosixMutexSeams.ANCHOR_PREFIX)) {
                    out.add(FileObjectLister.anchor(LibC.INSTANCE, p, owner, mode));
                } else if (file.startsWith(SEMAPHORE_PREFIX)) {
                    out.add(new IpcObjectInfo(ObjectKind.SEMAPHORE, file.substring(SEMAPHORE_PREFIX.length()), -1, owner,
                            mode, -1, ""));
                } else {
                    StoredNames.Found f = StoredNames.classify(file);
                    out.add(new IpcObjectInfo(f.kind(), f.name(), -1, owner, mode, size, ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + shmDir, e);
        }
    }

    /**
     * POSIX message queues: each is a file in the mqueue file system whose content is a line such
     * as {@code QSIZE:42 NOTIFY:0 SIGNO:0 NOTIFY_PID:0}; QSIZE is the bytes queued.
     */
    private void listMessageQueues(Map<Integer, String> users, List<IpcObjectInfo> out) {
        if (mqueueDir == null || !Files.isDirectory(mqueueDir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(mqueueDir)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                Map<String, Object> a;
                String content;
                try {
                    a = Files.readAttributes(p, "unix:mode,uid,isRegularFile", LinkOption.NOFOLLOW_LINKS);
                    if (!Boolean.TRUE.equals(a.get("isRegularFile"))) {
                        continue;
                    }
                    content = Files.readString(p);
                } catch (NoSuchFileException gone) {
                    continue; // removed while we listed
                } catch (java.nio.file.AccessDeniedException unreadable) {
                    content = "";
                    a = Files.readAttributes(p, "unix:mode,uid", LinkOption.NOFOLLOW_LINKS);
                }
                out.add(new IpcObjectInfo(ObjectKind.MESSAGE_QUEUE, p.getFileName().toString(), -1, owner(users, (Integer) a.get("uid")),
                        (Integer) a.get("mode") & 0777, queuedBytes(content), content.trim().replaceAll("\\s+", " ")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + mqueueDir, e);
        }
    }

    /** QSIZE from a queue file's content, -1 if absent. */
    static long queuedBytes(String content) {
        for (String field : content.trim().split("\\s+")) {
            if (field.startsWith("QSIZE:")) {
                try {
                    return Long.parseLong(field.substring("QSIZE:".length()));
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    private void listSysV(String table, Map<Integer, String> users, List<IpcObjectInfo> out) {
        Path file = sysvipcDir.resolve(table);
        if (!Files.isReadable(file)) {
            return;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (lines.isEmpty()) {
            return;
        }
        Table t = new Table(file, lines.get(0));
        String idColumn = switch (table) {
            case "shm" -> "shmid";
            case "sem" -> "semid";
            default -> "msqid";
        };
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            Row r = t.row(line);
            int rawMode = Integer.parseInt(r.get("perms"), 8);
            String key = String.format("0x%08x", (int) Long.parseLong(r.get("key")));
            String owner = owner(users, (int) Long.parseLong(r.get("uid")));
            long id = Long.parseLong(r.get(idColumn));
            switch (table) {
                case "shm" -> out.add(new IpcObjectInfo(ObjectKind.SYSV_SHARED_MEMORY, key, id, owner, rawMode & 0777,
                        Long.parseLong(r.get("size")), "nattch=" + r.get("nattch") + " cpid=" + r.get("cpid")
                        + " lpid=" + r.get("lpid") + ((rawMode & 01000) != 0 ? " removed" : "")));
                case "sem" -> out.add(new IpcObjectInfo(ObjectKind.SYSV_SEMAPHORE_SET, key, id, owner, rawMode & 0777,
                        Long.parseLong(r.get("nsems")), "nsems=" + r.get("nsems")));
                default -> out.add(new IpcObjectInfo(ObjectKind.SYSV_MESSAGE_QUEUE, key, id, owner, rawMode & 0777,
                        Long.parseLong(r.get("cbytes")), "qnum=" + r.get("qnum") + " lspid=" + r.get("lspid")
                        + " lrpid=" + r.get("lrpid")));
            }
        }
    }

    /** A /proc/sysvipc table's columns, by the names in its header line. */
    private record Table(Path file, Map<String, Integer> columns) {
        Table(Path file, String header) {
            this(file, indexColumns(header));
        }

        private static Map<String, Integer> indexColumns(String header) {
            String[] names = header.trim().split("\\s+");
            Map<String, Integer> m = new HashMap<>();
            for (int i = 0; i < names.length; i++) {
                m.put(names[i], i);
            }
            return m;
        }

        Row row(String line) {
            return new Row(this, line.trim().split("\\s+"));
        }
    }

    private record Row(Table table, String[] fields) {
        String get(String column) {
            Integer i = table.columns().get(column);
            if (i == null || i >= fields.length) {
                throw new IllegalStateException(table.file() + " has no column '" + column + "' (header columns: "
                        + table.columns().keySet() + ")");
            }
            return fields[i];
        }
    }

    private static String owner(Map<Integer, String> users, int uid) {
        return users.getOrDefault(uid, Integer.toString(uid));
    }
}
