package org.groundtruth.map.imagery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.groundtruth.map.GeoBox;
import org.groundtruth.map.MapFileException;
import org.groundtruth.map.TestData;
import org.groundtruth.map.TileKey;
import org.groundtruth.map.TileSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MBTiles and GeoTIFF from ../shared/data/imagery, and the files that must be refused with a clear message. */
class ImageryFilesTest {
    private static final TileKey UKRAINE_Z4 = new TileKey(4, 9, 5);

    @Test
    void readsTheWorldBlueMarbleMbtiles() throws Exception {
        try (TileSource source = ImageryFiles.open(TestData.shared("imagery/bluemarble-z0-4.mbtiles"))) {
            assertThat(source).isInstanceOf(MbTilesSource.class);
            assertThat(source.minZoom()).isZero();
            assertThat(source.maxZoom()).isEqualTo(4);
            BufferedImage world = source.tile(new TileKey(0, 0, 0)).orElseThrow();
            assertThat(world.getWidth()).isEqualTo(256);
            assertThat(opaqueShare(world)).isGreaterThan(0.95);
        }
    }

    @Test
    void gdalWrittenMbtilesHasTilesOnlyWhereTheImageIs() throws Exception {
        try (TileSource source = ImageryFiles.open(TestData.shared("imagery/ukraine-bluemarble.mbtiles"))) {
            assertThat(source.minZoom()).isEqualTo(3);
            assertThat(source.tile(UKRAINE_Z4)).isPresent();
            assertThat(source.tile(new TileKey(4, 0, 0))).isEmpty();
            assertThat(source.bounds().west()).isCloseTo(22, within(0.5));
        }
    }

    @Test
    void geoTiffInEpsg4326IsReprojectedToMatchGdalsOwnMbtiles() throws Exception {
        try (TileSource tiff = ImageryFiles.open(TestData.shared("imagery/ukraine-bluemarble-epsg4326.tif"));
                TileSource mbtiles = ImageryFiles.open(TestData.shared("imagery/ukraine-bluemarble.mbtiles"))) {
            assertThat(tiff).isInstanceOf(GeoTiffSource.class);
            GeoBox bounds = tiff.bounds();
            assertThat(bounds.west()).isCloseTo(22, within(0.15)); // GDAL snapped the cut to whole pixels of about 0.12°
            assertThat(bounds.east()).isCloseTo(41, within(0.15)); // GDAL snapped the cut to whole pixels of about 0.12°
            assertThat(bounds.south()).isCloseTo(44, within(0.15)); // GDAL snapped the cut to whole pixels of about 0.12°
            assertThat(bounds.north()).isCloseTo(53, within(0.15)); // GDAL snapped the cut to whole pixels of about 0.12°
            BufferedImage ours = tiff.tile(UKRAINE_Z4).orElseThrow();
            BufferedImage gdal = mbtiles.tile(UKRAINE_Z4).orElseThrow();
            // Same imagery warped by us and by gdal_translate: pixels agree closely where both have data.
            assertThat(meanDifference(ours, gdal)).isLessThan(12.0);
            assertThat(tiff.tile(new TileKey(4, 0, 0))).isEmpty();
        }
    }

    @Test
    void corruptMbtilesIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        Path corrupt = dir.resolve("broken.mbtiles");
        byte[] bytes = Files.readAllBytes(TestData.shared("imagery/ukraine-bluemarble.mbtiles"));
        byte[] truncated = java.util.Arrays.copyOf(bytes, 4096 + 100);
        for (int i = 4096; i < truncated.length; i++) {
            truncated[i] = (byte) 0xA5;
        }
        Files.write(corrupt, truncated);
        assertThatThrownBy(() -> ImageryFiles.open(corrupt))
                .isInstanceOf(MapFileException.class)
                .hasMessageStartingWith("broken.mbtiles: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void textRenamedToMbtilesIsRefused(@TempDir Path dir) throws Exception {
        Path fake = dir.resolve("notes.mbtiles");
        Files.writeString(fake, "just some notes");
        assertThatThrownBy(() -> ImageryFiles.open(fake)).hasMessage(
                "notes.mbtiles: corrupt file: no SQLite header (" + fake.toAbsolutePath() + ")");
    }

    @Test
    void sqliteWithoutTilesIsNotMbtiles(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("other.mbtiles");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE something(x)");
        }
        assertThatThrownBy(() -> ImageryFiles.open(db)).hasMessageStartingWith("other.mbtiles: not an MBTiles file (no tiles table)");
    }

    @Test
    void corruptGeoTiffIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        Path tiff = dir.resolve("broken.tif");
        byte[] original = Files.readAllBytes(TestData.shared("imagery/ukraine-bluemarble-epsg4326.tif"));
        Files.write(tiff, java.util.Arrays.copyOf(original, 300));
        assertThatThrownBy(() -> ImageryFiles.open(tiff))
                .isInstanceOf(MapFileException.class)
                .hasMessageStartingWith("broken.tif: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void plainTiffWithoutGeoreferencingIsRefused(@TempDir Path dir) throws Exception {
        Path tiff = dir.resolve("photo.tif");
        javax.imageio.ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "tiff", tiff.toFile());
        assertThatThrownBy(() -> ImageryFiles.open(tiff)).isInstanceOf(MapFileException.class)
                .hasMessageStartingWith("photo.tif: ");
    }

    @Test
    void foldersMissingFilesAndOtherFormatsAreRefused(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> ImageryFiles.open(dir)).hasMessageStartingWith(dir.getFileName() + ": is not a file");
        assertThatThrownBy(() -> ImageryFiles.open(dir.resolve("gone.mbtiles"))).hasMessageStartingWith("gone.mbtiles: file not found");
        Path png = dir.resolve("map.png");
        javax.imageio.ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        assertThatThrownBy(() -> ImageryFiles.open(png)).hasMessageStartingWith("map.png: unsupported imagery format");
    }

    static double opaqueShare(BufferedImage image) {
        long opaque = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (new Color(image.getRGB(x, y), true).getAlpha() > 0) {
                    opaque++;
                }
            }
        }
        return (double) opaque / (image.getWidth() * image.getHeight());
    }

    static double meanDifference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        long count = 0;
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                Color ca = new Color(a.getRGB(x, y), true);
                Color cb = new Color(b.getRGB(x, y), true);
                if (ca.getAlpha() == 255 && cb.getAlpha() == 255) {
                    sum += Math.abs(ca.getRed() - cb.getRed()) + Math.abs(ca.getGreen() - cb.getGreen())
                            + Math.abs(ca.getBlue() - cb.getBlue());
                    count += 3;
                }
            }
        }
        assertThat(count).as("pixels where both have data").isGreaterThan(3 * 5000);
        return (double) sum / count;
    }
}
