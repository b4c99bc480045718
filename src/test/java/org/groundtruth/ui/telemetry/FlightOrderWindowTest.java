package org.groundtruth.ui.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.groundtruth.cli.CliRun;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.Sensitivity;
import org.groundtruth.core.audit.AuditEntry;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.telemetry.OrderChoice;
import org.groundtruth.media.ContentInspector;
import org.groundtruth.media.SharedMedia;
import org.groundtruth.store.EvidenceService.ImportRequest;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.TelemetryOrders;
import org.groundtruth.ui.common.I18n;
import org.groundtruth.ui.common.TaskRunner;
import org.groundtruth.ui.evidence.EvidenceAccess;
import org.groundtruth.ui.evidence.EvidenceViewModel;
import org.groundtruth.ui.map.FlightLayer;
import org.groundtruth.ui.map.MapPane;
import org.groundtruth.ui.map.MapViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The flight panel's GPS order choice, headless, on a real investigation: an old DJI SRT (Buenos Aires, both readings
 * in range) shows the rule that decided; choosing "latitude first" records a custody entry, moves the track, survives
 * reopening the investigation, and the command line reads the item with the same order.
 */
@ExtendWith(ApplicationExtension.class)
class FlightOrderWindowTest {
    @TempDir
    static Path tmp;
    private final AtomicReference<Investigation> investigation = new AtomicReference<>();
    private TaskRunner runner;
    private MapViewModel map;
    private EvidenceViewModel evidence;
    private EvidenceItem srt;

    @Start
    void start(Stage stage) {
        Path ws = tmp.resolve("ws-" + System.nanoTime());
        investigation.set(Investigation.open(ws, new ContentInspector()));
        srt = investigation.get().evidence().importFile(SharedMedia.file("dji-srt/broken_incomplete.SRT"),
                new ImportRequest(Optional.empty(), Optional.empty(), Sensitivity.PUBLIC), "Олена",
                ProgressMonitor.NONE).item();
        runner = new TaskRunner();
        EvidenceAccess access = EvidenceAccess.of(() -> Optional.ofNullable(investigation.get()), () -> "Олена");
        map = new MapViewModel(runner, Optional.empty(), tmp.resolve("cache"));
        evidence = new EvidenceViewModel(access, runner, Platform::runLater);
        new FlightSync(evidence, access, runner, map);
        stage.setScene(new Scene(new MapPane(map), 1400, 700));
        stage.show();
    }

    @AfterEach
    void stop() {
        runner.shutdown();
        map.close();
        evidence.close();
        Optional.ofNullable(investigation.get()).ifPresent(Investigation::close);
    }

    @Test
    void choosingLatitudeFirstIsRecordedAppliedAndKept(FxRobot robot) throws Exception {
        FlightLayer layer = map.flight();
        robot.interact(() -> evidence.show(srt));
        waitUntil(() -> layer.canChooseOrderProperty().get() && layer.droneProperty().get().isPresent());
        Label rule = robot.lookup("#flight-order-rule").queryAs(Label.class);
        assertThat(rule.isVisible()).isTrue();
        assertThat(rule.getText()).contains("lon-lat", "settlements");
        assertThat(layer.droneProperty().get().orElseThrow().lat()).isCloseTo(-34.7383, within(1e-6));
        @SuppressWarnings("unchecked")
        ComboBox<OrderChoice> order = robot.lookup("#flight-order").queryAs(ComboBox.class);
        assertThat(order.getValue()).isEqualTo(OrderChoice.AUTO);

        robot.clickOn(order);
        robot.clickOn(I18n.t("flight.order.lat-lon"));
        waitUntil(() -> layer.orderChoiceProperty().get() == OrderChoice.LAT_LON
                && layer.orderRuleProperty().get().contains("override"));
        waitUntil(() -> layer.droneProperty().get().map(p -> Math.abs(p.lat() + 58.4563) < 1e-6).orElse(false));
        assertThat(order.getValue()).isEqualTo(OrderChoice.LAT_LON);
        snapshot(robot, order.getScene(), Path.of("target", "screenshots", "flight-order-lat-lon.png"));
        assertThat(layer.orderReasonProperty().get()).contains("without the override: lon-lat (settlements)",
                "Олена");
        var history = investigation.get().custody().history(TelemetryOrders.ENTITY, srt.id());
        assertThat(history).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("Олена");
            assertThat(e.after()).contains("lat-lon");
            assertThat(e.reason()).contains("broken_incomplete.SRT", "lat-lon", "lon-lat (settlements)");
        });

        // reopened: the choice is read back from the custody log and applied again
        Path ws = investigation.get().directory();
        robot.interact(() -> evidence.clear());
        investigation.get().close();
        investigation.set(Investigation.open(ws, new ContentInspector()));
        robot.interact(() -> evidence.show(srt));
        waitUntil(() -> layer.canChooseOrderProperty().get() && layer.droneProperty().get().isPresent());
        assertThat(layer.orderChoiceProperty().get()).isEqualTo(OrderChoice.LAT_LON);
        assertThat(layer.droneProperty().get().orElseThrow().lat()).isCloseTo(-58.4563, within(1e-6));
        assertThat(order.getValue()).isEqualTo(OrderChoice.LAT_LON);

        // the command line reads the item with the order the window recorded
        CliRun cli = CliRun.of("--workspace", ws.toString(), "telemetry", srt.id(), "--json");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.err()).contains("GPS order lat-lon as recorded by Олена");
        assertThat(cli.json().get(0).get("lat").asDouble()).isCloseTo(-58.4563, within(1e-6));

        // back to automatic: a second entry, the reasoning decides again
        robot.clickOn(order);
        robot.clickOn(I18n.t("flight.order.auto"));
        waitUntil(() -> layer.orderChoiceProperty().get() == OrderChoice.AUTO
                && layer.orderRuleProperty().get().contains("settlements"));
        assertThat(investigation.get().custody().history(TelemetryOrders.ENTITY, srt.id()))
                .extracting(AuditEntry::after).hasSize(2).last().asString().contains("auto");
    }

    /** The window as it looks (for the reviewer: target/screenshots), written with ImageIO from the FX snapshot. */
    private static void snapshot(FxRobot robot, Scene scene, Path png) throws Exception {
        java.util.concurrent.atomic.AtomicReference<javafx.scene.image.WritableImage> shot = new AtomicReference<>();
        robot.interact(() -> shot.set(scene.snapshot(null)));
        javafx.scene.image.WritableImage image = shot.get();
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, image.getPixelReader().getArgb(x, y));
            }
        }
        java.nio.file.Files.createDirectories(png.getParent());
        assertThat(javax.imageio.ImageIO.write(out, "png", png.toFile())).isTrue();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }
}
