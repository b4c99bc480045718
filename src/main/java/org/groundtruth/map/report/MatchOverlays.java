package org.groundtruth.map.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.groundtruth.core.casefile.FigureException;
import org.groundtruth.core.casefile.MatchFigureRequest;
import org.groundtruth.core.casefile.MatchFigures;
import org.groundtruth.core.casefile.ReportImage;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.geolocate.MercatorPixels;
import org.groundtruth.map.MapFileException;
import org.groundtruth.map.imagery.ReferenceLayer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report's picture of an accepted image match: the reference imagery it was matched against (found among the
 * investigation's map layers by name), the frame's footprint outlined on it, the matched points, and the pin with its
 * precision circle. Without the imagery file the outline is drawn on a plain ground with a note saying so.
 */
public final class MatchOverlays implements MatchFigures {
    static final int SIZE = 560;
    private static final int MAX_ZOOM = 22;
    private static final Logger LOG = LoggerFactory.getLogger(MatchOverlays.class);

    @Override
    public Optional<ReportImage> overlay(MatchFigureRequest request) {
        Optional<ReferenceLayer> layer = find(request);
        try {
            BufferedImage image = draw(request, layer);
            ByteArrayOutputStream png = new ByteArrayOutputStream(256 * 1024);
            ImageIO.write(image, "png", png);
            return Optional.of(new ReportImage("image/png", png.toByteArray(), SIZE, SIZE));
        } catch (IOException | RuntimeException e) {
            throw new FigureException("cannot draw the image-match overlay: " + e.getMessage(), e);
        } finally {
            layer.ifPresent(ReferenceLayer::close);
        }
    }

