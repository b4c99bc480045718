package org.groundtruth.map.osm;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.groundtruth.map.GeoBox;
import org.groundtruth.map.TileProjection;
import org.groundtruth.map.MapStyle;
import org.groundtruth.map.TileKey;
import org.groundtruth.map.TileSource;
import org.groundtruth.map.WebMercator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;

/**
 * Draws an imported street map ({@link OsmStore}) as transparent 256 px tiles with Java2D: land use, water, tree
 * cover, buildings, railways, roads by class with casings, power lines, then road names along the road and place
 * names. Transparent where the extract has nothing, so the basemap shows around it.
 */
public final class OsmTileSource implements TileSource {
    public static final String ATTRIBUTION = "© OpenStreetMap contributors, ODbL";
    private static final int BUFFER_PX = 48;
    private static final Rectangle2D INSIDE = new Rectangle2D.Double(1, 1, WebMercator.TILE_SIZE - 2, WebMercator.TILE_SIZE - 2);
    private static final float[] ROAD_WIDTH_Z16 = {10f, 9f, 8f, 7f, 6.5f, 5.5f, 3.2f, 1.4f};

    private final OsmStore store;
    private final String name;
    private final OsmPalette palette;
    private final MapStyle style;
    private final boolean latinFirst;
    /** The same map drawn in the other style: shares the store, never closes it. */
    private final java.util.Map<MapStyle, OsmTileSource> variants = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param latinFirst the UI is English: a Cyrillic name with a {@code name:en} shows the English first
     */
    public OsmTileSource(OsmStore store, String name, MapStyle style, boolean latinFirst) {
        this.store = store;
        this.name = name;
        this.palette = OsmPalette.of(style);
        this.style = style;
        this.latinFirst = latinFirst;
    }

    @Override
    public Optional<BufferedImage> tile(TileKey key, MapStyle wanted) {
        return wanted == style ? tile(key)
                : variants.computeIfAbsent(wanted, s -> new OsmTileSource(store, name, s, latinFirst)).tile(key);
    }

