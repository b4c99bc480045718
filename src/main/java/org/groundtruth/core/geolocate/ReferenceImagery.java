package org.groundtruth.core.geolocate;

import java.io.IOException;
import java.util.Optional;

/**
 * A reference imagery layer as the matcher reads it: Web Mercator tiles of 256×256 ARGB pixels. The map's imagery
 * sources (GeoTIFF, MBTiles, GeoPackage, cached XYZ) provide it; implementations are safe to call from several threads.
 */
public interface ReferenceImagery {
    /** Identifies the layer's content for the feature cache (e.g. the file's SHA-256 or name, size and time). */
    String layerKey();

    /** What the custody log and the window call the layer. */
    String name();

    /** The deepest zoom with real detail. */
    int maxZoom();

    /** Where the layer has data. */
    SearchArea bounds();

    /**
     * The tile's pixels (row-major ARGB, 256×256), or empty where the layer has nothing.
     *
     * @throws IOException when it could not be read
     */
    Optional<int[]> tile(int zoom, int x, int y) throws IOException;
}
