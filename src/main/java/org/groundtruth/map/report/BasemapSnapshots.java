package org.groundtruth.map.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.groundtruth.core.casefile.FigureException;
import org.groundtruth.core.casefile.MapFigureRequest;
import org.groundtruth.core.casefile.MapFigures;
import org.groundtruth.core.casefile.ReportImage;
import org.groundtruth.core.geo.CameraView;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.map.MapsDirectory;
import org.groundtruth.map.TileKey;
import org.groundtruth.map.WebMercator;
import org.groundtruth.map.basemap.BasemapRenderer;
import org.groundtruth.map.basemap.PlaceLabelPainter;
import org.groundtruth.map.basemap.ViewLabels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report's small map of an incident: the offline basemap around the position, the precision circle, a
 * crosshair that leaves the circle visible however small, the camera's view cone when given, an overview of the
 * region in the corner (the basemap has no streets, so at the circle's zoom the overview carries the context), a
 * scale bar and the basemap's attribution. Tiles are rendered once per export and kept in a small cache, since incidents cluster.
 * Place names are drawn once per picture (decision 1350): none is cut by the picture's edge or drawn under the
 * overview, the scale bar, the attribution or the crosshair.
 * Not thread-safe: one export uses one instance.
 */
public final class BasemapSnapshots implements MapFigures {
    static final int WIDTH = 480;
    static final int HEIGHT = 320;
    /** Zooms for the main map: the basemap (no streets) has little to show beyond 15, the circle shrinks below 11. */
    static final int MIN_ZOOM = 11;
    static final int MAX_ZOOM = 15;
    /** Without a precision the map shows the surroundings at town scale. */
    static final int DEFAULT_ZOOM = 13;
    /** The overview in the top-right corner: where in the region the place is. */
    static final int INSET_ZOOM = 8;
    static final int INSET_WIDTH = 150;
    static final int INSET_HEIGHT = 100;
    /** The precision circle is kept within this radius, so its surroundings show. */
    static final double MAX_CIRCLE_PX = 70;
    static final Color CIRCLE = new Color(0xD5, 0x1A, 0x1A);
    static final Color CONE = new Color(0x00, 0x72, 0xB2);
    private static final int TILE_CACHE = 64;
    private static final Logger LOG = LoggerFactory.getLogger(BasemapSnapshots.class);

    private final Optional<Path> file;
    private final Map<TileKey, BufferedImage> tiles = new LinkedHashMap<>(TILE_CACHE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TileKey, BufferedImage> eldest) {
            return size() > TILE_CACHE;
        }
    };
    private Optional<BasemapRenderer> renderer = Optional.empty();
    private boolean unavailable;

    private BasemapSnapshots(Optional<Path> file) {
        this.file = file;
    }

    /** Maps from {@code maps/basemap.sqlite}, wherever {@link MapsDirectory} finds it; none when it is missing. */
    public static BasemapSnapshots shipped() {
        return new BasemapSnapshots(MapsDirectory.locate().map(dir -> dir.resolve(MapsDirectory.BASEMAP)));
    }

    public static BasemapSnapshots of(Path basemapFile) {
        return new BasemapSnapshots(Optional.of(basemapFile));
    }

    @Override
    public Optional<ReportImage> map(MapFigureRequest request) {
        Optional<BasemapRenderer> open = open();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        try {
            BufferedImage image = draw(open.get(), request);
            ByteArrayOutputStream png = new ByteArrayOutputStream(64 * 1024);
            ImageIO.write(image, "png", png);
            return Optional.of(new ReportImage("image/png", png.toByteArray(), WIDTH, HEIGHT));
        } catch (IOException | RuntimeException e) {
            throw new FigureException("the map could not be drawn (" + e.getMessage() + ")", e);
        }
    }

    private Optional<BasemapRenderer> open() {
        if (renderer.isEmpty() && !unavailable) {
            if (file.isEmpty()) {
                unavailable = true;
                LOG.warn("report maps left out: no basemap found (looked in {})", MapsDirectory.candidates());
            } else {
                try {
                    renderer = Optional.of(BasemapRenderer.open(file.get()));
                } catch (RuntimeException e) {
                    unavailable = true;
                    LOG.warn("report maps left out: {}", e.getMessage());
                }
            }
        }
        return renderer;
    }

    /** The deepest zoom at which the circle stays within {@link #MAX_CIRCLE_PX} and the camera within the picture. */
    static int zoomFor(MapFigureRequest request) {
        if (request.precisionMeters().isEmpty() && request.camera().isEmpty()) {
            return DEFAULT_ZOOM;
        }
        for (int zoom = MAX_ZOOM; zoom > MIN_ZOOM; zoom--) {
            if (fits(request, zoom)) {
                return zoom;
            }
        }
        return MIN_ZOOM;
    }

    private static boolean fits(MapFigureRequest request, int zoom) {
        LatLon centre = request.position();
        double metresPerPixel = WebMercator.metersPerPixel(centre.lat(), zoom);
        boolean circleFits = request.precisionMeters().map(m -> m / metresPerPixel <= MAX_CIRCLE_PX).orElse(true);
        boolean cameraFits = request.camera().map(c -> {
            Point2D p = new Frame(centre, zoom, WIDTH, HEIGHT).pixel(c.position());
            // clear of the overview (top right) and of the scale bar and attribution (bottom)
            boolean underInset = p.getX() > WIDTH - INSET_WIDTH - 16 && p.getY() < INSET_HEIGHT + 16;
            return !underInset && p.getX() >= 24 && p.getX() <= WIDTH - 24 && p.getY() >= 24 && p.getY() <= HEIGHT - 44;
        }).orElse(true);
        return circleFits && cameraFits;
    }

    private BufferedImage draw(BasemapRenderer basemap, MapFigureRequest request) {
        int zoom = zoomFor(request);
        Frame frame = new Frame(request.position(), zoom, WIDTH, HEIGHT);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            drawTiles(g, basemap, frame, 0, 0);
            double circle = request.precisionMeters().map(m -> m / WebMercator.metersPerPixel(request.position().lat(),
                    zoom)).orElse(0.0);
            drawPlaceLabels(g, basemap, frame, mainObstacles(frame.pixel(request.position()), circle));
            request.camera().ifPresent(c -> drawCone(g, frame, c));
            Point2D centre = frame.pixel(request.position());
            double radius = request.precisionMeters().map(m -> m / WebMercator.metersPerPixel(request.position().lat(),
                    zoom)).orElse(0.0);
            drawCircle(g, centre, radius);
            drawCrosshair(g, centre, radius);
            drawScaleBar(g, request.position().lat(), zoom);
            drawAttribution(g);
            drawInset(g, basemap, request.position());
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The overview: a small map at {@link #INSET_ZOOM} with a dot at the position, framed. */
    private void drawInset(Graphics2D g, BasemapRenderer basemap, LatLon position) {
        int x = WIDTH - INSET_WIDTH - 6;
        int y = 6;
        Frame inset = new Frame(position, INSET_ZOOM, INSET_WIDTH, INSET_HEIGHT);
        Graphics2D clip = (Graphics2D) g.create(x, y, INSET_WIDTH, INSET_HEIGHT);
        try {
            drawTiles(clip, basemap, inset, 0, 0);
            drawPlaceLabels(clip, basemap, inset, java.util.List.of());
        } finally {
            clip.dispose();
        }
        Point2D at = inset.pixel(position);
        Ellipse2D dot = new Ellipse2D.Double(x + at.getX() - 4, y + at.getY() - 4, 8, 8);
        g.setColor(CIRCLE);
        g.fill(dot);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(1.5f));
        g.draw(dot);
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x, y, INSET_WIDTH, INSET_HEIGHT);
    }

    private void drawTiles(Graphics2D g, BasemapRenderer basemap, Frame frame, int offsetX, int offsetY) {
        int n = 1 << frame.zoom;
        int size = WebMercator.TILE_SIZE;
        int firstX = (int) Math.floor(frame.left / size);
        int firstY = (int) Math.floor(frame.top / size);
        int lastX = (int) Math.floor((frame.left + frame.width - 1) / size);
        int lastY = (int) Math.floor((frame.top + frame.height - 1) / size);
        for (int ty = firstY; ty <= lastY; ty++) {
            if (ty < 0 || ty >= n) {
                continue;
            }
            for (int tx = firstX; tx <= lastX; tx++) {
                TileKey key = new TileKey(frame.zoom, Math.floorMod(tx, n), ty);
                BufferedImage tile = tiles.computeIfAbsent(key, k -> basemap.tile(k).orElseThrow());
                g.drawImage(tile, offsetX + (int) Math.round(tx * (double) size - frame.left),
                        offsetY + (int) Math.round(ty * (double) size - frame.top), null);
            }
        }
    }

    /** The picture's own marks, picture pixels: place names keep clear of them (the crosshair's four ticks too). */
    private static java.util.List<java.awt.geom.Rectangle2D> mainObstacles(Point2D centre, double radius) {
        java.util.List<java.awt.geom.Rectangle2D> marks = new java.util.ArrayList<>(java.util.List.of(
                new java.awt.geom.Rectangle2D.Double(WIDTH - INSET_WIDTH - 8, 0, INSET_WIDTH + 8, INSET_HEIGHT + 8),
                new java.awt.geom.Rectangle2D.Double(0, HEIGHT - 42, 130, 42),
                new java.awt.geom.Rectangle2D.Double(0, HEIGHT - 14, WIDTH, 14),
                new java.awt.geom.Rectangle2D.Double(centre.getX() - 6, centre.getY() - 6, 12, 12)));
        double inner = Math.max(radius, 2) + 3;
        double outer = inner + 10;
        for (int[] d : new int[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) {
            double x1 = centre.getX() + d[0] * inner;
            double y1 = centre.getY() + d[1] * inner;
            double x2 = centre.getX() + d[0] * outer;
            double y2 = centre.getY() + d[1] * outer;
            marks.add(new java.awt.geom.Rectangle2D.Double(Math.min(x1, x2) - 4, Math.min(y1, y2) - 4,
                    Math.abs(x2 - x1) + 8, Math.abs(y2 - y1) + 8));
        }
        return marks;
    }

    /** The basemap's place labels of the frame, wholly inside it and clear of {@code keepClear} (frame pixels). */
    private static void drawPlaceLabels(Graphics2D g, BasemapRenderer basemap, Frame frame,
            java.util.List<java.awt.geom.Rectangle2D> keepClear) {
        java.util.List<java.awt.geom.Rectangle2D> obstacles = keepClear.stream()
                .map(r -> (java.awt.geom.Rectangle2D) new java.awt.geom.Rectangle2D.Double(r.getX() + frame.left,
                        r.getY() + frame.top, r.getWidth(), r.getHeight())).toList();
        BasemapRenderer.BlockLabels labels = basemap.labels(frame.zoom, frame.left, frame.top, frame.width, frame.height);
        java.util.List<ViewLabels.Shown> shown = ViewLabels.choose(labels.labels(),
                new java.awt.geom.Rectangle2D.Double(frame.left, frame.top, frame.width, frame.height), obstacles,
                labels.complete());
        PlaceLabelPainter.paint(g, shown, frame.left, frame.top, org.groundtruth.map.MapStyle.LIGHT);
    }

    private static void drawCone(Graphics2D g, Frame frame, CameraView camera) {
        Point2D at = frame.pixel(camera.position());
        double length = Math.max(60, 1.4 * at.distance(WIDTH / 2.0, HEIGHT / 2.0));
        // Arc2D angles run counter-clockwise from east; bearings run clockwise from north.
        double start = 90 - camera.bearingDegrees() - camera.fieldOfViewDegrees() / 2;
        Arc2D cone = new Arc2D.Double(at.getX() - length, at.getY() - length, 2 * length, 2 * length, start,
                camera.fieldOfViewDegrees(), Arc2D.PIE);
        g.setColor(new Color(CONE.getRed(), CONE.getGreen(), CONE.getBlue(), 50));
        g.fill(cone);
        g.setColor(CONE);
        g.setStroke(new BasicStroke(1.5f));
        g.draw(cone);
        Ellipse2D dot = new Ellipse2D.Double(at.getX() - 5, at.getY() - 5, 10, 10);
        g.setColor(Color.WHITE);
        g.fill(dot);
        g.setColor(CONE);
        g.setStroke(new BasicStroke(2.5f));
        g.draw(dot);
    }

    private static void drawCircle(Graphics2D g, Point2D centre, double radius) {
        if (radius < 1) {
            return;
        }
        Ellipse2D circle = new Ellipse2D.Double(centre.getX() - radius, centre.getY() - radius, 2 * radius, 2 * radius);
        g.setColor(new Color(CIRCLE.getRed(), CIRCLE.getGreen(), CIRCLE.getBlue(), 45));
        g.fill(circle);
        g.setColor(CIRCLE);
        g.setStroke(new BasicStroke(2f));
        g.draw(circle);
    }

    /** Four ticks pointing at the position from outside the circle, so even a 3-pixel circle stays visible. */
    private static void drawCrosshair(Graphics2D g, Point2D c, double radius) {
        double inner = Math.max(radius, 2) + 3;
        double outer = inner + 10;
        for (int[] d : new int[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) {
            Line2D tick = new Line2D.Double(c.getX() + d[0] * inner, c.getY() + d[1] * inner, c.getX() + d[0] * outer,
                    c.getY() + d[1] * outer);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(tick);
            g.setColor(CIRCLE);
            g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(tick);
        }
    }

    private static void drawScaleBar(Graphics2D g, double lat, int zoom) {
        double metresPerPixel = WebMercator.metersPerPixel(lat, zoom);
        double metres = niceLength(100 * metresPerPixel);
        int px = (int) Math.round(metres / metresPerPixel);
        String label = metres >= 1000 ? String.format(Locale.ROOT, "%.0f km", metres / 1000)
                : String.format(Locale.ROOT, "%.0f m", metres);
        int x = 10;
        int y = HEIGHT - 26;
        g.setColor(new Color(255, 255, 255, 200));
        g.fillRect(x - 4, y - 14, px + 8, 22);
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(2f));
        g.drawLine(x, y + 4, x + px, y + 4);
        g.drawLine(x, y, x, y + 4);
        g.drawLine(x + px, y, x + px, y + 4);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString(label, x + 2, y - 2);
    }

    /** The largest 1, 2 or 5 × 10^k metres not above {@code maxMetres}. */
    static double niceLength(double maxMetres) {
        double power = Math.pow(10, Math.floor(Math.log10(maxMetres)));
        for (double f : new double[] {5, 2, 1}) {
            if (f * power <= maxMetres) {
                return f * power;
            }
        }
        return power;
    }

    private static void drawAttribution(Graphics2D g) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
        FontMetrics metrics = g.getFontMetrics();
        String text = BasemapRenderer.ATTRIBUTION;
        int w = metrics.stringWidth(text) + 6;
        g.setColor(new Color(255, 255, 255, 200));
        g.fillRect(WIDTH - w, HEIGHT - 13, w, 13);
        g.setColor(Color.DARK_GRAY);
        g.drawString(text, WIDTH - w + 3, HEIGHT - 3);
    }

    @Override
    public void close() {
        renderer.ifPresent(BasemapRenderer::close);
        renderer = Optional.empty();
        tiles.clear();
    }

    /** The picture's place in world pixels at a zoom: its top-left corner, with the position in the middle. */
    private static final class Frame {
        final int zoom;
        final int width;
        final int height;
        final double worldSize;
        final double left;
        final double top;

        Frame(LatLon centre, int zoom, int width, int height) {
            this.zoom = zoom;
            this.width = width;
            this.height = height;
            this.worldSize = WebMercator.worldSize(zoom);
            this.left = WebMercator.normX(centre.lon()) * worldSize - width / 2.0;
            this.top = WebMercator.normY(centre.lat()) * worldSize - height / 2.0;
        }

        Point2D pixel(LatLon p) {
            return new Point2D.Double(WebMercator.normX(p.lon()) * worldSize - left,
                    WebMercator.normY(p.lat()) * worldSize - top);
        }
    }
}
