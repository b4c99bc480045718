package org.groundtruth.ui.map;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.FillRule;
import org.groundtruth.map.WebMercator;
import org.locationtech.jts.geom.Envelope;

/**
 * Paints the filled regions of a {@link ChoroplethFrame}: the rings simplified for the current zoom, scaled and
 * shifted to the screen, clipped to a margin around it (deep zooms put outline points millions of pixels away,
 * which the software rasteriser does not draw), filled even-odd so holes (Kyiv inside Kyiv Oblast) stay open.
 */
final class ChoroplethPainter {
    private static final double MARGIN_PX = 16;
    private double[] xs = new double[1024];
    private double[] ys = new double[1024];
    private double[] clipX = new double[1024];
    private double[] clipY = new double[1024];

    /** Returns the number of rings drawn. */
    int paint(GraphicsContext g, MapViewport viewport, ChoroplethFrame frame, double opacity) {
        double world = WebMercator.worldSize(viewport.zoom());
        Envelope screen = new Envelope(-MARGIN_PX, viewport.width() + MARGIN_PX, -MARGIN_PX,
                viewport.height() + MARGIN_PX);
        int drawn = 0;
        g.setFillRule(FillRule.EVEN_ODD);
        for (ShadedRegion region : frame.regions()) {
            if (region.fill().isEmpty() || region.projected().isEmpty()) {
                continue;
            }
            ProjectedRegion shape = region.projected().get();
            Envelope b = shape.bounds();
            double shiftX = viewport.screenXOfNorm((b.getMinX() + b.getMaxX()) / 2) - (b.getMinX() + b.getMaxX()) / 2 * world;
            double shiftY = -viewport.top();
            if (!screen.intersects(new Envelope(b.getMinX() * world + shiftX, b.getMaxX() * world + shiftX,
                    b.getMinY() * world + shiftY, b.getMaxY() * world + shiftY))) {
                continue;
            }
            Color fill = region.fill().get();
            g.setFill(fill.deriveColor(0, 1, 1, opacity));
            g.beginPath();
            for (double[] ring : shape.rings(viewport.zoom())) {
                int n = ring.length / 2;
                ensure(n);
                for (int i = 0; i < n; i++) {
                    xs[i] = ring[2 * i] * world + shiftX;
                    ys[i] = ring[2 * i + 1] * world + shiftY;
                }
                int clipped = clip(n, screen);
                if (clipped < 3) {
                    continue;
                }
                g.moveTo(xs[0], ys[0]);
                for (int i = 1; i < clipped; i++) {
                    g.lineTo(xs[i], ys[i]);
                }
                g.closePath();
                drawn++;
            }
            // No outline stroke: the basemap draws the region borders, and stroking doubles the raster time.
            g.fill();
        }
        g.setFillRule(FillRule.NON_ZERO);
        return drawn;
    }

    /** Sutherland–Hodgman against the four sides of {@code box}; the result is left in xs/ys. */
    private int clip(int n, Envelope box) {
        n = clipSide(n, 0, box.getMinX());
        n = clipSide(n, 1, box.getMaxX());
        n = clipSide(n, 2, box.getMinY());
        return clipSide(n, 3, box.getMaxY());
    }

    private int clipSide(int n, int side, double edge) {
        if (n == 0) {
            return 0;
        }
        if (clipX.length < 2 * n) {
            // Each input edge yields at most two output points.
            clipX = new double[2 * n];
            clipY = new double[2 * n];
        }
        int out = 0;
        double px = xs[n - 1];
        double py = ys[n - 1];
        boolean pin = inside(px, py, side, edge);
        for (int i = 0; i < n; i++) {
            double cx = xs[i];
            double cy = ys[i];
            boolean cin = inside(cx, cy, side, edge);
            if (cin != pin) {
                double t = side < 2 ? (edge - px) / (cx - px) : (edge - py) / (cy - py);
                clipX[out] = px + t * (cx - px);
                clipY[out++] = py + t * (cy - py);
            }
            if (cin) {
                clipX[out] = cx;
                clipY[out++] = cy;
            }
            px = cx;
            py = cy;
            pin = cin;
        }
        double[] swap = xs;
        xs = clipX;
        clipX = swap;
        swap = ys;
        ys = clipY;
        clipY = swap;
        return out;
    }

    private static boolean inside(double x, double y, int side, double edge) {
        return switch (side) {
            case 0 -> x >= edge;
            case 1 -> x <= edge;
            case 2 -> y >= edge;
            default -> y <= edge;
        };
    }

    private void ensure(int n) {
        if (xs.length < n) {
            xs = new double[n];
            ys = new double[n];
        }
    }
}
