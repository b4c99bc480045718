package org.groundtruth.ui.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.map.MapStyle;
import org.groundtruth.map.TileKey;
import org.groundtruth.map.WebMercator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The map pane over Kherson at zoom 11 with the shipped basemap: in the dark theme the map is dark and no light tile is
 * held for it; back in the light theme it is light again. The double-tap labels and the basemap's place labels never
 * meet, and neither runs off the map's edge.
 */
@ExtendWith(ApplicationExtension.class)
class MapDarkThemeTest {
    private static final LatLon KHERSON = new LatLon(46.6354, 32.6169);
    @TempDir
    static Path tmp;
    private MapViewModel vm;
    private MapPane pane;

    @Start
    void start(Stage stage) {
        MapAppearance.use(true);
        vm = new MapViewModel(new InlineBackground(), Optional.of(Path.of("maps")), tmp.resolve("cache"));
        pane = new MapPane(vm);
        vm.viewportProperty().set(MapViewport.centredOn(KHERSON, 11, 800, 560));
        Color orange = Color.web("#bc4c00");
        // ends right at Kherson's place label, where an unplaced label would overprint it
        vm.lines().addAll(List.of(
                new MapLine(new LatLon(46.55, 32.45), new LatLon(46.636, 32.62), "2025-07-03 → 2025-07-03, 35 min, 120 m", orange),
                new MapLine(new LatLon(46.70, 32.80), new LatLon(46.637, 32.625), "2025-07-19 → 2025-07-19, 12 min, 80 m", orange)));
        stage.setScene(new Scene(pane, 800, 620));
        stage.show();
    }

    @AfterEach
    void stop() {
        MapAppearance.use(false);
        vm.close();
    }

    @Test
    void theMapFollowsTheThemeAndLabelsAvoidPlaceLabels(FxRobot robot) throws Exception {
        MapLayer basemap = vm.layers().get(0);
        assertThat(basemap.isBasemap()).isTrue();
        assertThat(vm.mapStyleProperty().get()).isEqualTo(MapStyle.DARK);
        awaitTiles(robot);
        double dark = meanLuminance(robot);
        assertThat(dark).as("dark map mean luminance").isLessThan(70);
        TileKey centre = new TileKey(11, (int) (WebMercator.normX(KHERSON.lon()) * 2048),
                (int) (WebMercator.normY(KHERSON.lat()) * 2048));
        assertThat(vm.tileLoader().peek(basemap.source(), centre, MapStyle.DARK)).isPresent();
        assertThat(vm.tileLoader().peek(basemap.source(), centre, MapStyle.LIGHT)).as("no light tile in dark mode").isEmpty();

        List<LabelPlacer.Box> beneath = pane.canvas().placeLabelsShown();
        List<LabelPlacer.Box> placed = pane.canvas().placedLabels();
        assertThat(beneath).as("place labels drawn around Kherson").isNotEmpty();
        double w = pane.canvas().getWidth();
        double h = pane.canvas().getHeight();
        // the first two are the attribution and the scale bar; the rest are the double-tap labels
        assertThat(placed.size()).as("both double-tap labels placed").isEqualTo(4);
        for (LabelPlacer.Box label : placed) {
            assertThat(label.inside(w, h)).as("%s inside the map", label).isTrue();
            for (LabelPlacer.Box place : beneath) {
                assertThat(label.intersects(place)).as("%s meets place label %s", label, place).isFalse();
            }
        }
        for (LabelPlacer.Box place : beneath) {
            assertThat(place.inside(w, h)).as("place label %s wholly on the map", place).isTrue();
        }

        robot.interact(() -> MapAppearance.use(false));
        assertThat(vm.mapStyleProperty().get()).isEqualTo(MapStyle.LIGHT);
        awaitTiles(robot);
        assertThat(meanLuminance(robot)).as("light map mean luminance").isGreaterThan(170);
        assertThat(vm.tileLoader().peek(basemap.source(), centre, MapStyle.LIGHT)).isPresent();
    }

    /** Repaints until every visible basemap tile is in memory (tiles render on loader threads). */
    private void awaitTiles(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> {
            AtomicReference<Boolean> ready = new AtomicReference<>(false);
            robot.interact(() -> {
                pane.canvas().paint();
                MapViewport v = vm.viewportProperty().get();
                boolean all = true;
                for (long ty = (long) Math.floor(v.top() / 256); ty <= (long) Math.floor((v.top() + v.height()) / 256); ty++) {
                    for (long tx = (long) Math.floor(v.left() / 256); tx <= (long) Math.floor((v.left() + v.width()) / 256); tx++) {
                        all &= vm.tileLoader().peek(vm.layers().get(0).source(), new TileKey(v.zoom(), (int) tx, (int) ty),
                                vm.mapStyleProperty().get()).isPresent();
                    }
                }
                ready.set(all);
            });
            return ready.get();
        });
        robot.interact(() -> pane.canvas().paint());
    }

    private double meanLuminance(FxRobot robot) {
        AtomicReference<WritableImage> shot = new AtomicReference<>();
        robot.interact(() -> shot.set(pane.canvas().snapshot(null, null)));
        var image = SwingFXUtils.fromFXImage(shot.get(), null);
        double sum = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                sum += 0.2126 * ((rgb >> 16) & 0xFF) + 0.7152 * ((rgb >> 8) & 0xFF) + 0.0722 * (rgb & 0xFF);
            }
        }
        return sum / ((double) image.getWidth() * image.getHeight());
    }
}
