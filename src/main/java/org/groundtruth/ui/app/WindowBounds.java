package org.groundtruth.ui.app;

import java.util.List;
import java.util.Optional;
import java.util.Properties;
import javafx.geometry.Rectangle2D;

/**
 * Where the main window was and how big (its normal, un-maximized bounds in screen pixels) and whether it was
 * maximized. Kept for the analyst across restarts, and fitted to the screens there are when it comes back.
 */
public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    /** The smallest window worth restoring; anything smaller is a damaged entry. */
    static final double MIN_SIZE = 200;
    private static final String PREFIX = "window.";

    public WindowBounds {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("window position must be finite: " + x + "," + y);
        }
        if (!(width >= MIN_SIZE) || !(height >= MIN_SIZE) || !Double.isFinite(width) || !Double.isFinite(height)) {
            throw new IllegalArgumentException("window size must be finite and at least " + MIN_SIZE + ": "
                    + width + "x" + height);
        }
    }

    /**
     * These bounds on the screens there are now ({@code screens}: their visual bounds, the primary first): on the
     * screen the window overlapped most, or on the primary when it overlaps none (a second monitor that is gone);
     * shrunk to that screen when larger, and moved so that all of it is on that screen.
     */
    public WindowBounds fitTo(List<Rectangle2D> screens) {
        if (screens.isEmpty()) {
            return this;
        }
        Rectangle2D screen = screens.get(0);
        double most = 0;
        for (Rectangle2D s : screens) {
            double overlap = overlap(s);
            if (overlap > most) {
                most = overlap;
                screen = s;
            }
        }
        double w = Math.max(Math.min(width, screen.getWidth()), Math.min(MIN_SIZE, screen.getWidth()));
        double h = Math.max(Math.min(height, screen.getHeight()), Math.min(MIN_SIZE, screen.getHeight()));
        double fx = Math.min(Math.max(x, screen.getMinX()), screen.getMaxX() - w);
        double fy = Math.min(Math.max(y, screen.getMinY()), screen.getMaxY() - h);
        return new WindowBounds(fx, fy, Math.max(w, MIN_SIZE), Math.max(h, MIN_SIZE), maximized);
    }

    private double overlap(Rectangle2D screen) {
        double w = Math.min(x + width, screen.getMaxX()) - Math.max(x, screen.getMinX());
        double h = Math.min(y + height, screen.getMaxY()) - Math.max(y, screen.getMinY());
        return w > 0 && h > 0 ? w * h : 0;
    }

    void write(Properties p) {
        p.setProperty(PREFIX + "x", String.valueOf(x));
        p.setProperty(PREFIX + "y", String.valueOf(y));
        p.setProperty(PREFIX + "width", String.valueOf(width));
        p.setProperty(PREFIX + "height", String.valueOf(height));
        p.setProperty(PREFIX + "maximized", String.valueOf(maximized));
    }

    /** The bounds stored in {@code p}; a missing or damaged entry is none (the first-run placement), never an error. */
    static Optional<WindowBounds> read(Properties p) {
        try {
            String[] keys = {"x", "y", "width", "height", "maximized"};
            for (String k : keys) {
                if (p.getProperty(PREFIX + k) == null) {
                    return Optional.empty();
                }
            }
            return Optional.of(new WindowBounds(Double.parseDouble(p.getProperty(PREFIX + "x")),
                    Double.parseDouble(p.getProperty(PREFIX + "y")), Double.parseDouble(p.getProperty(PREFIX + "width")),
                    Double.parseDouble(p.getProperty(PREFIX + "height")),
                    Boolean.parseBoolean(p.getProperty(PREFIX + "maximized"))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