    /** The layer file whose layer (or file) name is the pin's reference layer. */
    static Optional<ReferenceLayer> find(MatchFigureRequest request) {
        for (Path file : request.layerFiles()) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try {
                ReferenceLayer layer = ReferenceLayer.open(file);
                if (layer.name().equals(request.layerName()) || file.getFileName().toString().equals(request.layerName())) {
                    return Optional.of(layer);
                }
                layer.close();
            } catch (MapFileException e) {
                LOG.debug("report: {} is not readable imagery: {}", file, e.getMessage());
            }
        }
        return Optional.empty();
    }

    private static BufferedImage draw(MatchFigureRequest r, Optional<ReferenceLayer> layer) throws IOException {
        List<LatLon> all = new ArrayList<>(r.footprint());
        all.add(r.pin());
        double west = all.stream().mapToDouble(LatLon::lon).min().orElseThrow();
        double east = all.stream().mapToDouble(LatLon::lon).max().orElseThrow();
        double south = all.stream().mapToDouble(LatLon::lat).min().orElseThrow();
        double north = all.stream().mapToDouble(LatLon::lat).max().orElseThrow();
        int maxZoom = layer.map(ReferenceLayer::maxZoom).orElse(MAX_ZOOM);
        int zoom = maxZoom;
        // the deepest zoom at which the footprint takes at most two thirds of the picture
        while (zoom > 1 && Math.max(MercatorPixels.x(east, zoom) - MercatorPixels.x(west, zoom),
                MercatorPixels.y(south, zoom) - MercatorPixels.y(north, zoom)) > SIZE * 2 / 3.0) {
            zoom--;
        }
        double cx = (MercatorPixels.x(west, zoom) + MercatorPixels.x(east, zoom)) / 2;
        double cy = (MercatorPixels.y(north, zoom) + MercatorPixels.y(south, zoom)) / 2;
        double left = cx - SIZE / 2.0;
        double top = cy - SIZE / 2.0;

        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(0xE8, 0xE6, 0xE1));
            g.fillRect(0, 0, SIZE, SIZE);
            boolean drawn = layer.isPresent() && tiles(g, layer.get(), zoom, left, top);
            Path2D outline = new Path2D.Double();
            for (int k = 0; k < 4; k++) {
                LatLon p = r.footprint().get(k);
                double x = MercatorPixels.x(p.lon(), zoom) - left;
                double y = MercatorPixels.y(p.lat(), zoom) - top;
                if (k == 0) {
                    outline.moveTo(x, y);
                } else {
                    outline.lineTo(x, y);
                }
            }
            outline.closePath();
            g.setColor(new Color(9, 105, 218, 40));
            g.fill(outline);
            g.setStroke(new BasicStroke(5f));
            g.setColor(Color.WHITE);
            g.draw(outline);
            g.setStroke(new BasicStroke(2.5f));
            g.setColor(new Color(9, 105, 218));
            g.draw(outline);
            // the frame's top edge (corners 0 → 1) thicker: which way the frame was turned
            LatLon a = r.footprint().get(0);
            LatLon b = r.footprint().get(1);
            g.setStroke(new BasicStroke(5f));
            g.drawLine((int) (MercatorPixels.x(a.lon(), zoom) - left), (int) (MercatorPixels.y(a.lat(), zoom) - top),
                    (int) (MercatorPixels.x(b.lon(), zoom) - left), (int) (MercatorPixels.y(b.lat(), zoom) - top));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
            int number = 0;
            for (LatLon p : r.inliers()) {
                double x = MercatorPixels.x(p.lon(), zoom) - left;
                double y = MercatorPixels.y(p.lat(), zoom) - top;
                g.setColor(new Color(188, 76, 0));
                g.fill(new Ellipse2D.Double(x - 3.5, y - 3.5, 7, 7));
                // numbered as on the frame in the keyframes
                g.setColor(Color.WHITE);
                g.drawString(String.valueOf(++number), (float) x + 5, (float) y - 4);
            }
            double px = MercatorPixels.x(r.pin().lon(), zoom) - left;
            double py = MercatorPixels.y(r.pin().lat(), zoom) - top;
            double radius = r.precisionMeters() / MercatorPixels.metersPerPixel(r.pin().lat(), zoom);
            g.setColor(new Color(207, 34, 46));
            g.setStroke(new BasicStroke(2f));
            g.draw(new Ellipse2D.Double(px - radius, py - radius, 2 * radius, 2 * radius));
            g.drawLine((int) px - 8, (int) py, (int) px + 8, (int) py);
            g.drawLine((int) px, (int) py - 8, (int) px, (int) py + 8);
            scaleBar(g, MercatorPixels.metersPerPixel(r.pin().lat(), zoom));
            caption(g, drawn ? r.layerName() : "reference imagery not available: " + r.layerName());
        } finally {
            g.dispose();
        }
        return image;
    }

    private static boolean tiles(Graphics2D g, ReferenceLayer layer, int zoom, double left, double top) throws IOException {
        int size = MercatorPixels.TILE_SIZE;
        int tx0 = (int) Math.floor(left / size);
        int ty0 = (int) Math.floor(top / size);
        int tx1 = (int) Math.floor((left + SIZE) / size);
        int ty1 = (int) Math.floor((top + SIZE) / size);
        int tiles = (int) (MercatorPixels.worldSize(zoom) / size);
        boolean any = false;
        for (int ty = Math.max(0, ty0); ty <= Math.min(tiles - 1, ty1); ty++) {
            for (int tx = Math.max(0, tx0); tx <= Math.min(tiles - 1, tx1); tx++) {
                Optional<int[]> pixels = layer.tile(zoom, tx, ty);
                if (pixels.isPresent()) {
                    BufferedImage tile = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
                    tile.setRGB(0, 0, size, size, pixels.get(), 0, size);
                    g.drawImage(tile, (int) Math.round(tx * size - left), (int) Math.round(ty * size - top), null);
                    any = true;
                }
            }
        }
        return any;
    }

    private static void scaleBar(Graphics2D g, double metersPerPixel) {
        double[] steps = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000};
        double meters = steps[0];
        for (double s : steps) {
            if (s / metersPerPixel <= SIZE / 4.0) {
                meters = s;
            }
        }
        int length = (int) Math.round(meters / metersPerPixel);
        int x = 14;
        int y = SIZE - 16;
        g.setColor(new Color(255, 255, 255, 220));
        g.fillRect(x - 6, y - 18, length + 60, 26);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(2f));
        g.drawLine(x, y, x + length, y);
        g.drawLine(x, y - 5, x, y);
        g.drawLine(x + length, y - 5, x + length, y);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(String.format(Locale.ROOT, "%.0f m", meters), x + length + 6, y + 4);
    }

    private static void caption(Graphics2D g, String text) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int width = g.getFontMetrics().stringWidth(text);
        g.setColor(new Color(255, 255, 255, 220));
        g.fillRect(SIZE - width - 16, 6, width + 10, 20);
        g.setColor(Color.BLACK);
        g.drawString(text, SIZE - width - 11, 21);
    }
}
