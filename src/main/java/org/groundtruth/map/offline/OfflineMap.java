package org.groundtruth.map.offline;

import java.nio.file.Path;
import java.time.Instant;
import org.groundtruth.core.Require;
import org.groundtruth.map.GeoBox;

/**
 * An offline map in the user's maps folder: its name (the file name without extension), format, file, coverage,
 * zoom range, the date of its OpenStreetMap data, and size in bytes.
 */
public record OfflineMap(String name, Format format, Path file, GeoBox bounds, int minZoom, int maxZoom, Instant dataDate,
        long sizeBytes) {
    public OfflineMap {
        Require.nonBlank(name, "map name", 200);
        Require.present(format, "format");
        Require.present(file, "file");
        Require.present(bounds, "bounds");
        Require.present(dataDate, "data date");
        Require.nonNegative(sizeBytes, "size");
    }

    /** A mapsforge {@code .map} (drawn by mapsforge) or an imported {@code .osm.pbf} (drawn by the street renderer, searchable). */
    public enum Format {
        MAPSFORGE("mapsforge"), OSM_PBF("osm-pbf");

        public final String key;

        Format(String key) {
            this.key = key;
        }
    }
}
