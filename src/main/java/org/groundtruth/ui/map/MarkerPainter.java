package org.groundtruth.ui.map;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/** Paints clustered markers: a status-coloured disc, white rim, and the count on clusters. */
final class MarkerPainter {
    private static final Font COUNT_FONT = Font.font("System", FontWeight.BOLD, 11);

    private MarkerPainter() {
    }

    static void paint(GraphicsContext g, List<MarkerIndex.Cluster> clusters) {
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(COUNT_FONT);
        for (MarkerIndex.Cluster c : clusters) {
            double r = MapCanvas.clusterRadius(c.count());
            Color color = MapColors.of(c.status());
            if (!c.isSingle()) {
                g.setFill(color.deriveColor(0, 1, 1, 0.28));
                g.fillOval(c.x() - r - 4, c.y() - r - 4, 2 * r + 8, 2 * r + 8);
            }
            g.setFill(Color.WHITE);
            g.fillOval(c.x() - r - 1.5, c.y() - r - 1.5, 2 * r + 3, 2 * r + 3);
            g.setFill(color);
            g.fillOval(c.x() - r, c.y() - r, 2 * r, 2 * r);
            if (!c.isSingle()) {
                g.setFill(Color.WHITE);
                g.fillText(c.count() >= 10_000 ? (c.count() / 1000) + "k" : Integer.toString(c.count()), c.x(), c.y());
            }
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BASELINE);
    }

    /** Naive painting, one disc per incident with no clustering: the benchmark's baseline. */
    static void paintEach(GraphicsContext g, MarkerIndex markers, MapViewport viewport) {
        markers.forEachVisible(viewport, (index, x, y, status) -> {
            g.setFill(Color.WHITE);
            g.fillOval(x - 8, y - 8, 16, 16);
            g.setFill(MapColors.of(status));
            g.fillOval(x - 6.5, y - 6.5, 13, 13);
        });
    }
}
