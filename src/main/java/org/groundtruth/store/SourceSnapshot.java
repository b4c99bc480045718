package org.groundtruth.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Locale;
import java.util.Objects;

/** A file's size, modification time and identity (inode where the OS has one), to tell whether it changed. */
record SourceSnapshot(long sizeBytes, FileTime modified, Object fileKey) {
    static SourceSnapshot of(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return new SourceSnapshot(a.size(), a.lastModifiedTime(), a.fileKey());
    }

    /** Throws {@link SourceChangedException} naming {@code file} unless it is as it was and all of it was read. */
    void requireUnchanged(Path file, long bytesRead) throws IOException {
        SourceSnapshot now;
        try {
            now = of(file);
        } catch (NoSuchFileException e) {
            throw changed(file, "it was removed");
        }
        if (bytesRead != sizeBytes || now.sizeBytes != sizeBytes) {
            throw changed(file, String.format(Locale.ROOT, "%,d bytes when it was opened, %,d read, %,d now",
                    sizeBytes, bytesRead, now.sizeBytes));
        }
        if (!now.modified.equals(modified)) {
            throw changed(file, "it was modified at " + now.modified + " while being read");
        }
        if (!Objects.equals(now.fileKey, fileKey)) {
            throw changed(file, "it was replaced by another file");
        }
    }

    private static SourceChangedException changed(Path file, String how) {
        return new SourceChangedException(file + ": changed while it was being imported (" + how
                + "); nothing was stored. Import it again once it is complete");
    }
}
