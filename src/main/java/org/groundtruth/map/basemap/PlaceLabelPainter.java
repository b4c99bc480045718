package org.groundtruth.map.basemap;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.groundtruth.map.MapStyle;

/**
 * Draws basemap labels with Java2D — the dot, then each line in its colour on a halo — the same way into a tile, a
 * rendered view ({@code map render}) or a small image the map canvas draws over its tiles, so all three look alike.
 */
public final class PlaceLabelPainter {
    /** Room around a label's box for the halo and the dot's ring. */
    private static final int MARGIN = 2;

    private PlaceLabelPainter() {
    }

    /** A label drawn into a small image whose top-left corner sits at a whole world pixel. */
    public record Sprite(BufferedImage image, long worldX, long worldY) {
    }

    /** Draws the labels, world pixels shifted by ({@code -left}, {@code -top}) into the graphics' pixels. */
    public static void paint(Graphics2D g, List<ViewLabels.Shown> labels, double left, double top, MapStyle style) {
        BasemapStyle.Palette palette = BasemapStyle.of(style);
        hints(g);
        for (ViewLabels.Shown label : labels) {
            draw(g, label.label(), label.lines(), left, top, palette);
        }
    }

    /** The label alone, for a canvas that draws it as an image: same pixels as {@link #paint}. */
    public static Sprite sprite(ViewLabels.Shown label, MapStyle style) {
        Rectangle2D area = label.box().createUnion(label.label().dotBox());
        long x = (long) Math.floor(area.getMinX()) - MARGIN;
        long y = (long) Math.floor(area.getMinY()) - MARGIN;
        int w = (int) Math.ceil(area.getMaxX() - x) + MARGIN;
        int h = (int) Math.ceil(area.getMaxY() - y) + MARGIN;
        BufferedImage image = new BufferedImage(Math.max(1, w), Math.max(1, h), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            hints(g);
            draw(g, label.label(), label.lines(), x, y, BasemapStyle.of(style));
        } finally {
            g.dispose();
        }
        return new Sprite(image, x, y);
    }

    static void draw(Graphics2D g, PlaceLabels.Placed p, List<PlaceLabels.Line> lines, double left, double top,
            BasemapStyle.Palette palette) {
        if (p.dotRadius() > 0) {
            double x = p.dotX() - left;
            double y = p.dotY() - top;
            double d = p.dotRadius() * 2;
            g.setColor(palette.halo());
            g.fill(new Ellipse2D.Double(x - d / 2 - 1, y - d / 2 - 1, d + 2, d + 2));
            g.setColor(palette.placeDot());
            g.fill(new Ellipse2D.Double(x - d / 2, y - d / 2, d, d));
        }
        for (PlaceLabels.Line line : lines) {
            Color color = switch (p.layer()) {
                case COUNTRY_LABEL -> palette.countryText();
                case REGION_LABEL -> palette.regionText();
                default -> line.secondary() ? palette.secondaryText() : palette.placeText();
            };
            haloText(g, line.text(), line.x() - left, line.baseline() - top, line.font(), color, palette.halo());
        }
    }

    private static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    private static void haloText(Graphics2D g, String text, double x, double y, Font font, Color color, Color halo) {
        TextLayout layout = new TextLayout(text, font, g.getFontRenderContext());
        Shape outline = layout.getOutline(AffineTransform.getTranslateInstance(x, y));
        g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(halo);
        g.draw(outline);
        g.setColor(color);
        g.fill(outline);
    }
}
