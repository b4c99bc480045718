package org.groundtruth.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.Settings;
import org.groundtruth.store.TestInvestigations;
import org.groundtruth.store.WorkspaceAccess;
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
 * The window on a read-only investigation: it opens, lists and shows, with the editing controls off and a banner
 * saying why; an investigation named at start that does not exist is not created, and the banner says so. (The
 * read-only property stands in for a write-protected folder, which root, running the tests, would still write.)
 */
@ExtendWith(ApplicationExtension.class)
class ReadOnlyWindowTest {
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
    }

    @AfterEach
    void stop() {
        System.clearProperty(WorkspaceAccess.READ_ONLY_PROPERTY);
        window.dispose();
        vm.shutdown();
        runner.shutdown();
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out; status: " + vm.statusProperty().get() + "; banner: "
                    + vm.bannerProperty().get(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aReadOnlyInvestigationOpensWithEditingOffAndABanner(FxRobot robot) throws Exception {
        Path ws = tmp.resolve("received");
        try (Investigation inv = TestInvestigations.open(ws)) {
            inv.incidents().create(Incident.titled("Удар по швидкій"), "Колега", "");
        }
        System.setProperty(WorkspaceAccess.READ_ONLY_PROPERTY, "true");
        robot.interact(() -> vm.openAtStart(ws, true));
        waitUntil(() -> vm.list().incidents().size() == 1);

        Label banner = robot.lookup("#workspace-banner").queryAs(Label.class);
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.getText()).startsWith("Read-only investigation:").contains("copy the folder");
        assertThat(robot.lookup("#new-incident").queryAs(Node.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#toolbar-import").queryAs(Node.class).isDisabled()).isTrue();

        robot.interact(() -> vm.list().selectedProperty().set(vm.list().incidents().get(0)));
        waitUntil(() -> "Удар по швидкій".equals(vm.form().titleProperty().get()));
        assertThat(robot.lookup("#save-incident").queryAs(Node.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#import-evidence").queryAs(Node.class).isDisabled()).isTrue();
    }

    @Test
    void aNamedFolderWithoutAnInvestigationIsNotCreated(FxRobot robot) throws Exception {
        Path typo = tmp.resolve("no-such-investigation");
        robot.interact(() -> vm.openAtStart(typo, true));
        waitUntil(() -> !vm.bannerProperty().get().isEmpty());
        Label banner = robot.lookup("#workspace-banner").queryAs(Label.class);
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.getText()).contains(typo.toString());
        assertThat(vm.session().investigation()).isEmpty();
        assertThat(typo).doesNotExist();
    }
}
