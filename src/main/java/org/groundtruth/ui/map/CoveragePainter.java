package org.groundtruth.ui.map;

import java.util.List;
import java.awt.geom.Point2D;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.map.GeoBox;
import org.groundtruth.ui.common.I18n;

/**
 * Where street-level data exists: a dashed outline around each added offline map, labelled with its name, and at
 * street zooms a note when no added map covers the view, so an empty map area is explained rather than puzzling.
 */
final class CoveragePainter {
    /** From this zoom the basemap alone shows no streets: an uncovered view gets the note. */
    static final int STREET_DETAIL_ZOOM = 12;
    private static final Color OUTLINE = Color.web("#7c3aed");
    private static final Color OUTLINE_ON_DARK = Color.web("#a78bfa");
    private static final Font LABEL_FONT = Font.font("System", FontWeight.BOLD, 11);
    private static final Font NOTE_FONT = Font.font("System", 12);

    private CoveragePainter() {
    }

    /** Draws the outlines and their tags; answers the tags' boxes, which labels drawn later keep clear of. */
    static List<LabelPlacer.Box> paint(GraphicsContext g, MapViewport viewport, List<MapViewModel.Coverage> coverage,
            double w, boolean dark) {
        List<LabelPlacer.Box> boxes = new java.util.ArrayList<>();
        for (Item item : layout(viewport, coverage, w)) {
            item.outline().ifPresent(o -> {
                g.setLineDashes(10, 6);
                g.setLineWidth(3.5);
                g.setStroke(dark ? Color.rgb(20, 22, 26, 0.8) : Color.rgb(255, 255, 255, 0.8));
                g.strokeRect(o[0], o[1], o[2], o[3]);
                g.setLineWidth(1.6);
                g.setStroke(OUTLINE);
                g.strokeRect(o[0], o[1], o[2], o[3]);
                g.setLineDashes();
            });
            item.tag().ifPresent(t -> {
                Color color = t.note() ? (dark ? Color.web("#D1D5DB") : Color.web("#374151"))
                        : dark ? OUTLINE_ON_DARK : OUTLINE;
                boxes.add(tag(g, t.text(), t.x(), t.y(), t.font(), color, dark));
            });
        }
        return boxes;
    }

    /** Where the tags will be drawn, without drawing (the frame's labels are laid out before the map is drawn). */
    static List<LabelPlacer.Box> tags(MapViewport viewport, List<MapViewModel.Coverage> coverage, double w) {
        List<LabelPlacer.Box> boxes = new java.util.ArrayList<>();
        for (Item item : layout(viewport, coverage, w)) {
            item.tag().ifPresent(t -> boxes.add(new LabelPlacer.Box(t.x() - 5, t.y() - 14, textWidth(t.text(), t.font()) + 10, 19)));
        }
        return boxes;
    }

    private record Tag(String text, double x, double y, Font font, boolean note) {
    }

    /** An outline (x, y, width, height) and its tag, or the note alone. */
    private record Item(java.util.Optional<double[]> outline, java.util.Optional<Tag> tag) {
    }

    private static List<Item> layout(MapViewport viewport, List<MapViewModel.Coverage> coverage, double w) {
        List<Item> items = new java.util.ArrayList<>();
        GeoBox view = viewport.visibleBox();
        boolean covered = false;
        for (MapViewModel.Coverage map : coverage) {
            if (!view.intersects(map.bounds())) {
                continue;
            }
            covered = true;
            Point2D topLeft = viewport.toScreen(new LatLon(map.bounds().north(), map.bounds().west()));
            Point2D bottomRight = viewport.toScreen(new LatLon(map.bounds().south(), map.bounds().east()));
            double x = topLeft.getX();
            double y = topLeft.getY();
            double bw = bottomRight.getX() - x;
            double bh = bottomRight.getY() - y;
            java.util.Optional<Tag> tag = java.util.Optional.empty();
            if (bw > 60 && bh > 20) {
                String text = I18n.t("map.coverage", map.name());
                // Keep the label on screen while the outline's corner is off it.
                double lx = Math.max(6, Math.min(x + 6, x + bw - textWidth(text, LABEL_FONT) - 10));
                double ly = Math.max(18, Math.min(y + 18, y + bh - 6));
                tag = java.util.Optional.of(new Tag(text, lx, ly, LABEL_FONT, false));
            }
            items.add(new Item(java.util.Optional.of(new double[] {x, y, bw, bh}), tag));
        }
        if (viewport.zoom() >= STREET_DETAIL_ZOOM && !covered) {
            String note = I18n.t(coverage.isEmpty() ? "map.noStreetMaps" : "map.noStreetMapHere");
            double tw = textWidth(note, NOTE_FONT);
            items.add(new Item(java.util.Optional.empty(),
                    java.util.Optional.of(new Tag(note, Math.max(6, (w - tw) / 2), 22, NOTE_FONT, true))));
        }
        return items;
    }

    private static LabelPlacer.Box tag(GraphicsContext g, String text, double x, double y, Font font, Color color,
            boolean dark) {
        double width = textWidth(text, font);
        g.setFill(dark ? Color.rgb(22, 24, 29, 0.9) : Color.rgb(255, 255, 255, 0.9));
        g.fillRoundRect(x - 5, y - 14, width + 10, 19, 6, 6);
        g.setFill(color);
        g.setFont(font);
        g.fillText(text, x, y);
        return new LabelPlacer.Box(x - 5, y - 14, width + 10, 19);
    }

    private static double textWidth(String text, Font font) {
        Text probe = new Text(text);
        probe.setFont(font);
        return probe.getLayoutBounds().getWidth();
    }
}
