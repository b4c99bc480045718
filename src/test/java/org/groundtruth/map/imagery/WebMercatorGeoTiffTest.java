package org.groundtruth.map.imagery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.apache.sis.coverage.grid.GridExtent;
import org.apache.sis.coverage.grid.GridGeometry;
import org.apache.sis.coverage.grid.GridOrientation;
import org.apache.sis.geometry.GeneralEnvelope;
import org.apache.sis.referencing.CRS;
import org.apache.sis.storage.DataStores;
import org.apache.sis.storage.StorageConnector;
import org.apache.sis.storage.geotiff.GeoTiffStore;
import org.groundtruth.map.TestData;
import org.groundtruth.map.TileKey;
import org.groundtruth.map.TileSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GeoTIFF in EPSG:3857: one Blue Marble tile written by Apache SIS with its Web Mercator georeferencing must come
 * back as the same tile.
 */
class WebMercatorGeoTiffTest {
    private static final double HALF_WORLD = 20037508.342789244;

    @Test
    void epsg3857GeoTiffLinesUpWithTheTileGrid(@TempDir Path dir) throws Exception {
        TileKey key = new TileKey(4, 9, 5);
        BufferedImage original;
        try (TileSource mbtiles = ImageryFiles.open(TestData.shared("imagery/bluemarble-z0-4.mbtiles"))) {
            original = mbtiles.tile(key).orElseThrow();
        }
        BufferedImage rgb = new BufferedImage(256, 256, BufferedImage.TYPE_3BYTE_BGR);
        rgb.createGraphics().drawImage(original, 0, 0, null);
        double tile = 2 * HALF_WORLD / 16;
        GeneralEnvelope envelope = new GeneralEnvelope(CRS.forCode("EPSG:3857"));
        envelope.setRange(0, -HALF_WORLD + key.x() * tile, -HALF_WORLD + (key.x() + 1) * tile);
        envelope.setRange(1, HALF_WORLD - (key.y() + 1) * tile, HALF_WORLD - key.y() * tile);
        GridGeometry grid = new GridGeometry(new GridExtent(256, 256), envelope, GridOrientation.REFLECTION_Y);
        Path tiff = dir.resolve("mercator.tif");
        try (GeoTiffStore store = (GeoTiffStore) DataStores.openWritable(new StorageConnector(tiff), "GeoTIFF")) {
            store.append(rgb, grid, null);
        }
        try (TileSource source = ImageryFiles.open(tiff)) {
            assertThat(source).isInstanceOf(GeoTiffSource.class);
            assertThat(source.bounds().west()).isCloseTo(22.5, within(1e-6));
            assertThat(source.bounds().east()).isCloseTo(45, within(1e-6));
            BufferedImage back = source.tile(key).orElseThrow();
            assertThat(ImageryFilesTest.meanDifference(back, original)).isLessThan(1.0);
        }
    }
}
