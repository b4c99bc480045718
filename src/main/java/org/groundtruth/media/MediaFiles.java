package org.groundtruth.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks on input files before a library sees them, so errors name the problem plainly. */
public final class MediaFiles {
    private MediaFiles() {
    }

    /** Throws {@link MediaFormatException} when the file is missing, a directory, unreadable or empty. */
    public static long requireReadable(Path file) {
        if (!Files.exists(file)) {
            throw new MediaFormatException("no such file");
        }
        if (Files.isDirectory(file)) {
            throw new MediaFormatException("is a directory, not a file");
        }
        if (!Files.isReadable(file)) {
            throw new MediaFormatException("cannot be read (permission denied)");
        }
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw new MediaFormatException("is empty (0 bytes)");
            }
            return size;
        } catch (IOException e) {
            throw new MediaFormatException("cannot be read (" + MediaErrors.describe(e) + ")", e);
        }
    }

    /** The first {@code max} bytes (fewer for a short file). */
    public static byte[] head(Path file, int max) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(max);
        } catch (IOException e) {
            throw new MediaFormatException("cannot be read (" + MediaErrors.describe(e) + ")", e);
        }
    }
}
