package org.groundtruth.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.groundtruth.core.BadInputException;
import org.groundtruth.media.MediaFormatException;

/** The media commands' input and output checks, each failure one line naming the file. */
final class MediaInput {
    private MediaInput() {
    }

    static BadInputException badInput(Path file, MediaFormatException e) {
        return new BadInputException(file + ": " + e.getMessage(), e);
    }

    /** The folder an output file goes into must exist: creating folders silently hides typos. */
    static void requireOutputFolder(Path out) {
        Path parent = out.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new BadInputException(out + ": folder " + parent + " does not exist");
        }
        if (Files.isDirectory(out)) {
            throw new BadInputException(out + ": is a folder; give a file name ending in .png");
        }
    }
}
