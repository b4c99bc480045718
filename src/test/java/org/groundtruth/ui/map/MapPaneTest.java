package org.groundtruth.ui.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.geom.Point2D;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.verify.VerificationStatus;
import org.groundtruth.ui.common.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real map pane, headless: markers select on click, go-to, search, wheel and keys, measuring. */
@ExtendWith(ApplicationExtension.class)
class MapPaneTest {
    @TempDir
    static Path tmp;
    private static final Incident KHERSON = MapViewModelTest.incident("Strike on fire engine, Kherson",
            new LatLon(46.6354, 32.6169), VerificationStatus.GEOLOCATED);
    private static final Incident DONETSK = MapViewModelTest.incident("Ambulance hit near Donetsk",
            new LatLon(48.0, 37.8), VerificationStatus.VERIFIED);

    private TaskRunner runner;
    private MapViewModel vm;
    private MapPane pane;

    @Start
    void start(Stage stage) {
        runner = new TaskRunner();
        vm = new MapViewModel(runner, Optional.of(Path.of("maps")), tmp.resolve("cache"));
        pane = new MapPane(vm);
        pane.showIncidents(List.of(KHERSON, DONETSK));
        vm.viewportProperty().set(MapViewport.centredOn(new LatLon(47.3, 35.2), 7, 1000, 640));
        stage.setScene(new Scene(pane, 1000, 700));
        stage.show();
    }

    /** The basemap and gazetteer open in the background; the tests start once they have. */
    @org.junit.jupiter.api.BeforeEach
    void mapsOpened() throws Exception {
        waitUntil(() -> !vm.mapsLoadingProperty().get());
    }

    @AfterEach
    void stop() {
        runner.shutdown();
        vm.close();
    }

    @Test
    void clickingAMarkerSelectsItsIncident(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(screenPoint(robot, KHERSON.location().get()));
        waitUntil(() -> vm.selectedIncidentProperty().get().isPresent());
        assertThat(vm.selectedIncidentProperty().get()).contains(KHERSON);
        assertThat(pane.canvas().framesDrawn()).isPositive();
    }

