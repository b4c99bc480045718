package org.groundtruth.map;

import java.nio.file.Path;
import org.groundtruth.core.BadInputException;

/** A map file (basemap, imagery, gazetteer) cannot be used; the message is one line naming the file. */
public class MapFileException extends BadInputException {
    private final Path file;

    public MapFileException(Path file, String problem) {
        super(file.getFileName() + ": " + problem + " (" + file.toAbsolutePath() + ")");
        this.file = file;
    }

    public MapFileException(Path file, String problem, Throwable cause) {
        super(file.getFileName() + ": " + oneLine(problem) + " (" + file.toAbsolutePath() + ")", cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }

    private static String oneLine(String text) {
        if (text == null) {
            return "unreadable";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
