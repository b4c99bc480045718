package org.groundtruth.map;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the shipped {@code maps/} folder: the {@code groundtruth.maps.dir} system property if set, else
 * {@code maps/} in the working directory (so {@code mvn javafx:run} and {@code java -jar target/groundtruth.jar}
 * from the repository root work), else {@code maps/} beside the jar or one level above it (target/..),
 * which covers a jar run from anywhere and a packaged app that puts maps/ next to its jar.
 */
public final class MapsDirectory {
    public static final String PROPERTY = "groundtruth.maps.dir";
    /** The shipped basemap's file name in the folder; its presence marks the folder. */
    public static final String BASEMAP = "basemap.sqlite";

    private MapsDirectory() {
    }

    public static Optional<Path> locate() {
        for (Path candidate : candidates()) {
            if (Files.isRegularFile(candidate.resolve(BASEMAP))) {
                return Optional.of(candidate.toAbsolutePath().normalize());
            }
        }
        return Optional.empty();
    }

    /** Where {@link #locate()} looks, in order; for the error message when nothing is found. */
    public static List<Path> candidates() {
        List<Path> candidates = new ArrayList<>();
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            candidates.add(Path.of(property));
        }
        candidates.add(Path.of("maps"));
        codeLocation().ifPresent(code -> {
            Path folder = Files.isDirectory(code) ? code : code.getParent();
            if (folder != null) {
                candidates.add(folder.resolve("maps"));
                if (folder.getParent() != null) {
                    candidates.add(folder.getParent().resolve("maps"));
                }
            }
        });
        return candidates;
    }

    private static Optional<Path> codeLocation() {
        try {
            var source = MapsDirectory.class.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
