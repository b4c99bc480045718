package org.groundtruth.ui.geolocate;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.map.imagery.ReferenceLayer;
import org.groundtruth.media.ContentInspector;
import org.groundtruth.media.StillImageDecoder;
import org.groundtruth.media.match.ObliqueViews;
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
 * The "Find on map" panel with an oblique frame: four clicks on the frame preview mark the ground points (numbered,
 * joined), the panel says the frame will be rectified, "Clear points" starts over. The panel is written to
 * {@code target/find-on-map-oblique.png}.
 */
@ExtendWith(ApplicationExtension.class)
class FindOnMapObliqueWindowTest {
    @TempDir
    static Path tmp;
    private Investigation investigation;
    private FindOnMapViewModel vm;
    private FindOnMapView view;

    @Start
    void start(Stage stage) {
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        investigation = Investigation.open(tmp.resolve("ws-" + System.nanoTime()), new ContentInspector());
        Incident incident = investigation.incidents().create(Incident.titled("Удар по пожежній машині"), "analyst", "");
        Path file = FindOnMapViewModelTest.BRIGHTON.resolve("images/DJI_0026.JPG");
        EvidenceItem item = investigation.evidence().importFile(file, ImportRequest.PLAIN, "analyst",
                org.groundtruth.core.ProgressMonitor.NONE).item();
        BufferedImage photo = new StillImageDecoder().decode(file, 2000).image();
        ObliqueViews.View oblique = ObliqueViews.render(photo, 68, 40, 1280, 720,
                new double[] {photo.getWidth() / 2.0, photo.getHeight() / 2.0}, 0.16 * photo.getWidth());
        vm = new FindOnMapViewModel(new FindOnMapViewModelTest.Inline(), Runnable::run, () -> Optional.of(investigation),
                () -> "analyst", () -> Optional.of(incident.id()));
        vm.setReferenceSource(() -> List.of(new FindOnMapViewModel.ReferenceChoice("Brighton ortho",
                () -> ReferenceLayer.open(FindOnMapViewModelTest.REFERENCE), true)));
        vm.open(new FindOnMapViewModel.FrameToLocate(item, 0, oblique.frame()));
        view = new FindOnMapView(vm, () -> { });
        stage.setScene(new Scene(view, 640, 760));
        stage.show();
    }

    @AfterEach
    void stop() {
        investigation.close();
    }

    @Test
    void fourClicksOnThePreviewMarkTheGroundPoints(FxRobot robot) throws Exception {
        Canvas canvas = robot.lookup("#find-ground-points").queryAs(Canvas.class);
        Label count = robot.lookup("#find-ground-count").queryAs(Label.class);
        assertThat(count.getText()).isEqualTo("Ground points: 0 of 4");
        double s = canvas.getWidth() / 1280;
        double[][] clicks = {{241, 509}, {359, 255}, {921, 255}, {1039, 509}};
        for (double[] c : clicks) {
            robot.clickOn(robot.point(canvas).atPosition(Pos.TOP_LEFT).atOffset(new Point2D(c[0] * s, c[1] * s)),
                    MouseButton.PRIMARY);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.groundPoints()).hasSize(4);
        for (int i = 0; i < 4; i++) { // within a preview pixel of where the click was meant
            assertThat(vm.groundPoints().get(i)[0]).isCloseTo(clicks[i][0], org.assertj.core.data.Offset.offset(2 / s));
            assertThat(vm.groundPoints().get(i)[1]).isCloseTo(clicks[i][1], org.assertj.core.data.Offset.offset(2 / s));
        }
        assertThat(count.getText()).contains("4 of 4").contains("rectified");
        WaitForAsyncUtils.asyncFx(() -> {
            javax.imageio.ImageIO.write(SwingFXUtils.fromFXImage(view.getScene().snapshot(null), null), "png",
                    Path.of("target", "find-on-map-oblique.png").toFile());
            return null;
        }).get();
        robot.clickOn("#find-ground-clear");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.groundPoints()).isEmpty();
        assertThat(count.getText()).isEqualTo("Ground points: 0 of 4");
    }
}
