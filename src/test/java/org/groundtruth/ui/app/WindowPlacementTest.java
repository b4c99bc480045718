package org.groundtruth.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** A real stage is put where it was left (fitted to the screen there is) and its moves are kept for the next start. */
@ExtendWith(ApplicationExtension.class)
class WindowPlacementTest {
    @TempDir
    Path config;

    @Test
    void theWindowComesBackWhereItWasLeftFittedToTheScreenAndItsMovesAreKept() throws Exception {
        Rectangle2D screen = WaitForAsyncUtils.asyncFx(() -> WindowPlacement.screens().get(0)).get(30, TimeUnit.SECONDS);
        WindowLayouts layouts = WindowLayouts.load(config);
        // Left on a second monitor to the right that is not there now, and larger than this screen.
        layouts.rememberWindow(new WindowBounds(screen.getMaxX() + 100, 40, screen.getWidth() + 500, 600, false));
        layouts.save();
        WindowLayouts reopened = WindowLayouts.load(config);

        Stage stage = WaitForAsyncUtils.asyncFx(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new Pane()));
            WindowPlacement.place(s, reopened.window(), WindowPlacement.screens());
            WindowPlacement.track(s, reopened);
            s.show();
            return s;
        }).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        try {
            assertThat(stage.getWidth()).isEqualTo(screen.getWidth());
            assertThat(stage.getX()).isEqualTo(screen.getMinX());
            assertThat(screen.contains(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight())).isTrue();

            WaitForAsyncUtils.asyncFx(() -> {
                stage.setX(screen.getMinX() + 30);
                stage.setY(screen.getMinY() + 20);
                stage.setWidth(640);
                stage.setHeight(480);
            }).get(30, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            reopened.save();
            assertThat(WindowLayouts.load(config).window()).isEqualTo(Optional.of(
                    new WindowBounds(screen.getMinX() + 30, screen.getMinY() + 20, 640, 480, false)));
        } finally {
            WaitForAsyncUtils.asyncFx(stage::close).get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void withNothingSavedTheFirstWindowFillsThePrimaryScreenMaximized() throws Exception {
        Stage stage = WaitForAsyncUtils.asyncFx(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new Pane()));
            WindowPlacement.place(s, Optional.empty(), List.of(new Rectangle2D(0, 27, 1366, 741)));
            return s;
        }).get(30, TimeUnit.SECONDS);
        assertThat(List.of(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()))
                .containsExactly(0.0, 27.0, 1366.0, 741.0);
        assertThat(stage.isMaximized()).isTrue();
    }
}
