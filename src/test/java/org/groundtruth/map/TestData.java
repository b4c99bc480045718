package org.groundtruth.map;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where tests find the shared data (../shared/data beside the repository) and the committed maps/. */
public final class TestData {
    private TestData() {
    }

    public static Path shared(String relative) {
        Path path = Path.of("..", "shared", "data").resolve(relative);
        if (!Files.exists(path)) {
            throw new IllegalStateException("test data missing: " + path.toAbsolutePath() + " (clone /work/shared beside the repo)");
        }
        return path;
    }

    public static Path maps(String file) {
        Path path = Path.of("maps").resolve(file);
        if (!Files.exists(path)) {
            throw new IllegalStateException("maps/" + file + " missing; rebuild with the command in maps/README.md");
        }
        return path;
    }
}
