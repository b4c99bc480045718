package org.groundtruth.ui.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.media.ContentInspector;
import org.groundtruth.media.SharedMedia;
import org.groundtruth.store.EvidenceService.ImportRequest;
import org.groundtruth.store.Investigation;
import org.groundtruth.ui.common.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real panel, headless (Monocle), with real threads: keys step frames, the jump field, the photo tools. */
@ExtendWith(ApplicationExtension.class)
class EvidencePaneTest {
    @TempDir
    static Path tmp;

    private Investigation investigation;
    private TaskRunner runner;
    private EvidencePane pane;

    @Start
    void start(Stage stage) {
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        investigation = Investigation.open(tmp.resolve("pane-ws-" + System.nanoTime()), new ContentInspector());
        runner = new TaskRunner();
        pane = EvidencePane.create(EvidenceAccess.of(() -> Optional.of(investigation), () -> "analyst"), runner);
        stage.setScene(new Scene(pane, 1200, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        Platform.runLater(pane::dispose);
        WaitForAsyncUtils.waitForFxEvents();
        runner.shutdown();
        investigation.close();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private EvidenceItem imported(Path file) {
        return investigation.evidence().importFile(file, ImportRequest.PLAIN, "analyst", ProgressMonitor.NONE).item();
    }

    private String overlay(FxRobot robot) {
        return robot.lookup("#frame-overlay").queryAs(Label.class).getText();
    }

    @Test
    void keysStepFramesAndTheJumpFieldTakesATimecode(FxRobot robot) throws Exception {
        EvidenceItem video = imported(SharedMedia.file("video/gopro-max-heromode.mp4"));
        robot.interact(() -> pane.show(video));
        VideoPlayerViewModel player = pane.viewModel().video();
        waitUntil(() -> player.frameNumberProperty().get() == 0);
        assertThat(overlay(robot)).isEqualTo("Frame 0 / 314   00:00:00.000");

        robot.clickOn("#frame-overlay");
        robot.type(KeyCode.RIGHT, 3);
        waitUntil(() -> player.frameNumberProperty().get() == 3);
        robot.type(KeyCode.LEFT);
        waitUntil(() -> player.frameNumberProperty().get() == 2);
        assertThat(overlay(robot)).isEqualTo("Frame 2 / 314   00:00:00.067");

        robot.clickOn("#jump").write("00:00:05").type(KeyCode.ENTER);
        waitUntil(() -> player.frameNumberProperty().get() == 149);
        assertThat(robot.lookup("#timecode").queryAs(Label.class).getText()).isEqualTo("00:00:04.972");

        robot.clickOn("#frame-overlay");
        robot.type(KeyCode.L); // play
        waitUntil(() -> player.frameNumberProperty().get() > 150);
        robot.type(KeyCode.K); // stop
        waitUntil(() -> !player.playingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        long stopped = player.frameNumberProperty().get();
        robot.type(KeyCode.RIGHT);
        waitUntil(() -> player.frameNumberProperty().get() == stopped + 1);

        waitUntil(() -> !player.scanningProperty().get());
        assertThat(player.keyframes()).hasSizeGreaterThan(1);
    }

    @Test
    void aBoxDraggedOnThePhotoBecomesATemplate(FxRobot robot) throws Exception {
        EvidenceItem photo = imported(SharedMedia.file("jpg/Sony DSC-HX5V (2).jpg"));
        robot.interact(() -> pane.show(photo));
        javafx.scene.image.ImageView shown = robot.lookup("#photo-image").queryAs(javafx.scene.image.ImageView.class);
        waitUntil(() -> shown.getImage() != null && pane.viewModel().photo().image().isPresent());
        robot.interact(() -> ((javafx.scene.control.TabPane) robot.lookup("#evidence-tabs").query()).getSelectionModel().select(2));
        waitUntil(() -> pane.viewModel().scan().templates().size() == 3);
        robot.clickOn("#scan-template-from-box");
        javafx.geometry.Bounds b = shown.localToScreen(shown.getBoundsInLocal());
        robot.drag(new javafx.geometry.Point2D(b.getMinX() + b.getWidth() * 0.3, b.getMinY() + b.getHeight() * 0.3))
                .dropTo(new javafx.geometry.Point2D(b.getMinX() + b.getWidth() * 0.5, b.getMinY() + b.getHeight() * 0.5));
        waitUntil(() -> robot.lookup("#scan-new-template-name").tryQuery().isPresent());
        robot.clickOn("#scan-new-template-name").write("Panel emblem");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> investigation.insigniaScans().templateNamed("Panel emblem").isPresent());
        var template = investigation.insigniaScans().templateNamed("Panel emblem").orElseThrow();
        assertThat(template.source()).isEqualTo("evidence " + photo.id() + " (photo)");
        assertThat(template.type()).isEqualTo(org.groundtruth.core.verify.InsigniaType.DSNS_EMBLEM);
        java.awt.image.BufferedImage full = pane.viewModel().photo().image().orElseThrow();
        java.awt.image.BufferedImage cut = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                investigation.insigniaScans().picture(template.id())));
        // a fifth of the decoded picture each way (the drag went from 0.3 to 0.5 of the shown picture)
        assertThat((double) cut.getWidth() / full.getWidth()).isBetween(0.18, 0.22);
        assertThat((double) cut.getHeight() / full.getHeight()).isBetween(0.18, 0.22);
    }

    @Test
    void photoToolsAndMagnifier(FxRobot robot) throws Exception {
        EvidenceItem photo = imported(SharedMedia.file("jpg/Sony DSC-HX5V (2).jpg"));
        robot.interact(() -> pane.show(photo));
        PhotoViewModel vm = pane.viewModel().photo();
        waitUntil(() -> vm.displayImageProperty().get() != null);
        javafx.scene.image.ImageView shown = robot.lookup("#photo-image").queryAs(javafx.scene.image.ImageView.class);
        waitUntil(() -> shown.getImage() != null); // converted for JavaFX off the FX thread
        assertThat(shown.getImage().getWidth()).isEqualTo(730);
        robot.clickOn("#rotate-right");
        assertThat(vm.quarterTurnsProperty().get()).isEqualTo(1);
        robot.clickOn("#magnifier");
        assertThat(vm.magnifierProperty().get()).isTrue();
        javafx.scene.Node viewport = robot.lookup("#photo-viewport").query();
        robot.interact(() -> viewport.fireEvent(new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_MOVED,
                200, 150, 0, 0, javafx.scene.input.MouseButton.NONE, 0, false, false, false, false, false, false,
                false, false, false, false, null)));
        assertThat(robot.lookup(".magnifier-ring").query().isVisible()).isTrue();
        robot.clickOn("#photo-viewport").type(KeyCode.M);
        assertThat(vm.magnifierProperty().get()).isFalse();
        javafx.scene.layout.GridPane summary = robot.lookup("#metadata-summary").queryAs(javafx.scene.layout.GridPane.class);
        assertThat(summary.getChildren()).isNotEmpty();
        assertThat(robot.lookup("#suggest-pin").tryQuery()).isPresent();
        robot.clickOn("#metadata-search").write("model");
        assertThat(pane.viewModel().metadata().filteredTags()).isNotEmpty()
                .allSatisfy(t -> assertThat((t.group() + t.name() + t.value()).toLowerCase()).contains("model"));
    }
}
