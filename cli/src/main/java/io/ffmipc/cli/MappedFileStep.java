package io.ffmipc.cli;

import io.ffmipc.Capability;
import io.ffmipc.ChildLauncher;
import io.ffmipc.IpcPlatform;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.SharedMemory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A file mapped into both processes. */
final class MappedFileStep extends TourStep {
    private static final long SIZE = 4096;
    private Path file;
    private SharedMemory memory;

    @Override
    String id() {
        return "file";
    }

    @Override
    String title() {
        return "mapped file";
    }

    @Override
    List<Capability> capabilities() {
        return List.of(Capability.MAPPED_FILE);
    }

    @Override
    String prepare(Tour tour, ChildLauncher launcher) {
        file = Path.of(System.getProperty("java.io.tmpdir"), tour.name("file") + ".map").toAbsolutePath();
        memory = tour.platform().mapFile(file, OpenMode.CREATE, SIZE, Permissions.OWNER_ONLY);
        return file.toString();
    }

    @Override
    String run(Tour tour) {
        return file + ", " + memory.size() + " bytes: " + ShmExchange.parent(memory.segment(), tour.settings());
    }

    @Override
    void cleanup(Tour tour) {
        if (memory != null) {
            memory.close();
        }
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + file, e);
            }
        }
    }

    @Override
    void peer(IpcPlatform platform, String argument, TourSettings settings) {
        try (SharedMemory m = platform.mapFile(Path.of(argument), OpenMode.OPEN, SIZE, Permissions.OWNER_ONLY)) {
            ShmExchange.peer(m.segment(), settings);
        }
    }
}
