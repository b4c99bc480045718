package org.groundtruth.map.basemap;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.groundtruth.map.GeoBox;
import org.groundtruth.map.TileProjection;
import org.groundtruth.map.MapFileException;
import org.groundtruth.map.TileKey;
import org.groundtruth.map.TileSource;
import org.groundtruth.map.CompactGeometry;
import org.groundtruth.map.WebMercator;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Draws basemap tiles on demand from {@code maps/basemap.sqlite} with Java2D: one R*Tree query per tile and zoom
 * band, vertices projected straight into tile pixels. Labels are thinned on a grid fixed in world pixels, so two
 * neighbouring tiles always agree on which label wins and a label cut by a tile edge is finished by the next tile.
 */
public final class BasemapRenderer implements TileSource {
    public static final String ATTRIBUTION =
            "Basemap: Natural Earth, visionscarto (BSD-3), GSHHG (LGPL-3.0), GeoNames (CC BY 4.0)";
    /** Label anchors this far outside a tile are still drawn, so labels crossing tile edges are complete. */
    private static final int LABEL_BUFFER_PX = 160;
    private static final int LINE_BUFFER_PX = 4;
    private static final int PLACE_CELL_W = 120;
    private static final int PLACE_CELL_H = 44;
    private static final int REGION_CELL = 160;

    private static final org.locationtech.jts.geom.GeometryFactory GEOMETRIES = new org.locationtech.jts.geom.GeometryFactory();
    private final Path file;
    private final ThreadLocal<Connection> connections;
    private final List<Connection> opened = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private BasemapRenderer(Path file) {
        this.file = file;
        this.connections = ThreadLocal.withInitial(this::connect);
    }

