package org.groundtruth.map.osm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.map.MapFileException;
import org.groundtruth.map.MapStyle;
import org.groundtruth.map.TestData;
import org.groundtruth.map.TileKey;
import org.groundtruth.map.WebMercator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PbfImporterTest {
    @TempDir
    Path dir;

    @Test
    void importsMoscowStreetsWithProgressAndDrawsThem() throws Exception {
        Path out = dir.resolve("moscow" + OsmStore.EXTENSION);
        AtomicLong last = new AtomicLong();
        PbfImporter.Summary summary = PbfImporter.importFile(TestData.shared("osm/moscow-north.osm.pbf"), out,
                new ProgressMonitor() {
                    @Override
                    public void progress(long done, long total) {
                        last.set(done);
                        assertThat(total).isEqualTo(141_383L);
                    }

                    @Override
                    public boolean isCancelled() {
                        return false;
                    }
                });
        assertThat(summary.nodes()).isEqualTo(8_402);
        assertThat(summary.ways()).isEqualTo(1_652);
        assertThat(summary.features()).isGreaterThan(500);
        assertThat(last.get()).isEqualTo(141_383L);
        try (OsmStore store = OsmStore.open(out)) {
            assertThat(store.bounds().west()).isBetween(37.50, 37.51);
            assertThat(store.bounds().north()).isBetween(55.86, 55.87);
            // a zoom 16 tile in the middle of the extract has roads and buildings
            double lat = 55.82;
            double lon = 37.58;
            int x = (int) (WebMercator.normX(lon) * (1 << 16));
            int y = (int) (WebMercator.normY(lat) * (1 << 16));
            OsmTileSource source = new OsmTileSource(store, "moscow", MapStyle.LIGHT, false);
            BufferedImage tile = source.tile(new TileKey(16, x, y)).orElseThrow();
            long painted = 0;
            for (int py = 0; py < 256; py++) {
                for (int px = 0; px < 256; px++) {
                    if ((tile.getRGB(px, py) >>> 24) != 0) {
                        painted++;
                    }
                }
            }
            assertThat(painted).isGreaterThan(2_000);
            // outside the extract: nothing drawn, the basemap shows
            assertThat(source.tile(new TileKey(16, 0, 0))).isEmpty();
        }
    }

    @Test
    void cancellingLeavesNothing() {
        Path out = dir.resolve("monaco" + OsmStore.EXTENSION);
        assertThatThrownBy(() -> PbfImporter.importFile(TestData.shared("osm/monaco.osm.pbf"), out, new ProgressMonitor() {
            @Override
            public void progress(long done, long total) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        })).isInstanceOf(CancellationException.class);
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void refusesAFileThatIsNotPbfAndATruncatedOne() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.osm.pbf"), "hello, not a map");
        assertThatThrownBy(() -> PbfImporter.importFile(text, dir.resolve("a" + OsmStore.EXTENSION), ProgressMonitor.NONE))
                .isInstanceOf(MapFileException.class).hasMessageContaining("notes.osm.pbf");
        byte[] whole = Files.readAllBytes(TestData.shared("osm/monaco.osm.pbf"));
        Path cut = dir.resolve("cut.osm.pbf");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> PbfImporter.importFile(cut, dir.resolve("b" + OsmStore.EXTENSION), ProgressMonitor.NONE))
                .isInstanceOf(MapFileException.class).hasMessageContaining("cut.osm.pbf");
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("notes.osm.pbf", "cut.osm.pbf");
    }
}
