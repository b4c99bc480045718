package org.groundtruth.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The files this process holds open (Linux {@code /proc/self/fd}), to check that a failed open released them. */
public final class OpenFiles {
    private static final Path FDS = Path.of("/proc/self/fd");

    private OpenFiles() {
    }

    public static boolean countable() {
        return Files.isDirectory(FDS);
    }

    /** How many descriptors point at {@code file} or its SQLite companions ({@code -wal}, {@code -shm}, {@code -journal}). */
    public static long of(Path file) {
        String name = file.toAbsolutePath().normalize().toString();
        try (Stream<Path> fds = Files.list(FDS)) {
            return fds.map(OpenFiles::target).filter(t -> t.equals(name) || t.startsWith(name + "-")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String target(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException e) {
            return ""; // closed while listing
        }
    }
}
