package org.groundtruth.map.offline;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.map.MapStyle;
import org.groundtruth.map.TileKey;
import org.groundtruth.map.TileSource;
import org.groundtruth.map.WebMercator;
import org.groundtruth.map.basemap.BasemapRenderer;
import org.groundtruth.map.basemap.PlaceLabelPainter;
import org.groundtruth.map.basemap.ViewLabels;

/**
 * Draws one view of the map — the layers bottom to top (the basemap, then the added offline maps) — into an image,
 * with the visible layers' attributions in the bottom-right corner: what the window shows for that centre, zoom and
 * size ({@code map render}, report maps). The basemap's place labels are drawn once for the whole view, above the
 * basemap and below the maps added over it, as the window draws them: none cut by the image's edge, none under the
 * attribution ({@link ViewLabels}). Street maps draw their own street names into their tiles.
 */
public final class ViewRenderer {
    private ViewRenderer() {
    }

    public static BufferedImage render(List<TileSource> layers, LatLon centre, int zoom, int width, int height)
            throws IOException {
        return render(layers, centre, zoom, width, height, MapStyle.LIGHT);
    }

    /** The view in the light or dark map style ({@code map render --style}). */
    public static BufferedImage render(List<TileSource> layers, LatLon centre, int zoom, int width, int height,
            MapStyle style) throws IOException {
        if (width < 16 || height < 16 || width > 8192 || height > 8192) {
            throw new IllegalArgumentException("size must be between 16x16 and 8192x8192, was " + width + "x" + height);
        }
        if (zoom < 0 || zoom > WebMercator.MAX_ZOOM) {
            throw new IllegalArgumentException("zoom must be between 0 and " + WebMercator.MAX_ZOOM + ", was " + zoom);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(style == MapStyle.DARK ? new Color(0x17222E) : new Color(0xB5D0E3));
            g.fillRect(0, 0, width, height);
            double world = WebMercator.worldSize(zoom);
            double left = WebMercator.normX(centre.lon()) * world - width / 2.0;
            double top = WebMercator.normY(centre.lat()) * world - height / 2.0;
            int tiles = 1 << zoom;
            int firstX = (int) Math.floor(left / WebMercator.TILE_SIZE);
            int firstY = (int) Math.floor(top / WebMercator.TILE_SIZE);
            int lastX = (int) Math.floor((left + width - 1) / WebMercator.TILE_SIZE);
            int lastY = (int) Math.floor((top + height - 1) / WebMercator.TILE_SIZE);
            Set<String> credits = new LinkedHashSet<>();
            Optional<BasemapRenderer> labelled = Optional.empty();
            Graphics2D target = g;
            BufferedImage above = null;
            for (int i = 0; i < layers.size(); i++) {
                TileSource layer = layers.get(i);
                if (zoom < layer.minZoom() || zoom > layer.maxZoom()) {
                    continue;
                }
                for (int ty = Math.max(0, firstY); ty <= Math.min(tiles - 1, lastY); ty++) {
                    for (int tx = firstX; tx <= lastX; tx++) {
                        int wrapped = Math.floorMod(tx, tiles);
                        Optional<BufferedImage> tile = layer.tile(new TileKey(zoom, wrapped, ty), style);
                        if (tile.isPresent()) {
                            credits.add(layer.attribution());
                            target.drawImage(tile.get(), (int) Math.round(tx * (double) WebMercator.TILE_SIZE - left),
                                    (int) Math.round(ty * (double) WebMercator.TILE_SIZE - top), null);
                        }
                    }
                }
                if (labelled.isEmpty() && layer instanceof BasemapRenderer basemap) {
                    labelled = Optional.of(basemap);
                    if (i < layers.size() - 1) {
                        // The maps above are drawn aside, so the labels can go between once the attribution is known.
                        above = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
                        target = above.createGraphics();
                    }
                }
            }
            if (target != g) {
                target.dispose();
            }
            List<String> lines = new ArrayList<>(credits);
            List<Rectangle2D> attributionBoxes = attributionBoxes(g, lines, width, height);
            if (labelled.isPresent()) {
                PlaceLabelPainter.paint(g, placeLabels(labelled.get(), zoom, left, top, width, height, attributionBoxes),
                        left, top, style);
            }
            if (above != null) {
                g.drawImage(above, 0, 0, null);
            }
            attribution(g, lines, attributionBoxes, style);
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * The basemap's place labels drawn in a view whose top-left corner is at ({@code left}, {@code top}) world pixels:
     * wholly inside it and clear of the given areas (image pixels), each at the same world position in every view.
     */
    public static List<ViewLabels.Shown> placeLabels(BasemapRenderer basemap, int zoom, double left, double top, int width,
            int height, List<Rectangle2D> keepClear) {
        List<Rectangle2D> obstacles = new ArrayList<>();
        for (Rectangle2D r : keepClear) {
            obstacles.add(new Rectangle2D.Double(r.getX() + left, r.getY() + top, r.getWidth(), r.getHeight()));
        }
        BasemapRenderer.BlockLabels labels = basemap.labels(zoom, left, top, width, height);
        return ViewLabels.choose(labels.labels(), new Rectangle2D.Double(left, top, width, height), obstacles,
                labels.complete());
    }

    private static final Font CREDIT_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

    /** One box per credit line, bottom right, image pixels. */
    static List<Rectangle2D> attributionBoxes(Graphics2D g, List<String> credits, int width, int height) {
        FontMetrics m = g.getFontMetrics(CREDIT_FONT);
        int lineHeight = m.getHeight();
        int y = height - 3 - lineHeight * (credits.size() - 1);
        List<Rectangle2D> boxes = new ArrayList<>();
        for (String credit : credits) {
            int w = m.stringWidth(credit);
            boxes.add(new Rectangle2D.Double(width - w - 8, y - m.getAscent() - 1, w + 8, lineHeight));
            y += lineHeight;
        }
        return boxes;
    }

    private static void attribution(Graphics2D g, List<String> credits, List<Rectangle2D> boxes, MapStyle style) {
        if (credits.isEmpty()) {
            return;
        }
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(CREDIT_FONT);
        FontMetrics m = g.getFontMetrics();
        boolean dark = style == MapStyle.DARK;
        for (int i = 0; i < credits.size(); i++) {
            Rectangle2D box = boxes.get(i);
            g.setColor(dark ? new Color(24, 26, 30, 210) : new Color(255, 255, 255, 200));
            g.fill(box);
            g.setColor(dark ? new Color(0xD8DAE0) : new Color(0x30, 0x30, 0x30));
            g.drawString(credits.get(i), (int) box.getX() + 4, (int) box.getY() + 1 + m.getAscent());
        }
    }
}
