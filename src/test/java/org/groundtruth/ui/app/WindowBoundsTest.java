package org.groundtruth.ui.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's saved bounds come back on a screen there is, no larger than it; plain logic, no toolkit. */
class WindowBoundsTest {
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 741);
    private static final Rectangle2D MONITOR = new Rectangle2D(1366, 0, 1920, 1040);

    @Test
    void aWindowOnASecondMonitorThatIsGoneComesBackOnThePrimary() {
        WindowBounds onMonitor = new WindowBounds(1500, 100, 1200, 700, false);
        assertThat(onMonitor.fitTo(List.of(LAPTOP, MONITOR))).isEqualTo(onMonitor);
        WindowBounds back = onMonitor.fitTo(List.of(LAPTOP));
        assertThat(back).isEqualTo(new WindowBounds(166, 41, 1200, 700, false));
        assertThat(LAPTOP.contains(back.x(), back.y(), back.width(), back.height())).isTrue();
    }

    @Test
    void aWindowLargerThanTheScreenIsShrunkToIt() {
        WindowBounds fullHd = new WindowBounds(0, 0, 1920, 1080, true);
        assertThat(fullHd.fitTo(List.of(LAPTOP))).isEqualTo(new WindowBounds(0, 0, 1366, 741, true));
    }

    @Test
    void aWindowHalfOffTheScreenIsMovedOntoIt() {
        assertThat(new WindowBounds(-300, 600, 800, 500, false).fitTo(List.of(LAPTOP)))
                .isEqualTo(new WindowBounds(0, 241, 800, 500, false));
    }

    @Test
    void aWindowAcrossTwoScreensGoesToTheOneItCoversMost() {
        WindowBounds across = new WindowBounds(1000, 100, 1000, 600, false); // 366 px on the laptop, 634 on the monitor
        assertThat(across.fitTo(List.of(LAPTOP, MONITOR))).isEqualTo(new WindowBounds(1366, 100, 1000, 600, false));
    }

    @Test
    void aScreenWithATaskBarOnTopKeepsTheWindowBelowIt() {
        Rectangle2D withBar = new Rectangle2D(0, 27, 1366, 741);
        assertThat(new WindowBounds(10, 0, 900, 800, false).fitTo(List.of(withBar)))
                .isEqualTo(new WindowBounds(10, 27, 900, 741, false));
    }

    @Test
    void sizesAndPositionsThatCannotBeAWindowAreRefused() {
        assertThatThrownBy(() -> new WindowBounds(Double.NaN, 0, 800, 600, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WindowBounds(0, 0, 10, 600, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WindowBounds(0, 0, 800, Double.POSITIVE_INFINITY, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDamagedOrMissingEntryIsNoBoundsNotAnError() {
        Properties p = new Properties();
        assertThat(WindowBounds.read(p)).isEmpty();
        new WindowBounds(10, 20, 800, 600, true).write(p);
        assertThat(WindowBounds.read(p)).contains(new WindowBounds(10, 20, 800, 600, true));
        p.setProperty("window.width", "wide");
        assertThat(WindowBounds.read(p)).isEmpty();
        p.setProperty("window.width", "-5");
        assertThat(WindowBounds.read(p)).isEmpty();
    }

    @Test
    void boundsAreSavedWithTheLayoutsAndSurviveARestart(@TempDir Path config) throws Exception {
        WindowLayouts layouts = WindowLayouts.load(config);
        Path investigation = config.resolve("inv");
        layouts.remember(investigation, WindowLayout.NONE);
        layouts.rememberWindow(new WindowBounds(1500, 50, 1400, 900, true));
        layouts.remember(investigation, WindowLayout.NONE); // an investigation's layout does not drop the window's
        layouts.save();
        assertThat(Files.readString(config.resolve(WindowLayouts.FILE))).contains("window.maximized=true");

        WindowLayouts reopened = WindowLayouts.load(config);
        assertThat(reopened.window()).isEqualTo(Optional.of(new WindowBounds(1500, 50, 1400, 900, true)));
        assertThat(reopened.forInvestigation(investigation)).contains(WindowLayout.NONE);
    }
}
