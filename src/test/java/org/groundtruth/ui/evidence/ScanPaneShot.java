package org.groundtruth.ui.evidence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.Sensitivity;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.store.EvidenceService.ImportRequest;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.TestInvestigations;
import org.groundtruth.ui.common.TaskRunner;

/**
 * Shows the evidence panel with its insignia scan tab on a generated drone clip (a Red Cross in frames 10..29), runs
 * the scan through the real {@link TaskRunner}, selects the candidate and saves a picture of the window. For a look
 * under Xvfb: {@code xvfb-run -a -s "-screen 0 1600x1000x24" java -cp … org.groundtruth.ui.evidence.ScanPaneShot OUT.png}.
 */
public final class ScanPaneShot {
    private ScanPaneShot() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/scan-pane.png");
        Path dir = Files.createTempDirectory("gt-scan-shot");
        Path video = ScanViewModelTest.videoWithRedCross(dir.resolve("drone-clip.mp4"));
        Investigation inv = TestInvestigations.open(dir.resolve("inv"));
        Incident incident = inv.incidents().create(Incident.titled("Удар по швидкій, Херсон"), "analyst", "");
        EvidenceItem item = inv.evidence().importFile(video, new ImportRequest(Optional.of(incident.id()),
                Optional.empty(), Sensitivity.PUBLIC), "analyst", ProgressMonitor.NONE).item();
        CountDownLatch scanned = new CountDownLatch(1);
        Stage[] stage = new Stage[1];
        Platform.startup(() -> {
            TaskRunner runner = new TaskRunner();
            EvidencePane pane = EvidencePane.create(EvidenceAccess.of(() -> Optional.of(inv), () -> "analyst"), runner);
            ScanViewModel scan = pane.viewModel().scan();
            scan.setIncident(() -> Optional.of(incident.id()));
            stage[0] = new Stage();
            javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            Scene scene = new Scene(pane, 1200, 900);
            scene.getStylesheets().add(ScanPaneShot.class.getResource("/css/groundtruth.css").toExternalForm());
            stage[0].setScene(scene);
            stage[0].setTitle("Groundtruth — insignia scan");
            stage[0].show();
            pane.show(item);
            scan.templates().addListener((ListChangeListener<ScanViewModel.TemplateChoice>) c -> {
                if (!scan.runningProperty().get() && scan.candidates().isEmpty()) {
                    scan.everyNthProperty().set(2);
                    scan.markingsProperty().set("ДСНС, 101");
                    scan.scan();
                }
            });
            scan.runningProperty().addListener((o, was, now) -> {
                if (!now) {
                    ListView<?> list = (ListView<?>) pane.lookup("#scan-candidates");
                    list.getSelectionModel().select(0);
                    scanned.countDown();
                }
            });
            ((TabPane) pane.lookup("#evidence-tabs")).getSelectionModel().select(2);
        });
        if (!scanned.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("scan did not finish");
        }
        Thread.sleep(4000); // the player decodes and shows the selected frame
        CountDownLatch saved = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                var image = stage[0].getScene().snapshot(null);
                ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out.toFile());
            } catch (Exception e) {
                e.printStackTrace();
            }
            saved.countDown();
        });
        saved.await(1, TimeUnit.MINUTES);
        System.out.println("saved " + out);
        if (args.length > 1) {
            Thread.sleep(Long.parseLong(args[1]) * 1000); // time for an outside screenshot of the display
        }
        Platform.exit();
        inv.close();
    }
}