    @Test
    void selectingFromOutsideCanBeZoomedTo(FxRobot robot) {
        robot.interact(() -> pane.selectedIncidentProperty().set(Optional.of(DONETSK)));
        robot.clickOn("#map-zoom-selection");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.viewportProperty().get().center().lat()).isCloseTo(48.0, within(0.01));
        assertThat(vm.viewportProperty().get().zoom()).isGreaterThanOrEqualTo(MapViewModel.POINT_ZOOM);
    }

    @Test
    void goToFieldCentresOnPastedMgrs(FxRobot robot) {
        robot.clickOn("#map-goto").write("36TVS7067764720").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.viewportProperty().get().center().lon()).isCloseTo(32.6169, within(0.001));
        robot.clickOn("#map-goto").eraseText(20).write("not a place").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#map-message").queryAs(Label.class).getText()).startsWith("Cannot read coordinates");
    }

    @Test
    void placeSearchOffersResultsAndCentresOnTheChosenOne(FxRobot robot) throws Exception {
        robot.clickOn("#map-search").write("Gorlovka");
        // Each keystroke searched; the results shown must be those of the whole word, never of a prefix that
        // finished later (the bug this test caught under load).
        waitUntil(() -> vm.searchedTextProperty().get().equals("Gorlovka") && !vm.searchResults().isEmpty());
        robot.interact(() -> vm.showPlace(vm.searchResults().get(0)));
        assertThat(vm.viewportProperty().get().center().lat()).isCloseTo(48.3, within(0.05));
        assertThat(robot.lookup("#map-message").queryAs(Label.class).getText()).startsWith("Horlivka");
    }

    @Test
    void wheelZoomsAroundTheCursorAndKeysPanAndZoom(FxRobot robot) {
        int before = vm.viewportProperty().get().zoom();
        robot.moveTo(pane.canvas()).scroll(-1);
        WaitForAsyncUtils.waitForFxEvents();
        int afterScroll = vm.viewportProperty().get().zoom();
        assertThat(afterScroll).isNotEqualTo(before);
        robot.clickOn(pane.canvas(), MouseButton.SECONDARY);
        LatLon centre = vm.viewportProperty().get().center();
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.viewportProperty().get().center().lon()).isGreaterThan(centre.lon());
        robot.type(KeyCode.MINUS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.viewportProperty().get().zoom()).isEqualTo(afterScroll - 1);
        assertThat(robot.lookup("#map-cursor").queryAs(Label.class).getText()).contains("°", "'");
    }

    @Test
    void measuringByClickingShowsDistanceAndAzimuth(FxRobot robot) {
        robot.clickOn("#map-measure");
        robot.clickOn(screenPoint(robot, new LatLon(47.0, 34.0)));
        robot.clickOn(screenPoint(robot, new LatLon(47.0, 35.0)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.measurePoints()).hasSize(2);
        String text = robot.lookup("#map-measure-result").queryAs(Label.class).getText();
        assertThat(text).matches("7\\d\\.\\d{3} km, azimuth (89|90)\\.\\d°");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.measurePoints()).isEmpty();
    }

    @Test
    void layerPanelListsTheBasemapAndOffersImagery(FxRobot robot) {
        robot.clickOn("#map-layers");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#map-add-imagery").tryQuery()).isPresent();
        assertThat(robot.lookup("#map-save-offline").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#map-layer-list").queryListView().getItems()).hasSize(1);
    }

    @Test
    void theRegionsLayerTogglesFromTheLayerPanelWithItsLegendAndHoverCounts(FxRobot robot) throws Exception {
        robot.interact(() -> vm.choropleth().show(java.util.Map.of("Kherson Oblast", 3L, "Kharkiv Oblast", 1L,
                "Nowhere Oblast", 2L), "Filter: target Fire engine", "6 counted; 0 without a region not counted"));
        LatLon inKherson = new LatLon(46.9, 33.6);
        javafx.scene.paint.Color before = pixel(robot, inKherson);
        assertThat(robot.lookup("#map-region-legend").query().isVisible()).isFalse();

        robot.clickOn("#map-layers");
        robot.clickOn("#map-regions-toggle");
        waitUntil(() -> !vm.choropleth().frameProperty().get().regions().isEmpty());
        assertThat(vm.choropleth().visibleProperty().get()).isTrue();
        assertThat(robot.lookup("#map-region-legend").query().isVisible()).isTrue();
        assertThat(robot.lookup("#map-region-legend-filter").queryAs(Label.class).getText())
                .isEqualTo("Filter: target Fire engine");
        assertThat(robot.lookup("#map-region-legend-missing").queryAs(Label.class).getText())
                .isEqualTo("2 incidents are not on the map: no outline for Nowhere Oblast");
        javafx.scene.paint.Color shaded = pixel(robot, inKherson);
        assertThat(shaded).isNotEqualTo(before);
        assertThat(shaded.getRed() - shaded.getBlue()).isGreaterThan(before.getRed() - before.getBlue() + 0.2);

        robot.moveTo(screenPoint(robot, inKherson));
        WaitForAsyncUtils.waitForFxEvents();
        Point2D local = vm.viewportProperty().get().toScreen(inKherson);
        assertThat(pane.canvas().regionHover(local.getX(), local.getY()).map(MapCanvas.RegionHover::text))
                .contains("Kherson Oblast: 3 incidents");

        robot.clickOn("#map-regions-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#map-region-legend").query().isVisible()).isFalse();
        assertThat(pixel(robot, inKherson)).isEqualTo(before);
    }

    private javafx.scene.paint.Color pixel(FxRobot robot, LatLon position) throws Exception {
        waitUntil(() -> true);
        Thread.sleep(300); // basemap tiles arriving repaint the canvas; let the last repaint happen
        WaitForAsyncUtils.waitForFxEvents();
        Point2D local = vm.viewportProperty().get().toScreen(position);
        javafx.scene.paint.Color[] colour = new javafx.scene.paint.Color[1];
        robot.interact(() -> {
            pane.canvas().paint();
            javafx.scene.image.WritableImage image = pane.canvas().snapshot(null, null);
            colour[0] = image.getPixelReader().getColor((int) local.getX(), (int) local.getY());
        });
        return colour[0];
    }

    private javafx.geometry.Point2D screenPoint(FxRobot robot, LatLon position) {
        WaitForAsyncUtils.waitForFxEvents();
        Point2D local = vm.viewportProperty().get().toScreen(position);
        Bounds bounds = pane.canvas().localToScreen(pane.canvas().getBoundsInLocal());
        return new javafx.geometry.Point2D(bounds.getMinX() + local.getX(), bounds.getMinY() + local.getY());
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
