package org.groundtruth.ui.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.groundtruth.core.geo.LatLon;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A narrow map (a 1366-pixel screen's middle column) with double-tap pairs ending close together and at the edge:
 * their labels do not overprint each other, stay on the map, and the scale bar is not under the attribution.
 */
@ExtendWith(ApplicationExtension.class)
class MapLabelsTest {
    @TempDir
    static Path tmp;
    private MapViewModel vm;
    private MapPane pane;

    @Start
    void start(Stage stage) {
        vm = new MapViewModel(new InlineBackground(), Optional.of(Path.of("maps")), tmp.resolve("cache"));
        pane = new MapPane(vm);
        vm.viewportProperty().set(MapViewport.centredOn(new LatLon(47.1, 37.5), 9, 420, 500));
        Color orange = Color.web("#bc4c00");
        LatLon end = new LatLon(47.1, 37.55);
        vm.lines().addAll(List.of(
                new MapLine(new LatLon(47.0, 37.4), end, "2025-07-03 → 2025-07-03, 35 min, 120 m", orange),
                new MapLine(new LatLon(47.2, 37.4), end, "2025-07-19 → 2025-07-19, 12 min, 80 m", orange),
                new MapLine(new LatLon(47.0, 37.7), new LatLon(47.1, 37.551), "2025-08-01 → 2025-08-01, 50 min, 300 m", orange),
                new MapLine(new LatLon(47.1, 37.3), new LatLon(47.1, 37.83), "2025-08-09 → 2025-08-09, 20 min, 90 m", orange)));
        stage.setScene(new Scene(pane, 420, 560));
        stage.show();
    }

    @AfterEach
    void stop() {
        vm.close();
    }

    @Test
    void labelsKeepClearOfEachOtherTheEdgeAndTheScaleBar(FxRobot robot) {
        robot.interact(() -> pane.canvas().paint());
        WaitForAsyncUtils.waitForFxEvents();
        double w = pane.canvas().getWidth();
        double h = pane.canvas().getHeight();
        List<LabelPlacer.Box> boxes = pane.canvas().placedLabels();
        // scale bar, attribution, and at least three of the four labels
        assertThat(boxes).hasSizeGreaterThanOrEqualTo(5);
        for (int i = 0; i < boxes.size(); i++) {
            assertThat(boxes.get(i).inside(w, h)).as("%s inside %sx%s", boxes.get(i), w, h).isTrue();
            for (int j = i + 1; j < boxes.size(); j++) {
                assertThat(boxes.get(i).intersects(boxes.get(j))).as("%s and %s", boxes.get(i), boxes.get(j)).isFalse();
            }
        }
        LabelPlacer.Box[] bottom = pane.canvas().bottomBoxes();
        assertThat(bottom[0].width()).as("the attribution is drawn").isPositive();
        assertThat(bottom[1].y() + bottom[1].height()).as("the scale bar sits above the attribution")
                .isLessThanOrEqualTo(bottom[0].y() + 0.5);
    }
}
