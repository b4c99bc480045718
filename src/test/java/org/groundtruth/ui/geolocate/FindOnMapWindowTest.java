package org.groundtruth.ui.geolocate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.geo.Geodesy;
import org.groundtruth.core.geo.GeolocationPin;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.media.ContentInspector;
import org.groundtruth.store.EvidenceService.ImportRequest;
import org.groundtruth.store.Investigation;
import org.groundtruth.ui.common.TaskRunner;
import org.groundtruth.ui.evidence.EvidenceAccess;
import org.groundtruth.ui.evidence.EvidencePane;
import org.groundtruth.ui.map.MapPane;
import org.groundtruth.ui.map.MapViewport;
import org.groundtruth.ui.map.MapWorkArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real evidence panel and map, with real threads: "Find on map…" on a Brighton drone photo opens the panel, a
 * search of the whole layer can be cancelled, a search of the map's view finds the place and outlines it on the map,
 * and Accept puts an unverified "image match" pin on the map and in the investigation. With
 * {@code -Dgroundtruth.screenshots=DIR} the windows are written there as PNG.
 */
@ExtendWith(ApplicationExtension.class)
class FindOnMapWindowTest {
    @TempDir
    static Path tmp;

    private Investigation investigation;
    private Incident incident;
    private TaskRunner runner;
    private EvidencePane evidence;
    private MapPane map;

    @Start
    void start(Stage stage) {
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        investigation = Investigation.open(tmp.resolve("find-ws-" + System.nanoTime()), new ContentInspector());
        incident = investigation.incidents().create(Incident.titled("Удар по пожежній машині"), "analyst", "");
        runner = new TaskRunner();
        evidence = EvidencePane.create(EvidenceAccess.of(() -> Optional.of(investigation), () -> "analyst"), runner);
        map = MapWorkArea.create(runner, FXCollections.observableArrayList(incident), new SimpleObjectProperty<>(incident),
                () -> Optional.of(investigation));
        FindOnMap.connect(evidence, map, runner, () -> Optional.of(investigation), () -> "analyst",
                () -> Optional.of(incident.id()), () -> { }, pin -> { });
        SplitPane split = new SplitPane(evidence, map);
        stage.setScene(new Scene(split, 1400, 850));
        stage.show();
    }

    @AfterEach
    void stop() {
        Platform.runLater(() -> {
            Window.getWindows().stream().filter(w -> w != evidence.getScene().getWindow()).toList().forEach(Window::hide);
            evidence.dispose();
        });
        WaitForAsyncUtils.waitForFxEvents();
        runner.shutdown();
        map.viewModel().close();
        investigation.close();
    }

    private static void waitUntil(long seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void findOnMapOutlinesTheMatchAndAcceptPutsAnUnverifiedPinOnTheMap(FxRobot robot) throws Exception {
        robot.interact(() -> map.viewModel().addImagery(FindOnMapViewModelTest.REFERENCE));
        waitUntil(60, () -> map.viewModel().layers().stream().anyMatch(l -> map.viewModel().imageryFile(l).isPresent()));
        robot.interact(() -> map.viewModel().viewportProperty().set(MapViewport.centredOn(FindOnMapViewModelTest.TRUTH, 19,
                map.viewModel().viewportProperty().get().width(), map.viewModel().viewportProperty().get().height())));
        EvidenceItem photo = investigation.evidence().importFile(FindOnMapViewModelTest.BRIGHTON.resolve("images/DJI_0026.JPG"),
                ImportRequest.PLAIN, "analyst", ProgressMonitor.NONE).item();
        robot.interact(() -> evidence.show(photo));
        waitUntil(60, () -> evidence.viewModel().photo().imageProperty().get() != null);

        robot.clickOn("#find-on-map");
        waitUntil(30, () -> robot.lookup("#find-search").tryQuery().isPresent());
        ComboBox<?> layer = robot.lookup("#find-layer").queryAs(ComboBox.class);
        assertThat(layer.getValue()).hasToString("ortho-from-model-0.15m-epsg32615.tif");
        assertThat(robot.lookup("#find-frame").queryAs(Label.class).getText()).contains("DJI_0026.JPG");

        // the whole layer, cancelled at once: a message, no candidate, nothing logged
        robot.clickOn("#find-area-whole");
        robot.clickOn("#find-search");
        robot.clickOn("#find-cancel");
        Label status = robot.lookup("#find-status").queryAs(Label.class);
        waitUntil(240, () -> status.getText().contains("cancelled"));
        assertThat(robot.lookup("#find-candidates").queryAs(ListView.class).getItems()).isEmpty();

        // the map's view around the photo's place
        robot.clickOn("#find-area-view");
        robot.clickOn("#find-search");
        waitUntil(300, () -> !robot.lookup("#find-candidates").queryAs(ListView.class).getItems().isEmpty());
        assertThat(status.getText()).contains("candidate");
        assertThat(map.viewModel().outlines()).isNotEmpty();
        assertThat(map.viewModel().outlines().get(map.viewModel().outlines().size() - 1).emphasis()).isTrue();
        screenshots("find-on-map");

        robot.clickOn("#find-accept");
        waitUntil(60, () -> !investigation.verification().pins(incident.id()).isEmpty());
        GeolocationPin pin = investigation.verification().pins(incident.id()).get(0);
        assertThat(pin.method()).startsWith("image match");
        assertThat(pin.accepted()).isFalse();
        assertThat(Geodesy.measure(pin.target(), FindOnMapViewModelTest.TRUTH).distanceMeters()).isLessThan(10);
        waitUntil(30, () -> status.getText().contains("not verified"));
        assertThat(map.viewModel().pins()).extracting(GeolocationPin::id).contains(pin.id());
        screenshots("find-on-map-accepted");

        robot.interact(() -> robot.lookup("#find-search").query().getScene().getWindow().hide());
        assertThat(map.viewModel().outlines()).isEmpty();
    }

    /** Writes each open window as a PNG when {@code groundtruth.screenshots} names a folder. */
    private void screenshots(String name) throws Exception {
        String dir = System.getProperty("groundtruth.screenshots", "");
        if (dir.isBlank()) {
            return;
        }
        Path folder = Files.createDirectories(Path.of(dir));
        int[] n = {0};
        WaitForAsyncUtils.asyncFx(() -> {
            for (Window w : Window.getWindows()) {
                var image = w.getScene().snapshot(null);
                javax.imageio.ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png",
                        folder.resolve(name + "-" + (n[0]++) + ".png").toFile());
            }
            return null;
        }).get();
    }
}
