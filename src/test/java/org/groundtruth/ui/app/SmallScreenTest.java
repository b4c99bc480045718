package org.groundtruth.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.Settings;
import org.groundtruth.store.TestInvestigations;
import org.groundtruth.store.demo.DemoInvestigation;
import org.groundtruth.ui.common.I18n;
import org.groundtruth.ui.common.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on a 1366x768 laptop, in English and in Ukrainian, on the demo investigation with an incident and its
 * evidence selected: on every tab of the work area and of the incident, no label, button, column header or field is
 * cut to an ellipsis or too narrow for its value, and no control runs off the window.
 */
@ExtendWith(ApplicationExtension.class)
class SmallScreenTest {
    @TempDir
    static Path tmp;
    private static Path demo;

    private WorkbenchViewModel vm;
    private TaskRunner runner;
    private MainWindow window;
    private Scene scene;

    @BeforeAll
    static void demo() {
        demo = tmp.resolve("demo");
        try (Investigation investigation = TestInvestigations.open(demo)) {
            DemoInvestigation.populateIfEmpty(investigation);
        }
    }

    @Start
    void start(Stage stage) {
        runner = new TaskRunner();
        vm = new WorkbenchViewModel(runner, new Settings("Аналітик", Optional.empty()));
        window = new MainWindow(vm, runner);
        scene = new Scene(window, 1366, 768);
        WorkbenchApp.applyTheme(scene);
        stage.setScene(scene);
        stage.show();
        vm.open(demo);
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            window.dispose();
            I18n.use(Locale.ENGLISH);
        }).get(30, TimeUnit.SECONDS);
        vm.shutdown();
        runner.shutdown();
    }

    @Test
    void everyScreenFitsInEnglish(FxRobot robot) throws Exception {
        assertThat(clippedOnEveryScreen(robot)).isEmpty();
    }

    @Test
    void everyScreenFitsInUkrainian(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            I18n.use(Locale.forLanguageTag("uk"));
            MainWindow old = window;
            window = new MainWindow(vm, runner);
            scene.setRoot(window);
            old.dispose();
            vm.relocalize();
        }).get(30, TimeUnit.SECONDS);
        assertThat(clippedOnEveryScreen(robot)).isEmpty();
    }

    @Test
    void oneKeyGivesTheMapTheWholeWindowAndBringsTheColumnsBack(FxRobot robot) throws Exception {
        waitUntil(() -> vm.list().incidents().size() == DemoInvestigation.incidentCount());
        javafx.scene.control.SplitPane columns = (javafx.scene.control.SplitPane) window.getCenter();
        double[] before = columns.getDividerPositions();
        javafx.scene.Node list = columns.getItems().get(0);
        javafx.scene.Node map = robot.lookup("#map-search").query().getParent().getParent();
        double narrow = map.getLayoutBounds().getWidth();

        robot.clickOn(map).type(javafx.scene.input.KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(columns.getItems()).hasSize(1);
        assertThat(map.getLayoutBounds().getWidth()).isGreaterThan(1300).isGreaterThan(narrow);
        assertThat(ClippedText.in(window)).isEmpty();

        robot.type(javafx.scene.input.KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(columns.getItems()).hasSize(3);
        assertThat(columns.getDividerPositions()).containsExactly(before, org.assertj.core.data.Offset.offset(0.01));

        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.DIGIT1)
                .release(javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(columns.getItems()).hasSize(2).doesNotContain(list);
        assertThat(window.panels().listShownProperty().get()).isFalse();
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.DIGIT1)
                .release(javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(columns.getItems()).hasSize(3);
    }

    @Test
    void aVideoWithItsFlightMapBelowKeepsAPictureWorthWatching(FxRobot robot) throws Exception {
        // A drone-style video with a GPS track: the map moves under the viewer and must not squeeze the picture
        // to a strip (it was 55 px high at 1366x768 before the metadata tabs folded away and the chrome shrank).
        Path video = Path.of("../shared/data/media/video/with-gps.mp4");
        String incident;
        try (Investigation investigation = TestInvestigations.open(demo)) {
            incident = investigation.incidents().list(org.groundtruth.core.incident.IncidentQuery.ALL).get(0).id();
            investigation.evidence().importFile(video, new org.groundtruth.store.EvidenceService.ImportRequest(
                    Optional.of(incident), Optional.empty(), org.groundtruth.core.Sensitivity.PUBLIC), "Аналітик",
                    org.groundtruth.core.ProgressMonitor.NONE);
        }
        vm.open(demo);
        waitUntil(() -> vm.list().incidents().size() == DemoInvestigation.incidentCount());
        robot.interact(() -> vm.list().selectedProperty().set(vm.list().incidents().stream()
                .filter(i -> i.id().equals(incident)).findFirst().orElseThrow()));
        waitUntil(() -> vm.evidence().items().stream().anyMatch(i -> i.kind() == org.groundtruth.core.evidence.EvidenceKind.VIDEO));
        TabPane work = robot.lookup(".tab-pane").match(n -> n != window.lookup("#incident-tabs")).queryAs(TabPane.class);
        robot.interact(() -> {
            work.getSelectionModel().select(work.getTabs().stream()
                    .filter(t -> t.getText().equals(I18n.t("tab.evidenceViewer"))).findFirst().orElseThrow());
            vm.evidence().selectedProperty().set(vm.evidence().items().stream()
                    .filter(i -> i.kind() == org.groundtruth.core.evidence.EvidenceKind.VIDEO).findFirst().orElseThrow());
        });
        javafx.scene.image.ImageView picture = robot.lookup("#video-picture").queryAs(javafx.scene.image.ImageView.class);
        waitUntil(() -> picture.getImage() != null && runner.liveJobs() == 0
                && work.getSelectionModel().getSelectedItem().getContent().lookup("#map-search") != null);
        assertThat(picture.getBoundsInParent().getHeight()).as("video picture height with the map below")
                .isGreaterThanOrEqualTo(120);
    }

    @Test
    void historyAndRegionCellsShowWholeValuesInEnglish(FxRobot robot) throws Exception {
        assertThat(clippedCells(robot)).isEmpty();
    }

    @Test
    void historyAndRegionCellsShowWholeValuesInUkrainian(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            I18n.use(Locale.forLanguageTag("uk"));
            MainWindow old = window;
            window = new MainWindow(vm, runner);
            scene.setRoot(window);
            old.dispose();
            vm.relocalize();
        }).get(30, TimeUnit.SECONDS);
        assertThat(clippedCells(robot)).isEmpty();
    }

    @Test
    void theFirstWindowTakesTheWholeScreenItOpensOn() {
        javafx.geometry.Rectangle2D fullHd = new javafx.geometry.Rectangle2D(0, 0, 1920, 1040);
        assertThat(WorkbenchApp.firstWindowBounds(fullHd)).isEqualTo(fullHd);
        javafx.geometry.Rectangle2D laptop = new javafx.geometry.Rectangle2D(0, 27, 1366, 741);
        assertThat(WorkbenchApp.firstWindowBounds(laptop)).isEqualTo(laptop);
    }

    /**
     * The Analysis tab's region table and the incident's History with the incident of the most history selected:
     * every cell shows its whole value (the history wraps, the region column is as wide as its longest name).
     */
    private List<String> clippedCells(FxRobot robot) throws Exception {
        waitUntil(() -> vm.list().incidents().size() == DemoInvestigation.incidentCount());
        robot.interact(() -> vm.list().selectedProperty().set(vm.list().incidents().stream()
                .filter(i -> i.title().startsWith("Fire engine hit by FPV")).findFirst().orElseThrow()));
        waitUntil(() -> !vm.evidence().items().isEmpty());
        TabPane work = robot.lookup(".tab-pane").match(n -> n != window.lookup("#incident-tabs")).queryAs(TabPane.class);
        TabPane incident = robot.lookup("#incident-tabs").queryAs(TabPane.class);
        robot.interact(() -> {
            work.getSelectionModel().select(work.getTabs().stream()
                    .filter(t -> t.getText().equals(I18n.t("tab.analysis")))
                    .findFirst().orElseThrow());
            incident.getSelectionModel().select(incident.getTabs().stream()
                    .filter(t -> t.getText().equals(I18n.t("tab.history")))
                    .findFirst().orElseThrow());
        });
        waitUntil(() -> runner.liveJobs() == 0);
        waitUntil(() -> !((javafx.scene.control.TableView<?>) window.lookup("#analysis-regions")).getItems().isEmpty()
                && !((javafx.scene.control.TableView<?>) window.lookup("#history-table")).getItems().isEmpty());
        // Rows are laid out (and measured again after a column width change) in a later pulse than the items arrive.
        waitUntil(() -> WaitForAsyncUtils.asyncFx(() -> ClippedText.cellsOf(window, "analysis-regions").stream()
                .noneMatch(f -> f.startsWith("no cell")) && ClippedText.cellsOf(window, "history-table").stream()
                .noneMatch(f -> f.startsWith("no cell"))).get(30, TimeUnit.SECONDS));
        return WaitForAsyncUtils.asyncFx(() -> {
            List<String> found = new ArrayList<>(ClippedText.cellsOf(window, "analysis-regions"));
            found.addAll(ClippedText.cellsOf(window, "history-table"));
            found.addAll(ClippedText.in(window));
            return found;
        }).get(30, TimeUnit.SECONDS);
    }

    private List<String> clippedOnEveryScreen(FxRobot robot) throws Exception {
        waitUntil(() -> vm.list().incidents().size() == DemoInvestigation.incidentCount());
        // The incident with the most evidence, its first item (a video) in the viewer.
        robot.interact(() -> vm.list().selectedProperty().set(vm.list().incidents().stream()
                .filter(i -> i.title().startsWith("Fire engine hit by FPV")).findFirst().orElseThrow()));
        waitUntil(() -> !vm.evidence().items().isEmpty());
        robot.interact(() -> vm.evidence().selectedProperty().set(vm.evidence().items().get(0)));
        waitUntil(() -> runner.liveJobs() == 0);
        TabPane work = robot.lookup(".tab-pane").match(n -> n != window.lookup("#incident-tabs")).queryAs(TabPane.class);
        TabPane incident = robot.lookup("#incident-tabs").queryAs(TabPane.class);
        List<String> found = new ArrayList<>();
        for (int w = 0; w < work.getTabs().size(); w++) {
            for (int i = 0; i < incident.getTabs().size(); i++) {
                int wi = w;
                int ii = i;
                robot.interact(() -> {
                    work.getSelectionModel().select(wi);
                    incident.getSelectionModel().select(ii);
                });
                waitUntil(() -> runner.liveJobs() == 0);
                String screen = work.getTabs().get(w).getText() + " + " + incident.getTabs().get(i).getText() + ": ";
                // The pin form's coordinate and camera prompts are whole even in a field at its preferred width.
                WaitForAsyncUtils.asyncFx(() -> {
                    List<String> all = new ArrayList<>(ClippedText.in(window));
                    all.addAll(ClippedText.promptsOf(window, "pin-at", "pin-camera"));
                    return all;
                }).get(30, TimeUnit.SECONDS)
                        .stream().map(screen::concat).filter(f -> !found.contains(f)).forEach(found::add);
            }
        }
        // The evidence panel's own tabs (metadata, duplicates, insignia scan) under the viewer.
        TabPane lower = robot.lookup("#evidence-tabs").queryAs(TabPane.class);
        int evidenceTab = work.getTabs().indexOf(work.getTabs().stream()
                .filter(t -> t.getContent() != null && t.getContent().lookup("#evidence-tabs") != null).findFirst().orElseThrow());
        for (int l = 0; l < lower.getTabs().size(); l++) {
            int li = l;
            robot.interact(() -> {
                work.getSelectionModel().select(evidenceTab);
                incident.getSelectionModel().select(0);
                lower.getSelectionModel().select(li);
            });
            waitUntil(() -> runner.liveJobs() == 0);
            String screen = work.getTabs().get(evidenceTab).getText() + " / " + lower.getTabs().get(l).getText() + ": ";
            WaitForAsyncUtils.asyncFx(() -> ClippedText.in(window)).get(30, TimeUnit.SECONDS)
                    .stream().map(screen::concat).filter(f -> !found.contains(f)).forEach(found::add);
        }
        return found;
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
