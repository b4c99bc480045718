package org.groundtruth.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.Settings;
import org.groundtruth.store.TestInvestigations;
import org.groundtruth.ui.common.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, headless: create an incident, edit it, find it by search. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchWindowTest {
    @TempDir
    static Path tmp;

    private WorkbenchViewModel vm;
    private TaskRunner runner;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        runner = new TaskRunner();
        vm = new WorkbenchViewModel(runner, new Settings("Аналітик Тест", Optional.empty()));
        window = new MainWindow(vm, runner);
        Scene scene = new Scene(window, 1280, 800);
        WorkbenchApp.applyTheme(scene);
        stage.setScene(scene);
        stage.show();
        vm.open(tmp.resolve("window-ws"));
    }

    @AfterEach
    void stop() {
        window.dispose();
        vm.shutdown();
        runner.shutdown();
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void createEditAndFindAnIncident(FxRobot robot) throws Exception {
        waitUntil(() -> vm.session().investigation().isPresent());
        assertThat(robot.lookup("#status-workspace").queryAs(Label.class).getText()).endsWith("window-ws");

        robot.clickOn("#new-incident");
        robot.clickOn("#field-title").write("Удар по пожежній машині в Нікополі");
        robot.clickOn("#field-occurred-at").write("2025-07-03 10:00");
        robot.clickOn("#field-coordinates").write("47.5712, 34.3962");
        robot.clickOn("#save-incident");
        waitUntil(() -> vm.list().incidents().size() == 1);
        Incident created = vm.list().incidents().get(0);
        assertThat(created.title()).isEqualTo("Удар по пожежній машині в Нікополі");
        assertThat(robot.lookup("#form-message").queryAs(Label.class).getText()).contains(created.id());

        TextField place = robot.lookup("#field-place").queryAs(TextField.class);
        robot.clickOn(place).write("Нікополь");
        robot.clickOn("#field-reason").write("місце з відео");
        robot.clickOn("#save-incident");
        waitUntil(() -> vm.list().incidents().get(0).placeName().equals("Нікополь"));

        robot.clickOn("#new-incident");
        robot.clickOn("#field-title").write("Ambulance hit in Kharkiv");
        robot.clickOn("#save-incident");
        waitUntil(() -> vm.list().incidents().size() == 2);

        robot.clickOn("#incident-search").write("нікоп");
        waitUntil(() -> vm.list().incidents().size() == 1);
        ListView<?> list = robot.lookup("#incident-list").queryAs(ListView.class);
        assertThat(((Incident) list.getItems().get(0)).placeName()).isEqualTo("Нікополь");
        robot.clickOn("#incident-search").eraseText(5).write("kharkiv");
        waitUntil(() -> vm.list().incidents().size() == 1 && vm.list().incidents().get(0).title().contains("Kharkiv"));
        robot.push(KeyCode.ESCAPE);

        vm.shutdown();
        try (Investigation inv = TestInvestigations.open(tmp.resolve("window-ws"))) {
            var history = inv.custody().history("incident", created.id());
            assertThat(history).hasSize(2);
            assertThat(history.get(1).actor()).isEqualTo("Аналітик Тест");
            assertThat(history.get(1).reason()).isEqualTo("місце з відео");
        }
    }
}
