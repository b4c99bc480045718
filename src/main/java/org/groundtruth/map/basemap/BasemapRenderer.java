package org.groundtruth.map.basemap;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.groundtruth.map.GeoBox;
import org.groundtruth.map.TileProjection;
import org.groundtruth.map.MapFileException;
import org.groundtruth.map.MapStyle;
import org.groundtruth.map.TileKey;
import org.groundtruth.map.TileSource;
import org.groundtruth.map.CompactGeometry;
import org.groundtruth.map.WebMercator;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Draws basemap tiles on demand from {@code maps/basemap.sqlite} with Java2D: one R*Tree query per tile and zoom
 * band, vertices projected straight into tile pixels, in the light or dark palette. Labels are placed without overlap
 * a block of tiles at a time ({@link PlaceLabels}), each label pair in one script per line ({@link LabelPair}).
 * As a {@link TileSource} (the map window, {@code map render}) the tiles carry no labels: the view draws the placed
 * labels of its blocks once, over the tiles, leaving out those its edge or its own labels would cut
 * ({@link ViewLabels}); rendering a tile also places its block, so its labels are ready when the tile is.
 * {@link #render} still draws a standalone tile with its labels.
 */
public final class BasemapRenderer implements TileSource {
    public static final String ATTRIBUTION =
            "Basemap: Natural Earth, visionscarto (BSD-3), GSHHG (LGPL-3.0), GeoNames (CC BY 4.0)";
    private static final int LINE_BUFFER_PX = 4;
    private static final int CACHED_BLOCKS = 512;
    private static final BasicStroke PIECE_SEAM = new BasicStroke(1f);
    /** Up to this world size (zoom 4) the important labels are placed over the whole world. */
    private static final double WHOLE_WORLD_PX = 4096;
    private static final double TOP_MARGIN_PX = 512;

    private static final org.locationtech.jts.geom.GeometryFactory GEOMETRIES = new org.locationtech.jts.geom.GeometryFactory();
    private final Path file;
    private final ThreadLocal<Connection> connections;
    private final List<Connection> opened = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BasemapRenderer.class);
    /** Places blocks the view asked for before any tile did; started on first use, gone when idle or closed. */
    private java.util.concurrent.ExecutorService labelThread;
    private final java.util.Set<BlockKey> pendingBlocks = new java.util.HashSet<>();
    private final java.util.concurrent.ConcurrentHashMap<BlockKey, java.util.concurrent.CompletableFuture<List<PlaceLabels.Placed>>>
            placing = new java.util.concurrent.ConcurrentHashMap<>();
    private final boolean ukrainianFirst;
    /** Placed labels per block, most recently used kept. */
    private final Map<BlockKey, List<PlaceLabels.Placed>> blocks = new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<BlockKey, List<PlaceLabels.Placed>> eldest) {
            return size() > CACHED_BLOCKS;
        }
    };

    private BasemapRenderer(Path file, boolean ukrainianFirst) {
        this.file = file;
        this.ukrainianFirst = ukrainianFirst;
        this.connections = ThreadLocal.withInitial(this::connect);
    }

    /** Opens and checks the file; the error names it when it is missing or not a Groundtruth basemap. */
    public static BasemapRenderer open(Path file) {
        return open(file, false);
    }

    /** @param ukrainianFirst labels lead with the Ukrainian (Cyrillic) name, the Latin one beside it */
    public static BasemapRenderer open(Path file, boolean ukrainianFirst) {
        if (!Files.isRegularFile(file)) {
            throw new MapFileException(file, "basemap not found; rebuild it with the command in maps/README.md");
        }
        BasemapRenderer renderer = new BasemapRenderer(file, ukrainianFirst);
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
        if (closed) {
            throw new IllegalStateException("basemap renderer is closed");
        }
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

    /** The tile without labels (the view draws them); its block's labels are placed on the way. */
    @Override
    public Optional<BufferedImage> tile(TileKey key) {
        return Optional.of(render(key, MapStyle.LIGHT, false));
    }

    /** The tile without labels in the light or dark palette (the view draws them); its block's labels are placed too. */
    @Override
    public Optional<BufferedImage> tile(TileKey key, MapStyle style) {
        return Optional.of(render(key, style, false));
    }

    /** A standalone tile with its labels (cut at the tile's edge where they cross it). */
    public BufferedImage render(TileKey key) {
        return render(key, MapStyle.LIGHT);
    }

    /** A standalone tile with its labels in the light or dark palette; labels are placed the same in both. */
    public BufferedImage render(TileKey key, MapStyle style) {
        return render(key, style, true);
    }

    private BufferedImage render(TileKey key, MapStyle style, boolean withLabels) {
        BasemapStyle.Palette palette = BasemapStyle.of(style);
        if (closed) {
            throw new IllegalStateException("basemap renderer is closed");
        }
        BufferedImage image = new BufferedImage(WebMercator.TILE_SIZE, WebMercator.TILE_SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(palette.ocean());
            g.fillRect(0, 0, WebMercator.TILE_SIZE, WebMercator.TILE_SIZE);
            TileProjection projection = new TileProjection(key);
            List<Feature> shapes = query(key.zoom(), projection.bufferedBox(LINE_BUFFER_PX), false);
            drawShapes(g, key.zoom(), shapes, projection, palette);
            if (withLabels) {
                drawLabels(g, key, palette);
            } else {
                blockOf(key);
            }
        } catch (SQLException | RuntimeException e) {
            throw new MapFileException(file, "cannot render tile " + key + ": " + e.getMessage(), e);
        } finally {
            g.dispose();
        }
        return image;
    }

    private record Feature(BasemapLayer layer, int rank, String name, String nameUk, Geometry geometry, long id) {
    }

    private List<Feature> query(int zoom, GeoBox box, boolean labels) throws SQLException {
        int band = ZoomBand.indexForZoom(zoom);
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
            p.setInt(5, zoom);
            p.setInt(6, zoom);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    features.add(new Feature(BasemapLayer.values()[rs.getInt(2)], rs.getInt(3), rs.getString(4),
                            rs.getString(5), CompactGeometry.decode(rs.getBytes(6), GEOMETRIES), rs.getLong(1)));
                }
            }
        }
        return features;
    }

    private void drawShapes(Graphics2D g, int zoom, List<Feature> features, TileProjection projection,
            BasemapStyle.Palette palette) {
        for (Feature f : features) {
            Shape shape = projection.path(f.geometry());
            switch (f.layer()) {
                case LAND -> fillPiece(g, shape, palette.land());
                case URBAN -> fillPiece(g, shape, palette.urban());
                case LAKE -> fillPiece(g, shape, palette.ocean());
                case RIVER -> stroke(g, shape, palette.waterLine(), BasemapStyle.riverStroke(zoom, f.rank()));
                case COAST -> stroke(g, shape, palette.coast(), BasemapStyle.coastStroke(zoom));
                case ADMIN1_LINE -> stroke(g, shape, palette.admin1(), BasemapStyle.admin1Stroke(zoom));
                case ADMIN0_LINE -> {
                    stroke(g, shape, palette.admin0Casing(), BasemapStyle.admin0Casing(zoom));
                    stroke(g, shape, palette.admin0(), BasemapStyle.admin0Stroke(zoom));
                }
                default -> {
                }
            }
        }
    }

    /**
     * Areas are stored cut into grid cells; two anti-aliased half-covered edges where pieces meet let the colour
     * underneath show through as a faint line, so each piece is also outlined in its own colour (half a pixel).
     */
    private static void fillPiece(Graphics2D g, Shape shape, Color color) {
        g.setColor(color);
        g.fill(shape);
        g.setStroke(PIECE_SEAM);
        g.draw(shape);
    }

    private static void stroke(Graphics2D g, Shape shape, Color color, BasicStroke stroke) {
        g.setColor(color);
        g.setStroke(stroke);
        g.draw(shape);
    }

    /** The placed labels of the block holding this world pixel, computed once per block and kept for the others. */
    private List<PlaceLabels.Placed> block(int zoom, long bx, long by) throws SQLException {
        BlockKey key = new BlockKey(zoom, bx, by);
        synchronized (blocks) {
            List<PlaceLabels.Placed> cached = blocks.get(key);
            if (cached != null) {
                return cached;
            }
        }
        // One thread places a block; another asking for it meanwhile (a tile thread, the label thread) waits for it.
        java.util.concurrent.CompletableFuture<List<PlaceLabels.Placed>> mine = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<List<PlaceLabels.Placed>> running = placing.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof SQLException sql) {
                    throw sql;
                }
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            List<PlaceLabels.Placed> placed = placeBlock(key);
            mine.complete(placed);
            return placed;
        } catch (SQLException | RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            placing.remove(key, mine);
        }
    }

    private List<PlaceLabels.Placed> placeBlock(BlockKey key) throws SQLException {
        int zoom = key.zoom();
        long bx = key.bx();
        long by = key.by();
        double world = WebMercator.worldSize(zoom);
        double size = Math.min(PlaceLabels.BLOCK_PX, world);
        double left = bx * size;
        double top = by * size;
        // The important labels are placed over the block and a margin (the whole world while it is small), the same
        // for every block they reach; the rest only inside the block.
        java.awt.geom.Rectangle2D topArea = world <= WHOLE_WORLD_PX ? new java.awt.geom.Rectangle2D.Double(0, 0, world, world)
                : new java.awt.geom.Rectangle2D.Double(Math.max(0, left - TOP_MARGIN_PX), Math.max(0, top - TOP_MARGIN_PX),
                        Math.min(world, left + size + TOP_MARGIN_PX) - Math.max(0, left - TOP_MARGIN_PX),
                        Math.min(world, top + size + TOP_MARGIN_PX) - Math.max(0, top - TOP_MARGIN_PX));
        java.awt.geom.Rectangle2D block = new java.awt.geom.Rectangle2D.Double(left, top, size, size);
        List<PlaceLabels.Candidate> important = new ArrayList<>();
        List<PlaceLabels.Candidate> rest = new ArrayList<>();
        for (Feature f : query(zoom, geoBox(topArea, world), true)) {
            if (!(f.geometry() instanceof Point point)) {
                continue;
            }
            var text = LabelPair.of(f.name(), f.nameUk(), ukrainianFirst);
            if (text.isEmpty()) {
                continue;
            }
            PlaceLabels.Candidate c = new PlaceLabels.Candidate(f.layer(), f.rank(), f.id(),
                    WebMercator.normX(point.getX()) * world, WebMercator.normY(point.getY()) * world, text.get());
            if (PlaceLabels.isTop(c)) {
                important.add(c);
            } else if (block.contains(c.x(), c.y())) {
                rest.add(c);
            }
        }
        List<PlaceLabels.Placed> placed = List.copyOf(PlaceLabels.place(important, topArea, rest, zoom, left, top, size));
        synchronized (blocks) {
            blocks.put(key, placed);
        }
        return placed;
    }

    private record BlockKey(int zoom, long bx, long by) {
    }

    private static GeoBox geoBox(java.awt.geom.Rectangle2D area, double world) {
        return new GeoBox(WebMercator.lonOfNormX(area.getMinX() / world), WebMercator.latOfNormY(area.getMaxY() / world),
                WebMercator.lonOfNormX(area.getMaxX() / world), WebMercator.latOfNormY(area.getMinY() / world));
    }

    private void drawLabels(Graphics2D g, TileKey key, BasemapStyle.Palette palette) throws SQLException {
        double tileLeft = (double) key.x() * WebMercator.TILE_SIZE;
        double tileTop = (double) key.y() * WebMercator.TILE_SIZE;
        java.awt.geom.Rectangle2D tile = new java.awt.geom.Rectangle2D.Double(tileLeft, tileTop, WebMercator.TILE_SIZE,
                WebMercator.TILE_SIZE);
        for (PlaceLabels.Placed p : blockOf(key)) {
            if (p.reaches(tile)) {
                PlaceLabelPainter.draw(g, p, p.lines(), tileLeft, tileTop, palette);
            }
        }
    }

    /** The placed labels of the block holding the tile (placed now if not yet). */
    private List<PlaceLabels.Placed> blockOf(TileKey key) throws SQLException {
        double size = Math.min(PlaceLabels.BLOCK_PX, WebMercator.worldSize(key.zoom()));
        return block(key.zoom(), (long) Math.floor(key.x() * (double) WebMercator.TILE_SIZE / size),
                (long) Math.floor(key.y() * (double) WebMercator.TILE_SIZE / size));
    }

    /**
     * The boxes (world pixels at {@code zoom}) of the labels already placed in the blocks that meet the given world-pixel
     * area, so labels drawn over the map keep clear of them. Only blocks some tile has already drawn are answered:
     * never reads the file, safe on the UI thread.
     */
    public List<java.awt.geom.Rectangle2D> placedLabelBoxes(int zoom, double left, double top, double width, double height) {
        List<java.awt.geom.Rectangle2D> boxes = new ArrayList<>();
        for (PlaceLabels.Placed p : placedLabels(zoom, left, top, width, height)) {
            boxes.add(p.box());
        }
        return boxes;
    }

    /** The placed labels behind {@link #placedLabelBoxes}, shifted to the asked world copy (tests read their text). */
    List<PlaceLabels.Placed> placedLabels(int zoom, double left, double top, double width, double height) {
        return collect(zoom, left, top, width, height, false).labels();
    }

    /** Placed labels of the blocks a view meets; {@code complete} when every one of its blocks was known. */
    public record BlockLabels(List<PlaceLabels.Placed> labels, boolean complete) {
        public BlockLabels {
            labels = List.copyOf(labels);
        }
    }

    /**
     * The placed labels that reach the view (world pixels at {@code zoom}), placing any block not yet placed: reads
     * the file, so not for the UI thread ({@code map render}, reports, tests).
     */
    public BlockLabels labels(int zoom, double left, double top, double width, double height) {
        return collect(zoom, left, top, width, height, true);
    }

    /**
     * The placed labels of the view's blocks already placed (by a tile or an earlier call): never reads the file, safe
     * on the UI thread. Blocks not yet placed are placed on this basemap's label thread, and {@code whenReady} runs
     * there once some are, so the view can draw again.
     */
    public BlockLabels readyLabels(int zoom, double left, double top, double width, double height, Runnable whenReady) {
        BlockLabels ready = collect(zoom, left, top, width, height, false);
        if (!ready.complete() && !closed) {
            for (BlockKey key : blockKeys(zoom, left, top, width, height)) {
                boolean known;
                synchronized (blocks) {
                    known = blocks.containsKey(key) || !pendingBlocks.add(key);
                }
                if (!known) {
                    placeLater(key, whenReady);
                }
            }
        }
        return ready;
    }

    private void placeLater(BlockKey key, Runnable whenReady) {
        try {
            labelThread().execute(() -> {
                try {
                    if (!closed) {
                        block(key.zoom(), key.bx(), key.by());
                    }
                } catch (SQLException | RuntimeException e) {
                    LOG.warn("Cannot place the basemap labels of block {}: {}", key, e.getMessage());
                } finally {
                    synchronized (blocks) {
                        pendingBlocks.remove(key);
                    }
                    releaseThreadConnection();
                }
                if (!closed) {
                    whenReady.run();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            synchronized (blocks) {
                pendingBlocks.remove(key);
            }
        }
    }

    /** The label thread ends when idle: its connection is closed after each job rather than left behind. */
    private void releaseThreadConnection() {
        if (closed) {
            return; // close() closed every connection
        }
        Connection c = connections.get();
        connections.remove();
        opened.remove(c);
        try {
            c.close();
        } catch (SQLException e) {
            // read-only connection: nothing to lose
        }
    }

    private synchronized java.util.concurrent.ExecutorService labelThread() {
        if (labelThread == null) {
            java.util.concurrent.ThreadPoolExecutor executor = new java.util.concurrent.ThreadPoolExecutor(1, 1, 10,
                    java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.LinkedBlockingQueue<>(), r -> {
                        Thread t = new Thread(r, "basemap-labels");
                        t.setDaemon(true);
                        t.setPriority(Thread.NORM_PRIORITY - 1);
                        return t;
                    });
            executor.allowCoreThreadTimeOut(true);
            labelThread = executor;
        }
        return labelThread;
    }

    /** The blocks (wrapped to the world, rows clamped to it) that a world-pixel area meets. */
    private static List<BlockKey> blockKeys(int zoom, double left, double top, double width, double height) {
        double size = Math.min(PlaceLabels.BLOCK_PX, WebMercator.worldSize(zoom));
        long n = Math.max(1, (long) (WebMercator.worldSize(zoom) / size));
        List<BlockKey> keys = new ArrayList<>();
        long firstY = Math.max(0, (long) Math.floor(top / size));
        long lastY = Math.min(n - 1, (long) Math.floor((top + height) / size));
        for (long by = firstY; by <= lastY; by++) {
            for (long bx = (long) Math.floor(left / size); bx <= (long) Math.floor((left + width) / size); bx++) {
                BlockKey key = new BlockKey(zoom, Math.floorMod(bx, n), by);
                if (!keys.contains(key)) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    private BlockLabels collect(int zoom, double left, double top, double width, double height, boolean placeMissing) {
        double size = Math.min(PlaceLabels.BLOCK_PX, WebMercator.worldSize(zoom));
        long n = Math.max(1, (long) (WebMercator.worldSize(zoom) / size));
        List<PlaceLabels.Placed> found = new ArrayList<>();
        java.util.Set<java.awt.geom.Rectangle2D> seen = new java.util.HashSet<>();
        boolean complete = true;
        java.awt.geom.Rectangle2D area = new java.awt.geom.Rectangle2D.Double(left, top, width, height);
        long firstY = Math.max(0, (long) Math.floor(top / size));
        long lastY = Math.min(n - 1, (long) Math.floor((top + height) / size));
        for (long by = firstY; by <= lastY; by++) {
            for (long bx = (long) Math.floor(left / size); bx <= (long) Math.floor((left + width) / size); bx++) {
                List<PlaceLabels.Placed> placed;
                if (placeMissing) {
                    try {
                        placed = block(zoom, Math.floorMod(bx, n), by);
                    } catch (SQLException e) {
                        throw new MapFileException(file, "cannot read labels: " + e.getMessage(), e);
                    }
                } else {
                    synchronized (blocks) {
                        placed = blocks.get(new BlockKey(zoom, Math.floorMod(bx, n), by));
                    }
                }
                if (placed == null) {
                    complete = false;
                    continue;
                }
                double shift = (bx - Math.floorMod(bx, n)) * size;
                for (PlaceLabels.Placed p : placed) {
                    PlaceLabels.Placed moved = p.shifted(shift);
                    // an important label crossing a block line is listed by each block it reaches: once here
                    if (moved.reaches(area) && seen.add(moved.box())) {
                        found.add(moved);
                    }
                }
            }
        }
        return new BlockLabels(found, complete);
    }

    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            if (labelThread != null) {
                labelThread.shutdownNow();
            }
        }
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