    /** The street map drawn here; its search index serves the map's search box (one connection per thread). */
    public OsmStore store() {
        return store;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String attribution() {
        return ATTRIBUTION;
    }

    @Override
    public int minZoom() {
        return 8;
    }

    @Override
    public int maxZoom() {
        return WebMercator.MAX_ZOOM;
    }

    @Override
    public GeoBox bounds() {
        return store.bounds();
    }

    @Override
    public Optional<BufferedImage> tile(TileKey key) {
        if (key.zoom() < minZoom() || !WebMercator.tileBox(key).intersects(store.bounds())) {
            return Optional.empty();
        }
        TileProjection projection = new TileProjection(key);
        List<OsmStore.Feature> features = store.features(projection.bufferedBox(BUFFER_PX), key.zoom());
        if (features.isEmpty()) {
            return Optional.empty();
        }
        BufferedImage image = new BufferedImage(WebMercator.TILE_SIZE, WebMercator.TILE_SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            draw(g, key.zoom(), features, projection);
        } finally {
            g.dispose();
        }
        return Optional.of(image);
    }

    private void draw(Graphics2D g, int zoom, List<OsmStore.Feature> features, TileProjection projection) {
        float scale = (float) Math.pow(2, zoom - 16);
        List<OsmStore.Feature> roads = new ArrayList<>();
        for (OsmStore.Feature f : features) {
            Shape shape = projection.path(f.geometry());
            switch (f.layer()) {
                case FARMLAND -> fill(g, shape, palette.farmland());
                case RESIDENTIAL -> fill(g, shape, palette.residential());
                case INDUSTRIAL -> fill(g, shape, palette.industrial());
                case GREEN -> fill(g, shape, palette.green());
                case FOREST -> fill(g, shape, palette.forest());
                case WATER_AREA -> fill(g, shape, palette.water());
                case WATERWAY -> stroke(g, shape, palette.water(), Math.max(f.rank() == 0 ? 1.5f : 0.8f,
                        (f.rank() == 0 ? 12f : 3f) * scale), null);
                case BUILDING -> {
                    fill(g, shape, palette.building());
                    if (zoom >= 15) {
                        stroke(g, shape, palette.buildingEdge(), 0.6f, null);
                    }
                }
                case TREE_ROW -> stroke(g, shape, palette.treeRow(), Math.max(2f, 5f * scale), null);
                case RAILWAY -> {
                    float w = Math.max(1f, (f.rank() == 0 ? 2.4f : 1.6f) * Math.min(1.4f, scale * 1.5f));
                    stroke(g, shape, palette.rail(), w, null);
                    if (zoom >= 14 && f.rank() == 0) {
                        stroke(g, shape, palette.background(), w * 0.45f, new float[] {6f, 6f});
                    }
                }
                case ROAD -> roads.add(f);
                case POWER -> stroke(g, shape, palette.power(), 0.9f, null);
                default -> {
                }
            }
        }
        drawRoads(g, zoom, scale, roads, projection);
        drawLabels(g, zoom, roads, features, projection);
    }

    private void drawRoads(Graphics2D g, int zoom, float scale, List<OsmStore.Feature> roads, TileProjection projection) {
        List<Shape> shapes = new ArrayList<>(roads.size());
        for (OsmStore.Feature f : roads) {
            shapes.add(projection.path(f.geometry()));
        }
        for (int i = 0; i < roads.size(); i++) {
            OsmStore.Feature f = roads.get(i);
            if (f.rank() < 7 && zoom >= 13) {
                stroke(g, shapes.get(i), palette.roadCasing(), roadWidth(f.rank(), scale) + 1.6f, null);
            }
        }
        for (int i = 0; i < roads.size(); i++) {
            OsmStore.Feature f = roads.get(i);
            Color color = palette.roads()[Math.min(f.rank(), palette.roads().length - 1)];
            Color fillColor = zoom < 13 && f.rank() >= 4 ? palette.roadCasing() : color;
            stroke(g, shapes.get(i), fillColor, roadWidth(f.rank(), scale), f.rank() == 7 ? new float[] {3f, 2f} : null);
        }
    }

    private static float roadWidth(int rank, float scale) {
        float base = ROAD_WIDTH_Z16[Math.min(rank, ROAD_WIDTH_Z16.length - 1)];
        return Math.max(rank <= 2 ? 1.4f : 0.7f, Math.min(base * 4, base * scale));
    }

    private void drawLabels(Graphics2D g, int zoom, List<OsmStore.Feature> roads, List<OsmStore.Feature> features,
            TileProjection projection) {
        List<Rectangle2D> taken = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Font roadFont = new Font(Font.SANS_SERIF, Font.PLAIN, zoom >= 17 ? 12 : 11);
        for (int i = roads.size() - 1; i >= 0; i--) { // major roads first
            OsmStore.Feature f = roads.get(i);
            if (f.name() == null || !(f.geometry() instanceof LineString line) || zoom < 14 + (f.rank() >= 5 ? 1 : 0)) {
                continue;
            }
            String text = label(f, zoom >= 17);
            if (!done.add(text)) {
                continue;
            }
            lineLabel(g, text, line, roadFont, projection, taken);
        }
        for (OsmStore.Feature f : features) {
            if ((f.layer() != OsmLayer.PLACE && f.layer() != OsmLayer.POI) || f.name() == null
                    || !(f.geometry() instanceof Point point)) {
                continue;
            }
            boolean place = f.layer() == OsmLayer.PLACE;
            Font font = place ? new Font(Font.SANS_SERIF, Font.BOLD, f.rank() <= 1 ? 14 : 12)
                    : new Font(Font.SANS_SERIF, Font.PLAIN, 10);
            double x = projection.x(point.getX());
            double y = projection.y(point.getY());
            String primary = primary(f);
            TextLayout layout = new TextLayout(primary, font, g.getFontRenderContext());
            Rectangle2D box = new Rectangle2D.Double(x - layout.getAdvance() / 2 - 2, y - 14, layout.getAdvance() + 4, 30);
            if (!INSIDE.contains(box) || taken.stream().anyMatch(box::intersects)) {
                continue;
            }
            taken.add(box);
            halo(g, layout, x - layout.getAdvance() / 2, y, place ? palette.text() : palette.poiText());
            secondary(f).ifPresent(second -> {
                TextLayout small = new TextLayout(second, new Font(Font.SANS_SERIF, Font.PLAIN, 10), g.getFontRenderContext());
                halo(g, small, x - small.getAdvance() / 2, y + 12, palette.poiText());
            });
        }
    }

    private String primary(OsmStore.Feature f) {
        return latinFirst && f.nameAlt() != null ? f.nameAlt() : f.name();
    }

    private Optional<String> secondary(OsmStore.Feature f) {
        if (f.nameAlt() == null) {
            return Optional.empty();
        }
        return Optional.of(latinFirst ? f.name() : f.nameAlt());
    }

    private String label(OsmStore.Feature f, boolean both) {
        return both ? secondary(f).map(s -> primary(f) + " · " + s).orElse(primary(f)) : primary(f);
    }

    /** The name along the longest straight piece of the road, upright, if it fits and does not cover another. */
    private void lineLabel(Graphics2D g, String text, LineString line, Font font, TileProjection projection,
            List<Rectangle2D> taken) {
        Coordinate[] c = line.getCoordinates();
        double best = 0;
        int at = -1;
        for (int i = 0; i + 1 < c.length; i++) {
            double dx = projection.x(c[i + 1].x) - projection.x(c[i].x);
            double dy = projection.y(c[i + 1].y) - projection.y(c[i].y);
            double length = Math.hypot(dx, dy);
            if (length > best) {
                best = length;
                at = i;
            }
        }
        TextLayout layout = new TextLayout(text, font, g.getFontRenderContext());
        if (at < 0 || best < layout.getAdvance() + 8) {
            return;
        }
        double x0 = projection.x(c[at].x);
        double y0 = projection.y(c[at].y);
        double x1 = projection.x(c[at + 1].x);
        double y1 = projection.y(c[at + 1].y);
        double mx = (x0 + x1) / 2;
        double my = (y0 + y1) / 2;
        double angle = Math.atan2(y1 - y0, x1 - x0);
        if (angle > Math.PI / 2 || angle < -Math.PI / 2) {
            angle += Math.PI;
        }
        double half = layout.getAdvance() / 2 + 2;
        double halfW = half * Math.abs(Math.cos(angle)) + 7;
        double halfH = half * Math.abs(Math.sin(angle)) + 7;
        Rectangle2D box = new Rectangle2D.Double(mx - halfW, my - halfH, 2 * halfW, 2 * halfH);
        // Whole labels only: one cut by the tile edge would need the neighbour to draw the same label, which its own
        // collisions cannot promise.
        if (!INSIDE.contains(box) || taken.stream().anyMatch(box::intersects)) {
            return;
        }
        taken.add(box);
        AffineTransform transform = AffineTransform.getTranslateInstance(mx, my);
        transform.rotate(angle);
        transform.translate(-layout.getAdvance() / 2, layout.getAscent() / 2 - 1);
        Shape outline = layout.getOutline(transform);
        g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(palette.halo());
        g.draw(outline);
        g.setColor(palette.text());
        g.fill(outline);
    }

    private void halo(Graphics2D g, TextLayout layout, double x, double y, Color color) {
        Shape outline = layout.getOutline(AffineTransform.getTranslateInstance(x, y));
        g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(palette.halo());
        g.draw(outline);
        g.setColor(color);
        g.fill(outline);
    }

    private static void fill(Graphics2D g, Shape shape, Color color) {
        g.setColor(color);
        g.fill(shape);
    }

    private static void stroke(Graphics2D g, Shape shape, Color color, float width, float[] dash) {
        g.setColor(color);
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, dash, 0f));
        g.draw(shape);
    }

    @Override
    public void close() {
        store.close();
    }
}
