package org.groundtruth.map.imagery;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.groundtruth.core.geolocate.ReferenceImagery;
import org.groundtruth.core.geolocate.SearchArea;
import org.groundtruth.map.GeoBox;
import org.groundtruth.map.MapFileException;
import org.groundtruth.map.TileKey;
import org.groundtruth.map.TileSource;

/**
 * Any of the map's imagery sources (GeoTIFF, MBTiles, GeoPackage tiles, cached XYZ) as reference imagery for image
 * matching: tiles as ARGB pixels, the finest zoom with real detail, and a key naming the content for the feature cache.
 */
public final class ReferenceLayer implements ReferenceImagery, AutoCloseable {
    private final TileSource source;
    private final String key;
    private final int maxZoom;

    public ReferenceLayer(TileSource source, String key) {
        this.source = source;
        this.key = key;
        this.maxZoom = source instanceof GeoTiffSource g ? Math.min(source.maxZoom(), g.nativeZoom()) : source.maxZoom();
    }

    /**
     * Opens an imagery file as a reference layer; its cache key is its name, size and modification time.
     *
     * @throws MapFileException one line naming the file when it is missing, corrupt or not imagery
     */
    public static ReferenceLayer open(Path file) {
        TileSource source = ImageryFiles.open(file);
        try {
            String key = file.getFileName() + ":" + Files.size(file) + ":" + Files.getLastModifiedTime(file).toMillis();
            return new ReferenceLayer(source, key);
        } catch (IOException e) {
            source.close();
            throw new MapFileException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    @Override
    public String layerKey() {
        return key;
    }

    @Override
    public String name() {
        return source.name();
    }

    @Override
    public int maxZoom() {
        return maxZoom;
    }

    @Override
    public SearchArea bounds() {
        GeoBox b = source.bounds();
        return new SearchArea(b.west(), Math.max(-85.05, b.south()), b.east(), Math.min(85.05, b.north()));
    }

    @Override
    public Optional<int[]> tile(int zoom, int x, int y) throws IOException {
        if (zoom < source.minZoom() || zoom > source.maxZoom()) {
            return Optional.empty();
        }
        Optional<BufferedImage> tile = source.tile(new TileKey(zoom, x, y));
        if (tile.isEmpty()) {
            return Optional.empty();
        }
        BufferedImage image = tile.get();
        int size = org.groundtruth.core.geolocate.MercatorPixels.TILE_SIZE;
        if (image.getWidth() != size || image.getHeight() != size) {
            return Optional.empty();
        }
        return Optional.of(image.getRGB(0, 0, size, size, null, 0, size));
    }

    @Override
    public void close() {
        source.close();
    }
}
