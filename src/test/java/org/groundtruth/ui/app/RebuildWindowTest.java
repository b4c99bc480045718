package org.groundtruth.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.groundtruth.store.Settings;
import org.groundtruth.ui.common.I18n;
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
 * Rebuilding the window (as a language switch does) releases what the old one held: after ten switches there
 * are no more threads, open files or listeners than after the first, and the background runner still works.
 */
@ExtendWith(ApplicationExtension.class)
class RebuildWindowTest {
    @TempDir
    static Path tmp;

    private WorkbenchViewModel vm;
    private TaskRunner runner;
    private MainWindow window;
    private Scene scene;

    @Start
    void start(Stage stage) {
        runner = new TaskRunner();
        vm = new WorkbenchViewModel(runner, new Settings("Аналітик", Optional.empty()));
        window = new MainWindow(vm, runner);
        scene = new Scene(window, 1366, 768);
        stage.setScene(scene);
        stage.show();
        vm.open(tmp.resolve("rebuild-ws"));
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

    private void switchLanguage(Locale locale) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            I18n.use(locale);
            MainWindow old = window;
            window = new MainWindow(vm, runner);
            scene.setRoot(window);
            old.dispose();
            vm.relocalize();
        }).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> runner.liveJobs() == 0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static long groundtruthThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("groundtruth-") || n.startsWith("tile-loader-")).count();
    }

    private static long openFiles() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    @Test
    void tenLanguageSwitchesLeaveNoThreadsHandlesOrListenersBehind(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.session().investigation().isPresent());
        switchLanguage(Locale.forLanguageTag("uk"));
        long threads = groundtruthThreads();
        long files = openFiles();
        int listeners = window.subscriptionCount();
        for (int i = 0; i < 10; i++) {
            switchLanguage(i % 2 == 0 ? Locale.ENGLISH : Locale.forLanguageTag("uk"));
        }
        // Threads end asynchronously after shutdownNow: give them time, then compare.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> groundtruthThreads() <= threads);
        assertThat(groundtruthThreads()).as("threads after ten rebuilds").isLessThanOrEqualTo(threads);
        // The map opens the basemap and gazetteer (SQLite files) per window: a leak would add them each time.
        assertThat(openFiles()).as("open file descriptors after ten rebuilds").isLessThanOrEqualTo(files + 2);
        assertThat(window.subscriptionCount()).isEqualTo(listeners);

        // The runner still takes work (no RejectedExecutionException), and the status bar is free again.
        java.util.concurrent.CompletableFuture<Integer> done = new java.util.concurrent.CompletableFuture<>();
        runner.run("probe", p -> 42, done::complete, done::completeExceptionally);
        assertThat(done.get(60, TimeUnit.SECONDS)).isEqualTo(42);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> runner.liveJobs() == 0);
        assertThat(runner.busyProperty().get()).isFalse();
    }
}
