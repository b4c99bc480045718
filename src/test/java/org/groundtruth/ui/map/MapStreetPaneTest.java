package org.groundtruth.ui.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.map.TestData;
import org.groundtruth.map.offline.OfflineMapLibrary;
import org.groundtruth.map.search.PlaceKind;
import org.groundtruth.map.search.SearchHit;
import org.groundtruth.ui.common.Background;
import org.groundtruth.ui.common.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real map pane with a street map added, headless: typing a street in Cyrillic in the search box offers it, the
 * search work runs on a background thread (never the FX thread), choosing the result jumps to street zoom, and the
 * coverage outline is drawn.
 */
@ExtendWith(ApplicationExtension.class)
class MapStreetPaneTest {
    @TempDir
    static Path tmp;
    private TaskRunner runner;
    private final List<String> workThreads = new CopyOnWriteArrayList<>();
    private MapViewModel vm;
    private MapPane pane;

    @Start
    void start(Stage stage) {
        runner = new TaskRunner();
        Background recording = new Background() {
            @Override
            public <T> Job run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                return runner.run(title, progress -> {
                    workThreads.add(title + (Platform.isFxApplicationThread() ? " @fx" : " @background"));
                    return work.run(progress);
                }, onSuccess, onFailure);
            }
        };
        vm = new MapViewModel(recording, Optional.of(Path.of("maps")), tmp.resolve("cache"));
        pane = new MapPane(vm);
        stage.setScene(new Scene(pane, 1000, 700));
        stage.show();
        vm.addOfflineMap(new OfflineMapLibrary(tmp.resolve("maps")), TestData.shared("osm/moscow-north.osm.pbf"));
    }

    @AfterEach
    void stop() {
        runner.shutdown();
        vm.close();
    }

    @Test
    void typedStreetIsOfferedFoundOffTheFxThreadAndShownAtStreetZoom(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.offlineCoverage().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#map-search").write("улица Руставели");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.searchResults().isEmpty()
                && vm.searchResults().get(0).kind() == PlaceKind.STREET);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(workThreads).filteredOn(t -> t.startsWith(org.groundtruth.ui.common.I18n.t("map.task.search")))
                .isNotEmpty().allMatch(t -> t.endsWith("@background"));
        SearchHit street = vm.searchResults().get(0);
        assertThat(street.name()).isEqualTo("улица Руставели");
        // The offered entry names the street, its kind and the map it comes from; clicking it jumps there.
        robot.clickOn(robot.lookup(n -> n instanceof Label l && l.getText().startsWith("улица Руставели, street"))
                .queryAs(Label.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.viewportProperty().get().zoom()).isEqualTo(MapViewModel.STREET_ZOOM);
        LatLon centre = vm.viewportProperty().get().center();
        assertThat(centre.lat()).isCloseTo(street.location().lat(), within(1e-5));
        assertThat(vm.foundPlaceProperty().get()).contains(street);
        assertThat(robot.lookup("#map-message").queryAs(Label.class).getText()).contains("moscow-north");
        // The street map's tiles just outside the view are rendered ahead, so a pan finds them ready.
        MapLayer streets = vm.layers().stream().filter(vm::isStreetMap).findFirst().orElseThrow();
        MapViewport view = vm.viewportProperty().get();
        int zoom = view.zoom();
        int rightOfView = (int) Math.floor((view.left() + view.width()) / org.groundtruth.map.WebMercator.TILE_SIZE) + 1;
        int middleRow = (int) Math.floor((view.top() + view.height() / 2) / org.groundtruth.map.WebMercator.TILE_SIZE);
        org.groundtruth.map.TileKey ahead = new org.groundtruth.map.TileKey(zoom, rightOfView, middleRow);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.tileLoader().peek(streets.source(), ahead).isPresent());
    }
}
