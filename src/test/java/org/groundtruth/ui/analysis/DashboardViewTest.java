package org.groundtruth.ui.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.groundtruth.core.incident.StrikeSequence;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.TestInvestigations;
import org.groundtruth.store.demo.DemoInvestigation;
import org.groundtruth.ui.common.Session;
import org.groundtruth.ui.app.WorkbenchApp;
import org.groundtruth.ui.common.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The dashboard headless on the demo: chart, regions, confirm a double tap, export PNG and SVG. */
@ExtendWith(ApplicationExtension.class)
class DashboardViewTest {
    @TempDir
    static Path tmp;

    private TaskRunner runner;
    private Investigation investigation;
    private DashboardView view;

    @Start
    void start(Stage stage) {
        runner = new TaskRunner();
        investigation = TestInvestigations.open(tmp.resolve("demo"));
        DemoInvestigation.populateIfEmpty(investigation);
        Session session = new Session();
        session.analystProperty().set("Аналітик Тест");
        view = new DashboardView(new DashboardViewModel(session, runner));
        Scene scene = new Scene(view, 1400, 900);
        WorkbenchApp.applyTheme(scene);
        stage.setScene(scene);
        stage.show();
        session.investigationProperty().set(investigation);
    }

    @AfterEach
    void stop() {
        runner.shutdown();
        investigation.close();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void chartRegionsAndDoubleTapsAndADecision(FxRobot robot) throws Exception {
        TableView<?> doubleTaps = robot.lookup("#analysis-doubletaps").queryAs(TableView.class);
        waitUntil(() -> doubleTaps.getItems().size() == 2);
        StackedBarChart<?, ?> chart = robot.lookup("#monthly-chart").queryAs(StackedBarChart.class);
        assertThat(chart.getData()).hasSize(1);
        assertThat(chart.getData().get(0).getData()).hasSize(3);
        assertThat(robot.lookup("#analysis-filter").queryAs(Label.class).getText()).isEqualTo("Filter: all incidents");
        assertThat(robot.lookup("#analysis-regions").queryAs(TableView.class).getItems()).hasSize(5);
        Node bar = robot.lookup(".chart-bar").query();
        assertThat(bar.getBoundsInParent().getHeight()).isPositive();

        robot.clickOn("#analysis-stack").clickOn("Status");
        waitUntil(() -> chart.getData().size() > 1);

        robot.interact(() -> doubleTaps.getSelectionModel().select(1));
        robot.clickOn("#analysis-reason").write("та сама позиція на відео");
        robot.clickOn("#analysis-confirm");
        waitUntil(() -> ((DoubleTapRow) doubleTaps.getItems().get(1)).decision().isPresent());
        String second = ((DoubleTapRow) doubleTaps.getItems().get(1)).pair().second();
        assertThat(investigation.incidents().get(second).strikeSequence()).isEqualTo(StrikeSequence.FOLLOW_UP);
        assertThat(robot.lookup("#analysis-message").queryAs(Label.class).getText()).isEqualTo("Decision saved: Confirmed");

        Path png = tmp.resolve("chart.png");
        Path svg = tmp.resolve("chart.svg");
        robot.interact(() -> view.exportPng(png));
        waitUntil(() -> Files.exists(png));
        var image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(640);
        robot.interact(() -> view.exportSvg(svg));
        waitUntil(() -> Files.exists(svg));
        assertThat(Files.readString(svg)).contains("<svg", "Filter: all incidents");
    }
}
