package org.groundtruth.map;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Optional;

/**
 * Anything that gives 256×256 Web Mercator tiles: the offline basemap, an MBTiles or GeoPackage file, a GeoTIFF,
 * an online XYZ service. Implementations are safe to call from several loader threads at once.
 */
public interface TileSource extends AutoCloseable {
    /** What the layer panel shows. */
    String name();

    /** The credit line the map shows while this layer is visible. */
    String attribution();

    int minZoom();

    int maxZoom();

    /** Where this source has data; the map zooms there when the layer is added. */
    GeoBox bounds();

    /**
     * The tile, or empty when the source has nothing there (drawn as transparent).
     *
     * @throws IOException when it could not be read now but might be later (network, busy file): retried with backoff
     */
    Optional<BufferedImage> tile(TileKey key) throws IOException;

    /**
     * The tile drawn in the light or dark map style. Sources drawn from vector data (the basemap, {@code .map} files,
     * imported extracts) override this; imagery is the same photograph in both and keeps this default.
     */
    default Optional<BufferedImage> tile(TileKey key, MapStyle style) throws IOException {
        return tile(key);
    }

    @Override
    void close();
}
