package org.groundtruth.store;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.Require;

/**
 * The imagery an investigator added to an investigation's map (reference GeoTIFFs, MBTiles, online layers), kept
 * in the investigation's folder so the map looks the same when it is opened again, on this laptop or another.
 * Written to a temp file and renamed: a killed process leaves the old list or the new one, never half.
 */
public final class SavedLayers {
    public static final String FILE = "map-layers.json";

    /** An imagery file by its path, or an online layer by its URL template. */
    public enum Kind { FILE, ONLINE }

    /** One layer, bottom to top in the list's order. */
    public record Layer(Kind kind, String location, boolean visible, double opacity) {
        public Layer {
            Require.present(kind, "kind");
            location = Require.nonBlank(location, "location", 10_000);
            if (!(opacity >= 0 && opacity <= 1)) {
                throw new IllegalArgumentException("opacity must be between 0 and 1, was " + opacity);
            }
        }
    }

    private SavedLayers() {
    }

    /** The saved list; empty when there is none. A file that does not parse is refused, naming it. */
    public static List<Layer> read(Path investigation) {
        Path file = investigation.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return List.copyOf(Json.mapper().readValue(file.toFile(), new TypeReference<List<Layer>>() { }));
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException(file + " is not a readable list of map layers: " + e.getMessage());
        }
    }

    public static void write(Path investigation, List<Layer> layers) {
        try {
            Path temp = Files.createTempFile(investigation, ".map-layers-", ".json");
            Files.writeString(temp, Json.pretty(layers));
            try {
                Files.move(temp, investigation.resolve(FILE), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, investigation.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the map layers of " + investigation + ": " + e.getMessage(), e);
        }
    }
}
