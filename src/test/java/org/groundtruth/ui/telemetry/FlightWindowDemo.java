package org.groundtruth.ui.telemetry;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.store.Settings;
import org.groundtruth.ui.app.MainWindow;
import org.groundtruth.ui.app.WorkbenchApp;
import org.groundtruth.ui.app.WorkbenchViewModel;
import org.groundtruth.ui.common.TaskRunner;

/**
 * Throwaway walk-through of the real window (not a test), for screenshots under Xvfb:
 * {@code xvfb-run -a -s "-screen 0 1600x1000x24" mvn -q test-compile exec:java
 * -Dexec.mainClass=org.groundtruth.ui.telemetry.FlightWindowDemo -Dexec.classpathScope=test -Dexec.args="WORKSPACE SHOTS"}.
 * Opens the investigation, selects its first incident, its video (the SRT beside it gives the track), gives the
 * field of view, plays, suggests a pin, then shows its photo; {@code import -window root} after each step.
 */
public final class FlightWindowDemo {
    private FlightWindowDemo() {
    }

    public static void main(String[] args) throws Exception {
        Path workspace = Path.of(args[0]);
        Path shots = Path.of(args[1]);
        java.nio.file.Files.createDirectories(shots);
        CompletableFuture<Object[]> built = new CompletableFuture<>();
        Platform.startup(() -> {
            TaskRunner runner = new TaskRunner();
            WorkbenchViewModel vm = new WorkbenchViewModel(runner, new Settings("Олена", Optional.empty()));
            MainWindow window = new MainWindow(vm, runner);
            Stage stage = new Stage();
            Scene scene = new Scene(window, 1600, 1000);
            WorkbenchApp.applyTheme(scene);
            stage.setScene(scene);
            stage.setX(0);
            stage.setY(0);
            stage.show();
            vm.open(workspace);
            javafx.scene.control.SplitPane columns = (javafx.scene.control.SplitPane) window.getCenter();
            columns.setDividerPositions(0.14, 0.66);
            built.complete(new Object[] {vm, window, scene});
        });
        Object[] parts = built.get(60, TimeUnit.SECONDS);
        WorkbenchViewModel vm = (WorkbenchViewModel) parts[0];
        Scene scene = (Scene) parts[2];
        waitFor(() -> !vm.list().incidents().isEmpty());
        fx(() -> vm.list().selectedProperty().set(vm.list().incidents().get(0)));
        waitFor(() -> vm.evidence().items().size() >= 3);
        fx(() -> vm.evidence().selectedProperty().set(item(vm, "video/")));
        waitFor(() -> scene.lookup("#flight-fov") != null && scene.lookup("#flight-fov").isVisible());
        Thread.sleep(2500);
        shot(shots, "1-track-needs-fov");
        fx(() -> {
            TextField fov = (TextField) scene.lookup("#flight-fov");
            fov.setText("84");
            fov.fireEvent(new javafx.event.ActionEvent());
        });
        Thread.sleep(1500);
        shot(shots, "2-footprint-frame0");
        fx(() -> ((org.groundtruth.ui.evidence.EvidencePane) scene.lookup("#evidence-pane")).viewModel().video().seek(200));
        Thread.sleep(2500);
        shot(shots, "3-footprint-frame200");
        fx(() -> ((Button) scene.lookup("#flight-suggest-pin")).fire());
        Thread.sleep(1500);
        shot(shots, "4-pin-form-filled");
        fx(() -> vm.evidence().selectedProperty().set(item(vm, "image/")));
        Thread.sleep(3000);
        shot(shots, "5-photo-gps");
        Platform.exit();
        System.exit(0);
    }

    private static EvidenceItem item(WorkbenchViewModel vm, String type) {
        return vm.evidence().items().stream().filter(e -> e.mediaType().startsWith(type)).findFirst().orElseThrow();
    }

    private static void fx(Runnable r) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                r.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        done.get(30, TimeUnit.SECONDS);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            CompletableFuture<Boolean> ok = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    ok.complete(condition.call());
                } catch (Exception e) {
                    ok.complete(false);
                }
            });
            if (ok.get(30, TimeUnit.SECONDS)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("timed out");
    }

    private static void shot(Path dir, String name) throws Exception {
        new ProcessBuilder("import", "-window", "root", dir.resolve(name + ".png").toString()).inheritIO().start()
                .waitFor(30, TimeUnit.SECONDS);
        System.out.println("shot " + name);
    }
}
