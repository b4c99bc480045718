package org.groundtruth.ui.app;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Puts the main window where the analyst left it (fitted to today's screens) or, the first time, over the whole
 * primary screen, maximized; and keeps its normal bounds and maximized state in the window layouts as it moves.
 */
final class WindowPlacement {
    private WindowPlacement() {
    }

    /** The visual bounds (less task bars) of the screens there are, the primary first. */
    static List<Rectangle2D> screens() {
        Screen primary = Screen.getPrimary();
        java.util.ArrayList<Rectangle2D> all = new java.util.ArrayList<>();
        all.add(primary.getVisualBounds());
        Screen.getScreens().stream().filter(s -> !s.equals(primary)).map(Screen::getVisualBounds).forEach(all::add);
        return all;
    }

    /** Places {@code stage} (before it is shown) at {@code saved} fitted to {@code screens}, or the first-run way. */
    static void place(Stage stage, Optional<WindowBounds> saved, List<Rectangle2D> screens) {
        WindowBounds bounds = saved.map(b -> b.fitTo(screens)).orElseGet(() -> {
            Rectangle2D screen = WorkbenchApp.firstWindowBounds(screens.get(0));
            return new WindowBounds(screen.getMinX(), screen.getMinY(), Math.max(WindowBounds.MIN_SIZE, screen.getWidth()),
                    Math.max(WindowBounds.MIN_SIZE, screen.getHeight()), true);
        });
        stage.setX(bounds.x());
        stage.setY(bounds.y());
        stage.setWidth(bounds.width());
        stage.setHeight(bounds.height());
        stage.setMaximized(bounds.maximized());
    }

    /**
     * Keeps {@code stage}'s bounds in {@code layouts} (in memory; written with the layouts): the normal bounds, not
     * the maximized or full-screen ones, so that un-maximizing after a restart returns to them.
     */
    static void track(Stage stage, WindowLayouts layouts) {
        double[] normal = {stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()};
        Runnable keep = () -> {
            boolean special = stage.isMaximized() || stage.isIconified() || stage.isFullScreen();
            if (!special && Double.isFinite(stage.getWidth()) && stage.getWidth() >= WindowBounds.MIN_SIZE
                    && stage.getHeight() >= WindowBounds.MIN_SIZE) {
                normal[0] = stage.getX();
                normal[1] = stage.getY();
                normal[2] = stage.getWidth();
                normal[3] = stage.getHeight();
            }
            if (!stage.isIconified() && Double.isFinite(normal[0]) && Double.isFinite(normal[1])
                    && normal[2] >= WindowBounds.MIN_SIZE && normal[3] >= WindowBounds.MIN_SIZE) {
                layouts.rememberWindow(new WindowBounds(normal[0], normal[1], normal[2], normal[3], stage.isMaximized()));
            }
        };
        javafx.beans.InvalidationListener changed = o -> keep.run();
        stage.xProperty().addListener(changed);
        stage.yProperty().addListener(changed);
        stage.widthProperty().addListener(changed);
        stage.heightProperty().addListener(changed);
        stage.maximizedProperty().addListener(changed);
        stage.iconifiedProperty().addListener(changed);
        keep.run();
    }
}
