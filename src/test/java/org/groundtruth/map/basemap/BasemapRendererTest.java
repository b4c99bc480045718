package org.groundtruth.map.basemap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.map.MapFileException;
import org.groundtruth.map.TestData;
import org.groundtruth.map.TileKey;
import org.groundtruth.map.WebMercator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped maps/basemap.sqlite, drawn: sea is sea, land is land, labels are there, Crimea is not cut off. */
class BasemapRendererTest {
    private static BasemapRenderer renderer;

    @BeforeAll
    static void open() {
        renderer = BasemapRenderer.open(TestData.maps(BasemapBuilder.FILE_NAME));
    }

    @AfterAll
    static void close() {
        renderer.close();
    }

    @Test
    void blackSeaIsWaterAndTheSteppeIsLand() {
        assertThat(colourAt(new LatLon(43.5, 34.0), 8)).isEqualTo(BasemapStyle.OCEAN.getRGB());
        assertThat(colourAt(new LatLon(47.3, 34.6), 8)).isEqualTo(BasemapStyle.LAND.getRGB());
        assertThat(colourAt(new LatLon(0, -30), 3)).isEqualTo(BasemapStyle.OCEAN.getRGB());
    }

    @Test
    void landCutIntoGridCellsShowsNoSeamWherePiecesMeet() {
        // West of Kyiv two land pieces meet on a grid line near 50.3327 N; anti-aliased edges left a faint sea line.
        LatLon onTheLine = new LatLon(50.3327, 30.04);
        TileKey key = tileAt(onTheLine, 10);
        double world = WebMercator.worldSize(10);
        int x = (int) (WebMercator.normX(onTheLine.lon()) * world) - key.x() * 256;
        int y = (int) (WebMercator.normY(onTheLine.lat()) * world) - key.y() * 256;
        BufferedImage tile = renderer.tile(key).orElseThrow();
        for (int row = Math.max(0, y - 3); row <= Math.min(255, y + 3); row++) {
            assertThat(tile.getRGB(x, row)).as("row %d of %s", row, key).isEqualTo(BasemapStyle.LAND.getRGB());
        }
    }

    @Test
    void cityCentresAreCityNotRiverAtStreetZooms() {
        // Issue 14: at zoom 13 the coarse Dnipro polygon covered central Kherson, so a correct pin looked "in the river".
        for (LatLon city : new LatLon[] {new LatLon(46.655, 32.60), new LatLon(46.645, 32.565), new LatLon(50.47, 30.49),
            new LatLon(49.70, 37.64)}) {
            for (int zoom = 10; zoom <= 14; zoom++) {
                assertThat(colourAt(city, zoom)).as("%s at zoom %d", city, zoom).isNotEqualTo(BasemapStyle.OCEAN.getRGB());
            }
            for (int zoom = 11; zoom <= 14; zoom++) {
                assertThat(colourAt(city, zoom)).as("urban area at %s, zoom %d", city, zoom)
                        .isEqualTo(BasemapStyle.URBAN.getRGB());
            }
        }
    }

    @Test
    void everyZoomBandRendersAFullOpaqueTile() {
        for (int zoom : new int[] {0, 2, 5, 7, 9, 11, 14, 16}) {
            BufferedImage tile = renderer.render(tileAt(new LatLon(46.6354, 32.6169), zoom));
            assertThat(tile.getWidth()).isEqualTo(256);
            assertThat(new Color(tile.getRGB(128, 128), true).getAlpha()).as("zoom %d", zoom).isEqualTo(255);
        }
    }

    @Test
    void khersonTileAtZoom8CarriesPlaceLabels() {
        BufferedImage tile = renderer.render(tileAt(new LatLon(46.6354, 32.6169), 8));
        long dark = 0;
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                Color c = new Color(tile.getRGB(x, y));
                if (c.getRed() + c.getGreen() + c.getBlue() < 300) {
                    dark++;
                }
            }
        }
        assertThat(dark).as("label text pixels").isGreaterThan(30);
    }

    @Test
    void perekopIsthmusCarriesNoInternationalBoundary() throws Exception {
        // UNGA 68/262: Crimea is Ukraine. Natural Earth's Russia|Ukraine line there must not be in the basemap.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + TestData.maps(BasemapBuilder.FILE_NAME));
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT count(*) FROM idx_2 i JOIN feature f ON f.id = i.id WHERE f.layer = "
                                + BasemapLayer.ADMIN0_LINE.ordinal()
                                + " AND i.minx <= 34.5 AND i.maxx >= 33.4 AND i.miny <= 46.2 AND i.maxy >= 45.9")) {
            assertThat(rs.getInt(1)).isZero();
        }
        assertThat(BasemapBuilder.isCrimeaLine("Russia", "Ukraine",
                new org.locationtech.jts.geom.Envelope(33.6, 35.0, 45.7, 46.2))).isTrue();
        assertThat(BasemapBuilder.isCrimeaLine("Russia", "Ukraine",
                new org.locationtech.jts.geom.Envelope(31.7, 40.2, 47.1, 52.4))).isFalse();
    }

    @Test
    void aMissingBasemapIsNamedInTheError(@TempDir Path dir) {
        Path missing = dir.resolve("basemap.sqlite");
        assertThatThrownBy(() -> BasemapRenderer.open(missing))
                .isInstanceOf(MapFileException.class)
                .hasMessageStartingWith("basemap.sqlite: basemap not found");
    }

    @Test
    void aFileThatIsNotABasemapIsRefused(@TempDir Path dir) throws Exception {
        Path garbage = dir.resolve("basemap.sqlite");
        Files.write(garbage, "this is not sqlite at all, just some bytes".repeat(100).getBytes());
        assertThatThrownBy(() -> BasemapRenderer.open(garbage))
                .isInstanceOf(MapFileException.class)
                .hasMessageContaining("basemap.sqlite")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private static int colourAt(LatLon p, int zoom) {
        TileKey key = tileAt(p, zoom);
        double world = WebMercator.worldSize(zoom);
        int x = (int) (WebMercator.normX(p.lon()) * world) - key.x() * 256;
        int y = (int) (WebMercator.normY(p.lat()) * world) - key.y() * 256;
        return renderer.render(key).getRGB(x, y);
    }

    static TileKey tileAt(LatLon p, int zoom) {
        int n = 1 << zoom;
        return new TileKey(zoom, (int) (WebMercator.normX(p.lon()) * n), (int) (WebMercator.normY(p.lat()) * n));
    }
}
