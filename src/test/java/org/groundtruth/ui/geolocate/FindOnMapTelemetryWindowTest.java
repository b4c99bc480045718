package org.groundtruth.ui.geolocate;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.stage.Stage;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.audit.AuditEntry;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.geo.Geodesy;
import org.groundtruth.core.geolocate.MatchCandidate;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.map.imagery.ReferenceLayer;
import org.groundtruth.media.ContentInspector;
import org.groundtruth.media.StillImageDecoder;
import org.groundtruth.store.EvidenceService.ImportRequest;
import org.groundtruth.store.Investigation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Rectify: from telemetry" in the "Find on map" panel: a real DJI photo (Brighton DJI_0026, gimbal pitch in its XMP)
 * offers it, and the search rectified from its pose — the same {@code TelemetryRectification} as
 * {@code geolocate --from-telemetry} — finds the photo's place; the custody entry says the telemetry footprint. A
 * picture without drone metadata does not offer it and says why in one line. The panel is written to
 * {@code target/find-on-map-telemetry.png}.
 */
@ExtendWith(ApplicationExtension.class)
class FindOnMapTelemetryWindowTest {
    @TempDir
    static Path tmp;
    private Investigation investigation;
    private Incident incident;
    private FindOnMapViewModel vm;
    private FindOnMapView view;

    @Start
    void start(Stage stage) {
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        investigation = Investigation.open(tmp.resolve("ws-" + System.nanoTime()), new ContentInspector());
        incident = investigation.incidents().create(Incident.titled("Удар по пожежній машині"), "analyst", "");
        vm = new FindOnMapViewModel(new FindOnMapViewModelTest.Inline(), Runnable::run, () -> Optional.of(investigation),
                () -> "analyst", () -> Optional.of(incident.id()));
        vm.setReferenceSource(() -> List.of(new FindOnMapViewModel.ReferenceChoice("Brighton ortho",
                () -> ReferenceLayer.open(FindOnMapViewModelTest.REFERENCE), true)));
        vm.setCurrentView(() -> Optional.of(FindOnMapViewModelTest.NEAR_TRUTH));
        vm.setTelemetrySource(new FrameTelemetry(() -> Optional.of(investigation)));
        view = new FindOnMapView(vm, () -> { });
        stage.setScene(new Scene(view, 640, 760));
        stage.show();
    }

    @AfterEach
    void stop() {
        investigation.close();
    }

    private void open(Path file) throws Exception {
        EvidenceItem item = investigation.evidence().importFile(file, ImportRequest.PLAIN, "analyst", ProgressMonitor.NONE)
                .item();
        BufferedImage picture = new StillImageDecoder().decode(file, 2000).image();
        WaitForAsyncUtils.asyncFx(() -> vm.open(new FindOnMapViewModel.FrameToLocate(item, 0, picture))).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aDronePhotoIsRectifiedFromItsCameraPoseAndFound(FxRobot robot) throws Exception {
        open(FindOnMapViewModelTest.BRIGHTON.resolve("images/DJI_0026.JPG"));
        RadioButton telemetry = robot.lookup("#find-rectify-telemetry").queryAs(RadioButton.class);
        assertThat(telemetry.isDisabled()).as(vm.telemetryNoteProperty().get()).isFalse();
        assertThat(robot.lookup("#find-rectify-note").queryAs(Label.class).isVisible()).isFalse();

        robot.clickOn("#find-rectify-telemetry");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.rectifyProperty().get()).isEqualTo(FindOnMapViewModel.Rectify.TELEMETRY);
        robot.clickOn("#find-search");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(vm.candidates()).as(vm.statusProperty().get()).isNotEmpty();
        MatchCandidate best = vm.candidates().get(0);
        assertThat(Geodesy.measure(best.center(), FindOnMapViewModelTest.TRUTH).distanceMeters()).isLessThan(10);
        assertThat(investigation.custody().all().stream().filter(e -> e.entityType().equals("image_match_search"))
                .map(AuditEntry::after)).singleElement().asString().contains("telemetry footprint").contains("pitch");
        WaitForAsyncUtils.asyncFx(() -> {
            javax.imageio.ImageIO.write(SwingFXUtils.fromFXImage(view.getScene().snapshot(null), null), "png",
                    Path.of("target", "find-on-map-telemetry.png").toFile());
            return null;
        }).get();
    }

    @Test
    void aPictureWithoutCameraPoseDoesNotOfferTelemetryAndSaysWhy(FxRobot robot) throws Exception {
        BufferedImage plain = new StillImageDecoder().decode(FindOnMapViewModelTest.BRIGHTON.resolve("images/DJI_0026.JPG"),
                800).image();
        Path png = tmp.resolve("no-pose-" + System.nanoTime() + ".png");
        javax.imageio.ImageIO.write(plain, "png", png.toFile()); // the pixels without the drone's metadata
        open(png);

        RadioButton telemetry = robot.lookup("#find-rectify-telemetry").queryAs(RadioButton.class);
        Label note = robot.lookup("#find-rectify-note").queryAs(Label.class);
        assertThat(telemetry.isDisabled()).isTrue();
        assertThat(note.isVisible()).isTrue();
        assertThat(note.getText()).startsWith("From telemetry unavailable:").doesNotContain("\n");
        WaitForAsyncUtils.asyncFx(() -> {
            javax.imageio.ImageIO.write(SwingFXUtils.fromFXImage(view.getScene().snapshot(null), null), "png",
                    Path.of("target", "find-on-map-no-telemetry.png").toFile());
            return null;
        }).get();
        robot.clickOn("#find-rectify-telemetry");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.rectifyProperty().get()).isEqualTo(FindOnMapViewModel.Rectify.NONE);
        // even if chosen by code, the search refuses with the reason and runs nothing
        WaitForAsyncUtils.asyncFx(() -> {
            vm.rectifyProperty().set(FindOnMapViewModel.Rectify.TELEMETRY);
            vm.search();
        }).get();
        assertThat(vm.statusProperty().get()).isEqualTo(note.getText());
        assertThat(investigation.custody().all().stream().filter(e -> e.entityType().equals("image_match_search"))).isEmpty();
    }
}