    /** Opens and checks the file; the error names it when it is missing or not a Groundtruth basemap. */
    public static BasemapRenderer open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new MapFileException(file, "basemap not found; rebuild it with the command in maps/README.md");
        }
        BasemapRenderer renderer = new BasemapRenderer(file);
        try (PreparedStatement p = renderer.connections.get().prepareStatement("SELECT value FROM meta WHERE key = 'format'");
                ResultSet rs = p.executeQuery()) {
            if (!rs.next() || !"groundtruth-basemap".equals(rs.getString(1))) {
                renderer.close();
                throw new MapFileException(file, "not a Groundtruth basemap");
            }
        } catch (SQLException e) {
            renderer.close();
            throw new MapFileException(file, "not a readable basemap: " + e.getMessage(), e);
        }
        return renderer;
    }

    private Connection connect() {
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + file.toAbsolutePath() + "?mode=ro");
            opened.add(c);
            return c;
        } catch (SQLException e) {
            throw new MapFileException(file, "cannot open: " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return "Basemap";
    }

    @Override
    public String attribution() {
        return ATTRIBUTION;
    }

    @Override
    public int minZoom() {
        return 0;
    }

    @Override
    public int maxZoom() {
        return WebMercator.MAX_ZOOM;
    }

    @Override
    public GeoBox bounds() {
        return GeoBox.WORLD;
    }

    @Override
    public Optional<BufferedImage> tile(TileKey key) {
        return Optional.of(render(key));
    }

    public BufferedImage render(TileKey key) {
        if (closed) {
            throw new IllegalStateException("basemap renderer is closed");
        }
        BufferedImage image = new BufferedImage(WebMercator.TILE_SIZE, WebMercator.TILE_SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(BasemapStyle.OCEAN);
            g.fillRect(0, 0, WebMercator.TILE_SIZE, WebMercator.TILE_SIZE);
            TileProjection projection = new TileProjection(key);
            List<Feature> shapes = query(key, projection, LINE_BUFFER_PX, false);
            drawShapes(g, key.zoom(), shapes, projection);
            List<Feature> labels = query(key, projection, LABEL_BUFFER_PX + PLACE_CELL_W, true);
            drawLabels(g, key.zoom(), labels, projection);
        } catch (SQLException | RuntimeException e) {
            throw new MapFileException(file, "cannot render tile " + key + ": " + e.getMessage(), e);
        } finally {
            g.dispose();
        }
        return image;
    }

    private record Feature(BasemapLayer layer, int rank, String name, String nameUk, Geometry geometry, long id) {
    }

    private List<Feature> query(TileKey key, TileProjection projection, int bufferPx, boolean labels)
            throws SQLException {
        int band = ZoomBand.indexForZoom(key.zoom());
        GeoBox box = projection.bufferedBox(bufferPx);
        String layerFilter = labels ? "f.layer >= " + BasemapLayer.COUNTRY_LABEL.ordinal()
                : "f.layer < " + BasemapLayer.COUNTRY_LABEL.ordinal();
        List<Feature> features = new ArrayList<>();
        try (PreparedStatement p = connections.get().prepareStatement(
                "SELECT f.id, f.layer, f.rank, f.name, f.name_uk, f.geom FROM idx_" + band + " i JOIN feature f ON f.id = i.id"
                        + " WHERE i.minx <= ? AND i.maxx >= ? AND i.miny <= ? AND i.maxy >= ? AND f.min_zoom <= ? AND f.max_zoom >= ? AND "
                        + layerFilter + " ORDER BY f.layer, f.rank DESC, f.id")) {
            p.setDouble(1, box.east());
            p.setDouble(2, box.west());
            p.setDouble(3, box.north());
            p.setDouble(4, box.south());
            p.setInt(5, key.zoom());
            p.setInt(6, key.zoom());
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    features.add(new Feature(BasemapLayer.values()[rs.getInt(2)], rs.getInt(3), rs.getString(4),
                            rs.getString(5), CompactGeometry.decode(rs.getBytes(6), GEOMETRIES), rs.getLong(1)));
                }
            }
        }
        return features;
    }

    private void drawShapes(Graphics2D g, int zoom, List<Feature> features, TileProjection projection) {
        for (Feature f : features) {
            Shape shape = projection.path(f.geometry());
            switch (f.layer()) {
                case LAND -> fill(g, shape, BasemapStyle.LAND);
                case URBAN -> fill(g, shape, BasemapStyle.URBAN);
                case LAKE -> fill(g, shape, BasemapStyle.OCEAN);
                case RIVER -> stroke(g, shape, BasemapStyle.WATER_LINE, BasemapStyle.riverStroke(zoom, f.rank()));
                case COAST -> stroke(g, shape, BasemapStyle.COAST, BasemapStyle.coastStroke(zoom));
                case ADMIN1_LINE -> stroke(g, shape, BasemapStyle.ADMIN1, BasemapStyle.admin1Stroke(zoom));
                case ADMIN0_LINE -> {
                    stroke(g, shape, BasemapStyle.ADMIN0_CASING, BasemapStyle.admin0Casing(zoom));
                    stroke(g, shape, BasemapStyle.ADMIN0, BasemapStyle.admin0Stroke(zoom));
                }
                default -> {
                }
            }
        }
    }

    private static void fill(Graphics2D g, Shape shape, Color color) {
        g.setColor(color);
        g.fill(shape);
    }

    private static void stroke(Graphics2D g, Shape shape, Color color, BasicStroke stroke) {
        g.setColor(color);
        g.setStroke(stroke);
        g.draw(shape);
    }

    private void drawLabels(Graphics2D g, int zoom, List<Feature> labels, TileProjection projection) {
        Map<String, Feature> winners = new HashMap<>();
        Comparator<Feature> better = Comparator.comparingInt(Feature::rank).thenComparingLong(Feature::id);
        for (Feature f : labels) {
            if (f.name() == null || f.name().isBlank() || !(f.geometry() instanceof Point point)) {
                continue;
            }
            double wx = WebMercator.normX(point.getX()) * WebMercator.worldSize(zoom);
            double wy = WebMercator.normY(point.getY()) * WebMercator.worldSize(zoom);
            int cellW = f.layer() == BasemapLayer.PLACE_LABEL ? PLACE_CELL_W : REGION_CELL;
            int cellH = f.layer() == BasemapLayer.PLACE_LABEL ? PLACE_CELL_H : REGION_CELL / 2;
            String cell = f.layer().ordinal() + ":" + (long) Math.floor(wx / cellW) + ":" + (long) Math.floor(wy / cellH);
            winners.merge(cell, f, (a, b) -> better.compare(a, b) <= 0 ? a : b);
        }
        List<Feature> ordered = new ArrayList<>(winners.values());
        ordered.sort(Comparator.comparingInt((Feature f) -> f.layer().ordinal()).thenComparing(better.reversed()));
        for (Feature f : ordered) {
            Point point = (Point) f.geometry();
            double x = projection.x(point.getX());
            double y = projection.y(point.getY());
            // Winners are decided over the whole buffered area, but only labels that can reach this tile are drawn.
            if (x < -LABEL_BUFFER_PX || x > WebMercator.TILE_SIZE + LABEL_BUFFER_PX / 2.0 || y < -40 || y > WebMercator.TILE_SIZE + 40) {
                continue;
            }
            switch (f.layer()) {
                case COUNTRY_LABEL -> centred(g, f.name().toUpperCase(java.util.Locale.ROOT), f.nameUk(), x, y,
                        BasemapStyle.countryFont(zoom, f.rank()), BasemapStyle.COUNTRY_TEXT, zoom);
                case REGION_LABEL -> centred(g, f.name(), zoom >= 6 ? f.nameUk() : null, x, y, BasemapStyle.regionFont(zoom),
                        BasemapStyle.REGION_TEXT, zoom);
                case PLACE_LABEL -> place(g, f, x, y, zoom);
                default -> {
                }
            }
        }
    }

    private static void place(Graphics2D g, Feature f, double x, double y, int zoom) {
        double dot = f.rank() <= 1 ? 5 : 4;
        g.setColor(BasemapStyle.HALO);
        g.fill(new java.awt.geom.Ellipse2D.Double(x - dot / 2 - 1, y - dot / 2 - 1, dot + 2, dot + 2));
        g.setColor(BasemapStyle.PLACE_DOT);
        g.fill(new java.awt.geom.Ellipse2D.Double(x - dot / 2, y - dot / 2, dot, dot));
        Font font = BasemapStyle.placeFont(zoom, f.rank());
        haloText(g, f.name(), x + dot / 2 + 3, y + 4, font, BasemapStyle.PLACE_TEXT);
        if (f.nameUk() != null && !f.nameUk().equals(f.name())) {
            haloText(g, f.nameUk(), x + dot / 2 + 3, y + 4 + font.getSize() + 1, BasemapStyle.secondaryFont(zoom),
                    BasemapStyle.SECONDARY_TEXT);
        }
    }

    private static void centred(Graphics2D g, String text, String second, double x, double y, Font font, Color color, int zoom) {
        FontMetrics metrics = g.getFontMetrics(font);
        haloText(g, text, x - metrics.stringWidth(text) / 2.0, y, font, color);
        if (second != null && !second.isBlank() && !second.equals(text)) {
            Font small = BasemapStyle.secondaryFont(zoom);
            FontMetrics sm = g.getFontMetrics(small);
            haloText(g, second, x - sm.stringWidth(second) / 2.0, y + small.getSize() + 2, small, color);
        }
    }

    private static void haloText(Graphics2D g, String text, double x, double y, Font font, Color color) {
        TextLayout layout = new TextLayout(text, font, g.getFontRenderContext());
        Shape outline = layout.getOutline(AffineTransform.getTranslateInstance(x, y));
        g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(BasemapStyle.HALO);
        g.draw(outline);
        g.setColor(color);
        g.fill(outline);
    }

    @Override
    public void close() {
        closed = true;
        for (Connection c : opened) {
            try {
                c.close();
            } catch (SQLException e) {
                // read-only connection: nothing to lose
            }
        }
        opened.clear();
    }
}
