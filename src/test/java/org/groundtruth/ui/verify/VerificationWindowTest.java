package org.groundtruth.ui.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.verify.InsigniaType;
import org.groundtruth.core.verify.VerificationStatus;
import org.groundtruth.store.Settings;
import org.groundtruth.ui.app.MainWindow;
import org.groundtruth.ui.app.WorkbenchApp;
import org.groundtruth.ui.app.WorkbenchViewModel;
import org.groundtruth.ui.common.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The verification tab in the real window: pin, insignia, proposal, and a second analyst's approval. */
@ExtendWith(ApplicationExtension.class)
class VerificationWindowTest {
    @TempDir
    static Path tmp;

    private WorkbenchViewModel vm;
    private TaskRunner runner;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        runner = new TaskRunner();
        vm = new WorkbenchViewModel(runner, new Settings("Олена", Optional.empty()));
        window = new MainWindow(vm, runner);
        Scene scene = new Scene(window, 1280, 800);
        WorkbenchApp.applyTheme(scene);
        stage.setScene(scene);
        stage.show();
        vm.open(tmp.resolve("verify-ws"));
    }

    @AfterEach
    void stop() {
        window.dispose();
        vm.shutdown();
        runner.shutdown();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static long sideBySideImagesLoaded(FxRobot robot) {
        return robot.lookup("#side-by-side-zoom").tryQuery().map(zoom -> zoom.getScene().getRoot()
                .lookupAll(".image-view").stream()
                .filter(v -> ((javafx.scene.image.ImageView) v).getImage() != null).count()).orElse(0L);
    }

    private static void type(FxRobot robot, String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(javafx.scene.control.TextField.class).setText(text));
    }

    private static void press(FxRobot robot, String id) {
        robot.interact(() -> robot.lookup(id).queryAs(javafx.scene.control.Button.class).fire());
    }

    @Test
    void linkedEvidenceOpensSideBySideWithBothPicturesLoaded(FxRobot robot) throws Exception {
        waitUntil(() -> vm.session().investigation().isPresent());
        var inv = vm.session().investigation().get();
        Incident incident = inv.incidents().create(Incident.titled("Пожежна машина, Херсон"), "Олена", "");
        var request = new org.groundtruth.store.EvidenceService.ImportRequest(Optional.of(incident.id()),
                Optional.empty(), org.groundtruth.core.Sensitivity.PUBLIC);
        for (String photo : List.of("Canon EOS 1000D.jpg", "Apple iPhone 4.jpg")) {
            inv.evidence().importFile(Path.of("../shared/data/media/jpg", photo), request, "Олена",
                    org.groundtruth.core.ProgressMonitor.NONE);
        }
        vm.list().refreshAndSelect(Optional.of(incident.id()));
        waitUntil(() -> vm.verification().evidence().size() == 2);
        robot.clickOn("Verification");
        robot.interact(() -> {
            robot.lookup("#link-a").queryAs(ComboBox.class).getSelectionModel().select(0);
            robot.lookup("#link-b").queryAs(ComboBox.class).getSelectionModel().select(1);
        });
        press(robot, "#link-add");
        waitUntil(() -> vm.verification().corroborations().size() == 1);
        robot.interact(() -> robot.lookup("#link-list").queryAs(javafx.scene.control.ListView.class)
                .getSelectionModel().select(0));
        press(robot, "#link-compare");
        waitUntil(() -> sideBySideImagesLoaded(robot) == 2);
        javafx.scene.control.Slider zoom = robot.lookup("#side-by-side-zoom").queryAs(javafx.scene.control.Slider.class);
        robot.interact(() -> zoom.setValue(2));
        assertThat(zoom.getScene().getRoot().lookupAll(".image-view")).allSatisfy(v -> assertThat(v.getScaleX()).isEqualTo(2));
        robot.interact(() -> zoom.getScene().getWindow().hide());

        // Draw an insignia box on the photo in the viewer; it is listed and drawn over the photo.
        EvidenceItem photo = vm.verification().evidence().get(0);
        robot.interact(() -> vm.evidence().selectedProperty().set(photo));
        var image = robot.lookup("#photo-image").queryAs(javafx.scene.image.ImageView.class);
        waitUntil(() -> image.getImage() != null && image.getScene() != null);
        press(robot, "#insignia-draw");
        var viewport = robot.lookup("#photo-viewport").query();
        var centre = viewport.localToScreen(viewport.getLayoutBounds().getCenterX(), viewport.getLayoutBounds().getCenterY());
        robot.moveTo(centre.getX() - 40, centre.getY() - 30).press(javafx.scene.input.MouseButton.PRIMARY)
                .moveTo(centre.getX() + 40, centre.getY() + 30).release(javafx.scene.input.MouseButton.PRIMARY);
        waitUntil(() -> !robot.lookup("#insignia-box").queryAs(javafx.scene.control.TextField.class).getText()
                .equals("0, 0, 1, 1"));
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<InsigniaType> type = robot.lookup("#insignia-type").queryAs(ComboBox.class);
            type.setValue(InsigniaType.RED_CROSS);
        });
        press(robot, "#insignia-add");
        waitUntil(() -> vm.verification().observations().size() == 1);
        var box = vm.verification().observations().get(0).box();
        assertThat(box.width()).isBetween(0.01, 0.99);
        assertThat(box.x() + box.width() / 2).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.1));
        waitUntil(() -> !robot.lookup(".insignia-box").queryAll().isEmpty());
        waitUntil(() -> robot.lookup("#insignia-thumbnail").queryAll().stream()
                .anyMatch(n -> ((javafx.scene.image.ImageView) n).getImage() != null));
    }

    @Test
    void pinInsigniaProposalAndApprovalByASecondAnalyst(FxRobot robot) throws Exception {
        waitUntil(() -> vm.session().investigation().isPresent());
        var inv = vm.session().investigation().get();
        Incident incident = inv.incidents().create(Incident.titled("Удар по швидкій у Дніпрі"), "Олена", "");
        Path photo = Files.writeString(tmp.resolve("фото.txt"), "rescue service photo stand-in");
        inv.evidence().importFile(photo, new org.groundtruth.store.EvidenceService.ImportRequest(
                Optional.of(incident.id()), Optional.empty(), org.groundtruth.core.Sensitivity.PUBLIC), "Олена",
                org.groundtruth.core.ProgressMonitor.NONE);
        vm.list().refreshAndSelect(Optional.of(incident.id()));
        waitUntil(() -> vm.verification().incidentProperty().get() != null && vm.verification().evidence().size() == 1);

        robot.clickOn("Verification");
        // Pick on map: the map tab comes up and a click on it fills the target.
        press(robot, "#pin-pick-target");
        var canvas = robot.lookup(n -> n instanceof org.groundtruth.ui.map.MapCanvas).query();
        waitUntil(() -> canvas.getScene() != null && canvas.isVisible() && canvas.getLayoutBounds().getWidth() > 0);
        robot.clickOn(canvas);
        waitUntil(() -> !robot.lookup("#pin-at").queryAs(javafx.scene.control.TextField.class).getText().isBlank());
        String picked = robot.lookup("#pin-at").queryAs(javafx.scene.control.TextField.class).getText();
        assertThat(org.groundtruth.core.geo.CoordinateParser.parse(picked)).isNotNull();
        // The tab scrolls; fields below the fold are filled and pressed through the scene graph.
        type(robot, "#pin-at", "48°27'53\"N 35°02'46\"E");
        type(robot, "#pin-method", "Перехрестя і дах зупинки");
        robot.interact(() -> robot.lookup("#pin-features").queryAs(javafx.scene.control.TextArea.class)
                .setText("Дах зупинки | 48.4648, 35.0463 | фото.txt # 0"));
        type(robot, "#pin-reference-layer", "Sentinel-2");
        type(robot, "#pin-reference-date", "2025-07-01");
        press(robot, "#pin-add");
        waitUntil(() -> vm.verification().pins().size() == 1 || !vm.verification().messageProperty().get().isEmpty());
        assertThat(vm.verification().pins()).as(vm.verification().messageProperty().get()).hasSize(1);
        assertThat(vm.verification().pins().get(0).accepted()).isTrue();
        assertThat(vm.verification().pins().get(0).matchedFeatures()).hasSize(1);
        assertThat(vm.verification().pins().get(0).matchedFeatures().get(0).frame()).isPresent();
        assertThat(vm.verification().pins().get(0).referenceLayer()).isEqualTo("Sentinel-2");
        waitUntil(() -> inv.incidents().get(incident.id()).location().isPresent());

        // The sun tool draws the expected shadow direction on the map, from the accepted pin.
        type(robot, "#sun-time", "2025-07-06 11:00");
        press(robot, "#sun-compute");
        var mapPane = robot.lookup(n -> n instanceof org.groundtruth.ui.map.MapPane)
                .queryAs(org.groundtruth.ui.map.MapPane.class);
        waitUntil(() -> mapPane.viewModel().lines().size() == 1);
        assertThat(robot.lookup("#sun-result").queryAs(javafx.scene.control.Label.class).getText()).contains("azimuth");
        // With a measured shadow the tool states its verdict against the claimed time, and the verdict is kept.
        var accepted = inv.incidents().get(incident.id()).location().orElseThrow();
        double morningShadow = org.groundtruth.core.verify.SunCalculator.at(accepted,
                java.time.Instant.parse("2025-07-06T06:30:00Z")).shadowBearingDegrees();
        type(robot, "#sun-bearing", String.format(java.util.Locale.ROOT, "%.0f", morningShadow));
        press(robot, "#sun-compute");
        assertThat(robot.lookup("#sun-result").queryAs(javafx.scene.control.Label.class).getText())
                .containsPattern("A \\d+° shadow fits 06:\\d\\d–\\d\\d:\\d\\d UTC; the claimed 11:00 does not fit\\.");
        press(robot, "#sun-save");
        waitUntil(() -> vm.verification().chronolocations().size() == 1);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<String> savedChecks = robot.lookup("#sun-saved")
                .queryAs(javafx.scene.control.ListView.class);
        waitUntil(() -> savedChecks.getItems().size() == 1);
        assertThat(savedChecks.getItems().get(0)).contains("11:00 UTC", "claimed time does not fit the shadow");

        robot.interact(() -> {
            robot.lookup("#insignia-evidence").queryAs(ComboBox.class).getSelectionModel().select(0);
            @SuppressWarnings("unchecked")
            ComboBox<InsigniaType> type = robot.lookup("#insignia-type").queryAs(ComboBox.class);
            type.setValue(InsigniaType.NONE_VISIBLE);
        });
        press(robot, "#insignia-add");
        waitUntil(() -> vm.verification().observations().size() == 1
                || !vm.verification().messageProperty().get().equals("Saved."));
        assertThat(vm.verification().observations()).as(vm.verification().messageProperty().get()).hasSize(1);

        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<VerificationStatus> target = robot.lookup("#status-target").queryAs(ComboBox.class);
            target.setValue(VerificationStatus.READY_FOR_REVIEW);
        });
        type(robot, "#status-rationale", "Геолоковано, знаків не видно");
        press(robot, "#status-change");
        waitUntil(() -> inv.incidents().get(incident.id()).status() == VerificationStatus.READY_FOR_REVIEW);

        press(robot, "#review-approve");
        waitUntil(() -> vm.verification().messageProperty().get().contains("different analyst"));
        assertThat(inv.incidents().get(incident.id()).status()).isEqualTo(VerificationStatus.READY_FOR_REVIEW);

        vm.changeAnalyst("Микола");
        waitUntil(() -> vm.session().analyst().equals("Микола"));
        press(robot, "#review-approve");
        waitUntil(() -> inv.incidents().get(incident.id()).status() == VerificationStatus.VERIFIED);

        robot.clickOn("History");
        TableView<?> history = robot.lookup("#history-table").queryAs(TableView.class);
        waitUntil(() -> history.getItems().size() >= 6);
        List<String> actors = vm.verification().history().stream().map(e -> e.actor()).toList();
        assertThat(actors).contains("Олена", "Микола");
        assertThat(inv.evidence().forIncident(incident.id())).extracting(EvidenceItem::originalName).contains("фото.txt");
    }
}
