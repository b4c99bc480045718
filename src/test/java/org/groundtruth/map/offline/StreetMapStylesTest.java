package org.groundtruth.map.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.map.MapStyle;
import org.groundtruth.map.TestData;
import org.groundtruth.map.TileLoader;
import org.groundtruth.map.TileKey;
import org.groundtruth.map.TileSource;
import org.groundtruth.map.WebMercator;
import org.groundtruth.map.basemap.BasemapBuilder;
import org.groundtruth.map.basemap.BasemapRenderer;
import org.groundtruth.map.osm.OsmStore;
import org.groundtruth.map.osm.OsmTileSource;
import org.groundtruth.map.osm.PbfImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Moscow extract at street zoom, as the {@code .map} (mapsforge theme) and as the imported {@code .osm.pbf} (our
 * renderer), over the shipped basemap: the dark style is dark, the light one light, and one source asked for both
 * styles gives two different tiles that the tile loader keeps apart.
 */
class StreetMapStylesTest {
    private static final LatLon MOSCOW = new LatLon(55.82, 37.58);
    @TempDir
    Path dir;

    @Test
    void mapsforgeFileDrawsLightAndDark() throws Exception {
        try (BasemapRenderer basemap = BasemapRenderer.open(TestData.maps(BasemapBuilder.FILE_NAME));
                MapsforgeTileSource map = new MapsforgeTileSource(TestData.shared("osm/moscow-north.map"), "moscow",
                        MapStyle.LIGHT, "uk")) {
            assertStyles(List.of(basemap, map), map);
        }
    }

    @Test
    void importedExtractDrawsLightAndDark() throws Exception {
        Path store = dir.resolve("moscow" + OsmStore.EXTENSION);
        PbfImporter.importFile(TestData.shared("osm/moscow-north.osm.pbf"), store, ProgressMonitor.NONE);
        try (BasemapRenderer basemap = BasemapRenderer.open(TestData.maps(BasemapBuilder.FILE_NAME));
                OsmTileSource streets = new OsmTileSource(OsmStore.open(store), "moscow", MapStyle.LIGHT, false)) {
            assertStyles(List.of(basemap, streets), streets);
        }
    }

    private static void assertStyles(List<TileSource> layers, TileSource streets) throws Exception {
        BufferedImage light = ViewRenderer.render(layers, MOSCOW, 16, 768, 512, MapStyle.LIGHT);
        BufferedImage dark = ViewRenderer.render(layers, MOSCOW, 16, 768, 512, MapStyle.DARK);
        assertThat(luminance(dark)).as("dark view").isLessThan(70);
        assertThat(luminance(light)).as("light view").isGreaterThan(170);
        // the street map itself is styled, not only the basemap below it
        TileKey key = new TileKey(16, (int) (WebMercator.normX(MOSCOW.lon()) * 65536),
                (int) (WebMercator.normY(MOSCOW.lat()) * 65536));
        BufferedImage lightTile = streets.tile(key, MapStyle.LIGHT).orElseThrow();
        BufferedImage darkTile = streets.tile(key, MapStyle.DARK).orElseThrow();
        assertThat(luminance(darkTile)).isLessThan(luminance(lightTile) - 60);
        try (TileLoader loader = new TileLoader(1, 16)) {
            java.util.concurrent.CountDownLatch loaded = new java.util.concurrent.CountDownLatch(2);
            loader.get(streets, key, MapStyle.DARK, loaded::countDown);
            loader.get(streets, key, MapStyle.LIGHT, loaded::countDown);
            assertThat(loaded.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            BufferedImage cachedDark = loader.peek(streets, key, MapStyle.DARK).orElseThrow();
            BufferedImage cachedLight = loader.peek(streets, key, MapStyle.LIGHT).orElseThrow();
            assertThat(luminance(cachedDark)).as("the loader keys tiles on the style").isLessThan(luminance(cachedLight) - 60);
        }
    }

    /** Mean luminance of the drawn pixels (transparent ones left out). */
    static double luminance(BufferedImage image) {
        double sum = 0;
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getRGB(x, y);
                if (image.getColorModel().hasAlpha() && (argb >>> 24) < 128) {
                    continue;
                }
                sum += 0.2126 * ((argb >> 16) & 0xFF) + 0.7152 * ((argb >> 8) & 0xFF) + 0.0722 * (argb & 0xFF);
                count++;
            }
        }
        return count == 0 ? 0 : sum / count;
    }
}
