package org.groundtruth.ui.map;

import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.groundtruth.core.geo.CameraView;
import org.groundtruth.core.geo.Distances;
import org.groundtruth.core.geo.Geodesy;
import org.groundtruth.core.geo.GeolocationPin;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.map.TileKey;
import org.groundtruth.map.TileLoader;
import org.groundtruth.map.WebMercator;

/**
 * The map surface: a JavaFX Canvas that draws tile layers, incident markers (clustered), geolocation pins,
 * the measuring path, a scale bar and the attribution line. Tiles come from the {@link TileLoader}, which never
 * blocks; a tile not yet loaded is drawn from a cached parent tile or as a neutral placeholder and the canvas
 * repaints when it arrives.
 */
public final class MapCanvas extends Region {
    static final double CLUSTER_CELL_PX = 44;
    private static final double PAN_STEP_PX = 128;
    private static final double HIT_RADIUS_PX = 12;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final MapViewModel vm;
    /** From this zoom, tiles of street maps around the view are rendered ahead. */
    static final int PREFETCH_ZOOM = 14;
    private static final Runnable NOTHING = () -> { };
    private final Canvas canvas = new Canvas();
    private final Map<BufferedImage, Image> fxImages = new WeakHashMap<>();
    private final AtomicBoolean tileRedrawPending = new AtomicBoolean();
    private boolean redrawQueued;
    private List<MarkerIndex.Cluster> lastClusters = List.of();
    private Optional<MarkerIndex.Cluster> hovered = Optional.empty();
    private final ChoroplethPainter choroplethPainter = new ChoroplethPainter();
    private Optional<RegionHover> hoveredRegion = Optional.empty();
    private double pressX;
    private double pressY;
    private double lastDragX;
    private double lastDragY;
    private boolean dragged;
    private long framesDrawn;

    public MapCanvas(MapViewModel vm) {
        this.vm = vm;
        getStyleClass().add("map-canvas");
        getChildren().add(canvas);
        setFocusTraversable(true);
        setMinSize(200, 150);
        InvalidationListener redraw = o -> requestRedraw();
        vm.viewportProperty().addListener(redraw);
        vm.markersProperty().addListener(redraw);
        vm.selectedIncidentProperty().addListener(redraw);
        vm.redrawsProperty().addListener(redraw);
        vm.mapStyleProperty().addListener(redraw);
        vm.pins().addListener(redraw);
        vm.measurePoints().addListener(redraw);
        vm.lines().addListener(redraw);
        vm.foundPlaceProperty().addListener(redraw);
        vm.outlines().addListener(redraw);
        FlightLayer flight = vm.flight();
        flight.trackProperty().addListener(redraw);
        flight.droneProperty().addListener(redraw);
        flight.footprintProperty().addListener(redraw);
        flight.photoProperty().addListener(redraw);
        vm.choropleth().frameProperty().addListener(redraw);
        vm.choropleth().visibleProperty().addListener(redraw);
        vm.choropleth().opacityProperty().addListener(redraw);
        vm.layers().addListener((ListChangeListener<MapLayer>) change -> {
            while (change.next()) {
                for (MapLayer added : change.getAddedSubList()) {
                    added.visibleProperty().addListener(redraw);
                    added.opacityProperty().addListener(redraw);
                }
            }
            requestRedraw();
        });
        for (MapLayer layer : vm.layers()) {
            layer.visibleProperty().addListener(redraw);
            layer.opacityProperty().addListener(redraw);
        }
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        addEventHandler(MouseEvent.MOUSE_MOVED, this::moved);
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            hovered = Optional.empty();
            hoveredRegion = Optional.empty();
            requestRedraw();
        });
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            vm.viewportProperty().set(vm.viewportProperty().get().resized(w, h));
        }
        requestRedraw();
    }

    /** Coalesces many changes into one paint on the next pulse. */
    public void requestRedraw() {
        if (!redrawQueued) {
            redrawQueued = true;
            Platform.runLater(() -> {
                redrawQueued = false;
                paint();
            });
        }
    }

    long framesDrawn() {
        return framesDrawn;
    }

    List<MarkerIndex.Cluster> visibleClusters() {
        return lastClusters;
    }

    // ---- input ----

    private void pressed(MouseEvent e) {
        requestFocus();
        pressX = lastDragX = e.getX();
        pressY = lastDragY = e.getY();
        dragged = false;
    }

    private void dragged(MouseEvent e) {
        if (!dragged && Math.hypot(e.getX() - pressX, e.getY() - pressY) < 4) {
            return;
        }
        dragged = true;
        vm.viewportProperty().set(vm.viewportProperty().get().panBy(lastDragX - e.getX(), lastDragY - e.getY()));
        lastDragX = e.getX();
        lastDragY = e.getY();
        setCursor(javafx.scene.Cursor.CLOSED_HAND);
    }

    private void released(MouseEvent e) {
        setCursor(javafx.scene.Cursor.DEFAULT);
        if (dragged) {
            return;
        }
        if (e.getButton() == MouseButton.PRIMARY) {
            clickAt(e.getX(), e.getY(), e.getClickCount());
        } else if (e.getButton() == MouseButton.SECONDARY && vm.measuringProperty().get()) {
            vm.clearMeasurement();
        }
    }

    /** A click: picks a point for a form that asked for one, adds a measuring point, zooms into a cluster, or selects the incident under it. */
    void clickAt(double x, double y, int clickCount) {
        MapViewport viewport = vm.viewportProperty().get();
        if (vm.pickingProperty().get()) {
            vm.picked(viewport.toLatLon(x, y));
            return;
        }
        if (vm.measuringProperty().get()) {
            if (clickCount == 1) {
                vm.addMeasurePoint(viewport.toLatLon(x, y));
            }
            return;
        }
        Optional<MarkerIndex.Cluster> hit = hitTest(x, y);
        if (hit.isEmpty()) {
            FlightPainter.trackHit(vm.flight(), viewport, x, y, HIT_RADIUS_PX).ifPresent(vm.flight()::trackClicked);
            return;
        }
        MarkerIndex.Cluster cluster = hit.get();
        if (cluster.isSingle()) {
            vm.select(Optional.of(vm.markersProperty().get().incident(cluster.firstIndex())));
        } else {
            vm.viewportProperty().set(viewport.zoomAround(cluster.x(), cluster.y(), 2));
        }
    }

    private void moved(MouseEvent e) {
        MapViewport viewport = vm.viewportProperty().get();
        vm.cursorMoved(viewport.toLatLon(e.getX(), e.getY()));
        Optional<MarkerIndex.Cluster> hit = hitTest(e.getX(), e.getY());
        if (!hit.equals(hovered)) {
            hovered = hit;
            requestRedraw();
        }
        Optional<RegionHover> region = hit.isPresent() ? Optional.empty() : regionHover(e.getX(), e.getY());
        if (!region.equals(hoveredRegion)) {
            hoveredRegion = region;
            requestRedraw();
        }
        if (vm.measuringProperty().get()) {
            setCursor(javafx.scene.Cursor.CROSSHAIR);
        } else {
            setCursor(hit.isPresent() ? javafx.scene.Cursor.HAND : javafx.scene.Cursor.DEFAULT);
        }
    }

    /** The region under the cursor while the incidents-per-region layer is shown: its name and count. */
    Optional<RegionHover> regionHover(double x, double y) {
        RegionChoropleth layer = vm.choropleth();
        if (!layer.visibleProperty().get()) {
            return Optional.empty();
        }
        LatLon position = vm.viewportProperty().get().toLatLon(x, y);
        return layer.frameProperty().get().regionAt(position).map(r -> new RegionHover(ChoroplethFrame.describe(r), x, y));
    }

    record RegionHover(String text, double x, double y) {
    }

    private Optional<MarkerIndex.Cluster> hitTest(double x, double y) {
        MarkerIndex.Cluster best = null;
        double bestDistance = Double.MAX_VALUE;
        for (MarkerIndex.Cluster c : lastClusters) {
            double d = Math.hypot(c.x() - x, c.y() - y);
            if (d <= Math.max(HIT_RADIUS_PX, clusterRadius(c.count()) + 2) && d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        MapViewport viewport = vm.viewportProperty().get();
        vm.viewportProperty().set(viewport.zoomAround(e.getX(), e.getY(), e.getDeltaY() > 0 ? 1 : -1));
        e.consume();
    }

    private void keyPressed(KeyEvent e) {
        MapViewport viewport = vm.viewportProperty().get();
        KeyCode code = e.getCode();
        MapViewport next = switch (code) {
            case LEFT -> viewport.panBy(-PAN_STEP_PX, 0);
            case RIGHT -> viewport.panBy(PAN_STEP_PX, 0);
            case UP -> viewport.panBy(0, -PAN_STEP_PX);
            case DOWN -> viewport.panBy(0, PAN_STEP_PX);
            case PLUS, EQUALS, ADD -> viewport.withZoom(Math.min(MapViewport.MAX_ZOOM, viewport.zoom() + 1));
            case MINUS, SUBTRACT -> viewport.withZoom(Math.max(MapViewport.MIN_ZOOM, viewport.zoom() - 1));
            default -> null;
        };
        if (next != null) {
            vm.viewportProperty().set(next);
            e.consume();
        } else if (code == KeyCode.ESCAPE) {
            vm.clearMeasurement();
            e.consume();
        }
    }

    // ---- painting ----

    /** The labels of the frame being painted. */
    private LabelPlacer placer = new LabelPlacer(0, 0);
    /** The basemap's place labels drawn in the last frame, world pixels. */
    private List<org.groundtruth.map.basemap.ViewLabels.Shown> shownPlaces = List.of();
    private final PlaceLabelSprites sprites = new PlaceLabelSprites(this::tileArrived);
    private long placeLabelNanos;

    void paint() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w < 1 || h < 1) {
            return;
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        MapViewport viewport = vm.viewportProperty().get();
        // Every label of the frame is laid out first: the attribution and the scale bar, then the investigator's labels
        // clear of them and of each other, then the basemap's place names that fit wholly on the map around all those.
        long layoutStart = System.nanoTime();
        List<String> credits = attributionLines(w);
        LabelPlacer.Box attribution = attributionBox(credits, w, h);
        LabelPlacer.Box scale = scaleBarBox(viewport, h, attribution);
        List<MapLabelLayout.Request> requests = overlayLabelRequests(viewport);
        Optional<MapLayer> labelled = placeLabelLayer(viewport);
        org.groundtruth.map.basemap.BasemapRenderer.BlockLabels places = labelled
                .map(l -> ((org.groundtruth.map.basemap.BasemapRenderer) l.source()).readyLabels(viewport.zoom(),
                        viewport.left(), viewport.top(), viewport.width(), viewport.height(), this::tileArrived))
                .orElse(new org.groundtruth.map.basemap.BasemapRenderer.BlockLabels(List.of(), true));
        lastClusters = vm.markersProperty().get().cluster(viewport, CLUSTER_CELL_PX);
        MapLabelLayout.Result layout = MapLabelLayout.layout(viewport, List.of(attribution, scale),
                CoveragePainter.tags(viewport, vm.offlineCoverage(), w), requests, marks(viewport), places);
        placer = layout.placer();
        shownPlaces = layout.places();
        long layoutNanos = System.nanoTime() - layoutStart;
        g.setGlobalAlpha(1);
        g.setFill(dark() ? MapColors.PLACEHOLDER_DARK : MapColors.PLACEHOLDER);
        g.fillRect(0, 0, w, h);
        for (MapLayer layer : vm.layers()) {
            if (layer.visibleProperty().get() && layer.opacityProperty().get() > 0.01) {
                drawTiles(g, viewport, layer);
                if (labelled.isPresent() && labelled.get() == layer) {
                    // Above the basemap, below any map added over it (street maps carry their own names).
                    long start = System.nanoTime();
                    drawPlaceLabels(g, viewport, layer.opacityProperty().get());
                    placeLabelNanos = layoutNanos + System.nanoTime() - start;
                }
            }
        }
        g.setGlobalAlpha(1);
        CoveragePainter.paint(g, viewport, vm.offlineCoverage(), w, dark());
        RegionChoropleth regions = vm.choropleth();
        if (regions.visibleProperty().get()) {
            choroplethPainter.paint(g, viewport, regions.frameProperty().get(), regions.opacityProperty().get());
        }
        for (GeolocationPin pin : vm.pins()) {
            drawPin(g, viewport, pin);
        }
        MarkerPainter.paint(g, lastClusters);
        drawSelection(g, viewport);
        drawFoundPlace(g, viewport);
        FlightPainter.paint(g, viewport, vm.flight());
        drawLines(g, viewport);
        drawOutlines(g, viewport);
        drawMeasurement(g, viewport);
        drawOverlayLabels(g, requests, layout.overlay());
        drawScaleBar(g, viewport, scale);
        drawAttribution(g, credits, attribution);
        hovered.ifPresent(c -> drawHover(g, c, w));
        if (hovered.isEmpty()) {
            hoveredRegion.ifPresent(r -> drawTip(g, r.text(), r.x(), r.y(), w));
        }
        framesDrawn++;
    }

    /** The incident markers, pins and rings of the frame: place names keep clear of them. */
    private List<LabelPlacer.Box> marks(MapViewport viewport) {
        List<LabelPlacer.Box> marks = new java.util.ArrayList<>();
        for (MarkerIndex.Cluster c : lastClusters) {
            double r = clusterRadius(c.count()) + 4;
            marks.add(new LabelPlacer.Box(c.x() - r, c.y() - r, 2 * r, 2 * r));
        }
        for (GeolocationPin pin : vm.pins()) {
            Point2D p = viewport.toScreen(pin.target());
            marks.add(new LabelPlacer.Box(p.getX() - 13, p.getY() - 13, 26, 26));
        }
        vm.selectedIncidentProperty().get().flatMap(Incident::location).ifPresent(location -> {
            Point2D p = viewport.toScreen(location);
            marks.add(new LabelPlacer.Box(p.getX() - 14, p.getY() - 14, 28, 28));
        });
        vm.foundPlaceProperty().get().ifPresent(hit -> {
            Point2D p = viewport.toScreen(hit.location());
            marks.add(new LabelPlacer.Box(p.getX() - 11, p.getY() - 11, 22, 22));
        });
        return marks;
    }

    /** The visible basemap layer whose place labels the view draws, if any. */
    private Optional<MapLayer> placeLabelLayer(MapViewport viewport) {
        for (MapLayer layer : vm.layers()) {
            if (layer.isBasemap() && layer.visibleProperty().get() && layer.opacityProperty().get() > 0.01
                    && layer.source() instanceof org.groundtruth.map.basemap.BasemapRenderer basemap
                    && viewport.zoom() <= basemap.maxZoom()) {
                return Optional.of(layer);
            }
        }
        return Optional.empty();
    }

    private void drawPlaceLabels(GraphicsContext g, MapViewport viewport, double opacity) {
        g.setGlobalAlpha(opacity);
        sprites.draw(g, shownPlaces, viewport, vm.mapStyleProperty().get());
        g.setGlobalAlpha(1);
    }

    /** The labels the investigator's data puts on the map, in the order they are placed (earlier ones win). */
    private List<MapLabelLayout.Request> overlayLabelRequests(MapViewport viewport) {
        List<MapLabelLayout.Request> requests = new java.util.ArrayList<>();
        vm.foundPlaceProperty().get().ifPresent(hit -> {
            Point2D p = viewport.toScreen(hit.location());
            requests.add(request(hit.label(), p.getX() + 14, p.getY() + 4));
        });
        for (MapLine line : List.copyOf(vm.lines())) {
            if (!line.label().isEmpty()) {
                List<LatLon> path = Geodesy.densify(line.from(), line.to(), 16);
                Point2D end = viewport.toScreen(path.get(path.size() - 1));
                requests.add(request(line.label(), end.getX(), end.getY()));
            }
        }
        for (MapOutline outline : List.copyOf(vm.outlines())) {
            if (!outline.label().isEmpty()) {
                Point2D corner = viewport.toScreen(outline.corners().get(0));
                requests.add(request(outline.label(), corner.getX() + 6, corner.getY() - 6));
            }
        }
        List<LatLon> points = List.copyOf(vm.measurePoints());
        double cumulative = 0;
        for (int i = 1; i < points.size(); i++) {
            cumulative += Geodesy.measure(points.get(i - 1), points.get(i)).distanceMeters();
            Point2D end = viewport.toScreen(points.get(i));
            requests.add(request(org.groundtruth.ui.common.UnitText.distance(cumulative), end.getX(), end.getY()));
        }
        return requests;
    }

    private static final Font LABEL_FONT = Font.font("System", FontWeight.BOLD, 12);

    private static MapLabelLayout.Request request(String text, double anchorX, double anchorY) {
        return new MapLabelLayout.Request(text, anchorX, anchorY, textWidth(text, LABEL_FONT) + 8, 18);
    }

    /** The overlay labels where the layout put them, on an opaque box; a label without room is left out. */
    private void drawOverlayLabels(GraphicsContext g, List<MapLabelLayout.Request> requests,
            List<Optional<LabelPlacer.Box>> boxes) {
        for (int i = 0; i < requests.size(); i++) {
            String text = requests.get(i).text();
            boxes.get(i).ifPresent(box -> {
                g.setFill(dark() ? Color.rgb(22, 24, 29, 0.92) : Color.rgb(255, 255, 255, 0.92));
                g.fillRoundRect(box.x(), box.y(), box.width(), box.height(), 6, 6);
                g.setFill(dark() ? Color.web("#F1F3F7") : Color.web("#111827"));
                g.setFont(LABEL_FONT);
                g.fillText(text, box.x() + 4, box.y() + 13);
            });
        }
    }

    private void drawTiles(GraphicsContext g, MapViewport viewport, MapLayer layer) {
        var source = layer.source();
        int zoom = viewport.zoom();
        if (zoom < source.minZoom()) {
            return;
        }
        int tileZoom = Math.min(zoom, source.maxZoom());
        double scale = Math.pow(2, zoom - tileZoom);
        double size = WebMercator.TILE_SIZE * scale;
        int n = 1 << tileZoom;
        long firstX = (long) Math.floor(viewport.left() / size);
        long lastX = (long) Math.floor((viewport.left() + viewport.width()) / size);
        long firstY = Math.max(0, (long) Math.floor(viewport.top() / size));
        long lastY = Math.min(n - 1, (long) Math.floor((viewport.top() + viewport.height()) / size));
        g.setGlobalAlpha(layer.opacityProperty().get());
        TileLoader loader = vm.tileLoader();
        boolean whole = true;
        if (tileZoom >= PREFETCH_ZOOM && tileZoom == zoom && vm.isStreetMap(layer)) {
            // Asked first, so the loader (newest first) renders them after the visible tiles: panning finds them ready.
            prefetchRing(loader, source, vm.mapStyleProperty().get(), tileZoom, firstX, lastX, firstY, lastY);
        }
        for (long ty = firstY; ty <= lastY; ty++) {
            for (long tx = firstX; tx <= lastX; tx++) {
                int wrappedX = (int) Math.floorMod(tx, (long) n);
                TileKey key = new TileKey(tileZoom, wrappedX, (int) ty);
                // Whole pixels: a tile at a fractional offset leaves a half-covered seam that shows the map's background.
                double sx = Math.floor(tx * size - viewport.left());
                double sy = Math.floor(ty * size - viewport.top());
                TileLoader.TileState state = loader.get(source, key, vm.mapStyleProperty().get(), this::tileArrived);
                if (state.image().isPresent()) {
                    drawClipped(g, fxImage(state.image().get()), 0, 0, WebMercator.TILE_SIZE, sx, sy, size, viewport);
                } else if (state.status() != TileLoader.Status.EMPTY) {
                    whole = false;
                    boolean failed = state.status() == TileLoader.Status.FAILED;
                    if (!drawFromParent(g, layer, key, sx, sy, size)) {
                        // An overlay's missing tile stays see-through: offline, the basemap below must show.
                        drawPlaceholder(g, sx, sy, size, failed, layer.isBasemap());
                    }
                }
            }
        }
        g.setGlobalAlpha(1);
        if (whole && layer.isBasemap()) {
            org.groundtruth.ui.common.StartupProbe.mapDrawn();
        }
    }

    /** The ring of tiles just outside the view, loaded ahead for a street map whose tiles take a render each. */
    private static void prefetchRing(TileLoader loader, org.groundtruth.map.TileSource source,
            org.groundtruth.map.MapStyle style, int tileZoom, long firstX,
            long lastX, long firstY, long lastY) {
        int n = 1 << tileZoom;
        for (long ty = Math.max(0, firstY - 1); ty <= Math.min(n - 1L, lastY + 1); ty++) {
            for (long tx = firstX - 1; tx <= lastX + 1; tx++) {
                boolean inside = ty >= firstY && ty <= lastY && tx >= firstX && tx <= lastX;
                if (!inside) {
                    loader.get(source, new TileKey(tileZoom, (int) Math.floorMod(tx, (long) n), (int) ty), style, NOTHING);
                }
            }
        }
    }

    private boolean dark() {
        return vm.mapStyleProperty().get() == org.groundtruth.map.MapStyle.DARK;
    }

    /** While a tile loads, the part of a cached ancestor that covers it, scaled up. */
    private boolean drawFromParent(GraphicsContext g, MapLayer layer, TileKey key, double sx, double sy, double size) {
        TileKey ancestor = key;
        for (int up = 1; up <= 4 && ancestor.zoom() > 0; up++) {
            ancestor = ancestor.parent();
            Optional<BufferedImage> image = vm.tileLoader().peek(layer.source(), ancestor, vm.mapStyleProperty().get());
            if (image.isPresent()) {
                int parts = 1 << up;
                double part = (double) WebMercator.TILE_SIZE / parts;
                double srcX = (key.x() - (long) ancestor.x() * parts) * part;
                double srcY = (key.y() - (long) ancestor.y() * parts) * part;
                drawClipped(g, fxImage(image.get()), srcX, srcY, part, sx, sy, size, vm.viewportProperty().get());
                return true;
            }
        }
        return false;
    }

    /**
     * Draws the part of a square source region that falls on screen. Overzoomed tiles can be tens of thousands of
     * pixels wide; handing those sizes to the rasteriser draws nothing in the software pipeline.
     */
    private static void drawClipped(GraphicsContext g, Image image, double srcX, double srcY, double srcSize,
            double dx, double dy, double size, MapViewport viewport) {
        double left = Math.max(dx, 0);
        double top = Math.max(dy, 0);
        double right = Math.min(dx + size, viewport.width());
        double bottom = Math.min(dy + size, viewport.height());
        if (right <= left || bottom <= top) {
            return;
        }
        double scale = srcSize / size;
        g.drawImage(image, srcX + (left - dx) * scale, srcY + (top - dy) * scale, (right - left) * scale,
                (bottom - top) * scale, left, top, right - left, bottom - top);
    }

    private void drawPlaceholder(GraphicsContext g, double sx, double sy, double size, boolean failed, boolean filled) {
        if (!filled && !failed) {
            return;
        }
        double alpha = g.getGlobalAlpha();
        g.setGlobalAlpha(1);
        if (filled) {
            g.setFill(dark() ? MapColors.PLACEHOLDER_DARK : MapColors.PLACEHOLDER);
            g.fillRect(sx, sy, size, size);
        }
        g.setStroke(dark() ? MapColors.PLACEHOLDER_LINE_DARK : MapColors.PLACEHOLDER_LINE);
        g.setLineWidth(1);
        g.strokeRect(sx + 0.5, sy + 0.5, size - 1, size - 1);
        if (failed) {
            g.setFill(Color.web("#9A958B"));
            g.setFont(Font.font(11));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(org.groundtruth.ui.common.I18n.t("map.tileUnavailable"), sx + size / 2, sy + size / 2);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.BASELINE);
        }
        g.setGlobalAlpha(alpha);
    }

    private void tileArrived() {
        if (tileRedrawPending.compareAndSet(false, true)) {
            Platform.runLater(() -> {
                tileRedrawPending.set(false);
                vm.tilesArrived();
            });
        }
    }

    private Image fxImage(BufferedImage image) {
        return fxImages.computeIfAbsent(image, MapCanvas::toFx);
    }

    static Image toFx(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        WritableImage fx = new WritableImage(w, h);
        fx.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return fx;
    }

    private void drawSelection(GraphicsContext g, MapViewport viewport) {
        vm.selectedIncidentProperty().get().flatMap(Incident::location).ifPresent(location -> {
            Point2D p = viewport.toScreen(location);
            g.setLineWidth(4);
            g.setStroke(Color.WHITE);
            g.strokeOval(p.getX() - 12, p.getY() - 12, 24, 24);
            g.setLineWidth(2.2);
            g.setStroke(Color.web("#111827"));
            g.strokeOval(p.getX() - 12, p.getY() - 12, 24, 24);
        });
    }

    /** The search result the map was centred on: a ring with its name, so the street is found in the drawing. */
    private void drawFoundPlace(GraphicsContext g, MapViewport viewport) {
        vm.foundPlaceProperty().get().ifPresent(hit -> {
            Point2D p = viewport.toScreen(hit.location());
            g.setLineWidth(4);
            g.setStroke(Color.WHITE);
            g.strokeOval(p.getX() - 9, p.getY() - 9, 18, 18);
            g.setLineWidth(2.2);
            g.setStroke(Color.web("#2563eb"));
            g.strokeOval(p.getX() - 9, p.getY() - 9, 18, 18);
            g.setFill(Color.web("#2563eb"));
            g.fillOval(p.getX() - 2.5, p.getY() - 2.5, 5, 5);
        });
    }

    private void drawPin(GraphicsContext g, MapViewport viewport, GeolocationPin pin) {
        Point2D target = viewport.toScreen(pin.target());
        pin.camera().ifPresent(camera -> drawCamera(g, viewport, camera, pin.target()));
        double radius = pin.precisionMeters() / WebMercator.metersPerPixel(pin.target().lat(), viewport.zoom());
        if (radius >= 3) {
            g.setFill(MapColors.PIN.deriveColor(0, 1, 1, 0.13));
            g.fillOval(target.getX() - radius, target.getY() - radius, 2 * radius, 2 * radius);
            g.setStroke(MapColors.PIN);
            g.setLineWidth(1.4);
            g.setLineDashes(6, 4);
            g.strokeOval(target.getX() - radius, target.getY() - radius, 2 * radius, 2 * radius);
            g.setLineDashes();
        }
        g.setStroke(Color.WHITE);
        g.setLineWidth(4);
        crosshair(g, target.getX(), target.getY());
        g.setStroke(MapColors.PIN);
        g.setLineWidth(2);
        crosshair(g, target.getX(), target.getY());
    }

    private static void crosshair(GraphicsContext g, double x, double y) {
        g.strokeOval(x - 6, y - 6, 12, 12);
        g.strokeLine(x - 11, y, x - 3, y);
        g.strokeLine(x + 3, y, x + 11, y);
        g.strokeLine(x, y - 11, x, y - 3);
        g.strokeLine(x, y + 3, x, y + 11);
    }

    private void drawCamera(GraphicsContext g, MapViewport viewport, CameraView camera, LatLon target) {
        double distance = Math.max(60, Geodesy.measure(camera.position(), target).distanceMeters() * 1.2);
        int steps = 12;
        double[] xs = new double[steps + 2];
        double[] ys = new double[steps + 2];
        Point2D origin = viewport.toScreen(camera.position());
        xs[0] = origin.getX();
        ys[0] = origin.getY();
        double start = camera.bearingDegrees() - camera.fieldOfViewDegrees() / 2;
        for (int i = 0; i <= steps; i++) {
            double azimuth = start + camera.fieldOfViewDegrees() * i / steps;
            Point2D p = viewport.toScreen(Geodesy.destination(camera.position(), ((azimuth % 360) + 360) % 360, distance));
            xs[i + 1] = p.getX();
            ys[i + 1] = p.getY();
        }
        g.setFill(MapColors.CAMERA.deriveColor(0, 1, 1, 0.16));
        g.fillPolygon(xs, ys, xs.length);
        g.setStroke(MapColors.CAMERA);
        g.setLineWidth(1.5);
        g.strokePolygon(xs, ys, xs.length);
        Point2D axis = viewport.toScreen(Geodesy.destination(camera.position(), camera.bearingDegrees(), distance));
        g.setLineDashes(4, 4);
        g.strokeLine(origin.getX(), origin.getY(), axis.getX(), axis.getY());
        g.setLineDashes();
        g.setFill(Color.WHITE);
        g.fillRoundRect(origin.getX() - 7, origin.getY() - 6, 14, 12, 4, 4);
        g.setFill(MapColors.CAMERA);
        g.fillRoundRect(origin.getX() - 5.5, origin.getY() - 4.5, 11, 9, 3, 3);
        g.setFill(Color.WHITE);
        g.fillOval(origin.getX() - 2.5, origin.getY() - 2.5, 5, 5);
    }

    /** Lines other features asked for: an arrow head at the far end, the label beside it. */
    private void drawLines(GraphicsContext g, MapViewport viewport) {
        for (MapLine line : List.copyOf(vm.lines())) {
            List<LatLon> path = Geodesy.densify(line.from(), line.to(), 16);
            double[] xs = new double[path.size()];
            double[] ys = new double[path.size()];
            for (int k = 0; k < path.size(); k++) {
                Point2D p = viewport.toScreen(path.get(k));
                xs[k] = p.getX();
                ys[k] = p.getY();
            }
            g.setStroke(Color.WHITE);
            g.setLineWidth(5);
            g.strokePolyline(xs, ys, xs.length);
            g.setStroke(line.color());
            g.setLineWidth(2.5);
            g.strokePolyline(xs, ys, xs.length);
            int n = xs.length - 1;
            double angle = Math.atan2(ys[n] - ys[n - 1], xs[n] - xs[n - 1]);
            g.setFill(line.color());
            g.fillPolygon(new double[] {xs[n], xs[n] - 12 * Math.cos(angle - 0.4), xs[n] - 12 * Math.cos(angle + 0.4)},
                    new double[] {ys[n], ys[n] - 12 * Math.sin(angle - 0.4), ys[n] - 12 * Math.sin(angle + 0.4)}, 3);
        }
    }

    /** Outlines other features asked for (image-match footprints): the selected one filled and thicker. */
    private void drawOutlines(GraphicsContext g, MapViewport viewport) {
        for (MapOutline outline : List.copyOf(vm.outlines())) {
            int n = outline.corners().size();
            double[] xs = new double[n];
            double[] ys = new double[n];
            for (int k = 0; k < n; k++) {
                Point2D p = viewport.toScreen(outline.corners().get(k));
                xs[k] = p.getX();
                ys[k] = p.getY();
            }
            if (outline.emphasis()) {
                g.setFill(outline.color().deriveColor(0, 1, 1, 0.18));
                g.fillPolygon(xs, ys, n);
            }
            g.setStroke(Color.WHITE);
            g.setLineWidth(outline.emphasis() ? 5 : 4);
            g.strokePolygon(xs, ys, n);
            g.setStroke(outline.color());
            g.setLineWidth(outline.emphasis() ? 2.5 : 1.5);
            g.strokePolygon(xs, ys, n);
            g.setFill(outline.color());
            for (LatLon point : outline.points()) {
                Point2D p = viewport.toScreen(point);
                g.fillOval(p.getX() - 2.5, p.getY() - 2.5, 5, 5);
            }
        }
    }

    private void drawMeasurement(GraphicsContext g, MapViewport viewport) {
        List<LatLon> points = List.copyOf(vm.measurePoints());
        if (points.isEmpty()) {
            return;
        }
        g.setLineCap(StrokeLineCap.ROUND);
        for (int i = 1; i < points.size(); i++) {
            List<LatLon> line = Geodesy.densify(points.get(i - 1), points.get(i), 24);
            double[] xs = new double[line.size()];
            double[] ys = new double[line.size()];
            for (int k = 0; k < line.size(); k++) {
                Point2D p = viewport.toScreen(line.get(k));
                xs[k] = p.getX();
                ys[k] = p.getY();
            }
            g.setStroke(Color.WHITE);
            g.setLineWidth(5);
            g.strokePolyline(xs, ys, xs.length);
            g.setStroke(MapColors.MEASURE);
            g.setLineWidth(2.2);
            g.setLineDashes(8, 5);
            g.strokePolyline(xs, ys, xs.length);
            g.setLineDashes();
        }
        for (LatLon point : points) {
            Point2D p = viewport.toScreen(point);
            g.setFill(Color.WHITE);
            g.fillOval(p.getX() - 5, p.getY() - 5, 10, 10);
            g.setFill(MapColors.MEASURE);
            g.fillOval(p.getX() - 3.5, p.getY() - 3.5, 7, 7);
        }
    }

    /** The basemap's place labels drawn in the last frame, canvas pixels (tests). */
    List<LabelPlacer.Box> placeLabelsShown() {
        MapViewport viewport = vm.viewportProperty().get();
        return shownPlaces.stream().map(s -> MapLabelLayout.canvas(viewport, s.box())).toList();
    }

    /** Time the last frame spent laying out and drawing place labels, nanoseconds (benchmark). */
    long placeLabelNanos() {
        return placeLabelNanos;
    }

    /** The labels placed in the last frame (tests). */
    List<LabelPlacer.Box> placedLabels() {
        return placer.taken();
    }

    private static final Font ATTRIBUTION_FONT = Font.font(10);
    private static final double ATTRIBUTION_LINE = 14;

    /** The credit line, broken at its separators into as many lines as the map's width needs. */
    private List<String> attributionLines(double w) {
        String text = vm.attribution();
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String part : text.split(" \u00b7 |, ")) {
            String separator = line.length() == 0 ? "" : text.contains(line + " \u00b7 " + part) ? " \u00b7 " : ", ";
            if (line.length() > 0 && textWidth(line + separator + part, ATTRIBUTION_FONT) > w - 16) {
                lines.add(line.toString());
                line.setLength(0);
                separator = "";
            }
            line.append(separator).append(part);
        }
        lines.add(line.toString());
        return lines;
    }

    private static LabelPlacer.Box attributionBox(List<String> lines, double w, double h) {
        double width = lines.stream().mapToDouble(l -> textWidth(l, ATTRIBUTION_FONT)).max().orElse(0);
        double height = lines.size() * ATTRIBUTION_LINE + (lines.isEmpty() ? 0 : 2);
        return new LabelPlacer.Box(Math.max(0, w - width - 10), h - height, Math.min(w, width + 10), height);
    }

    /** Bottom left; lifted above the attribution when the two would meet, so the scale is never under it. */
    private static LabelPlacer.Box scaleBarBox(MapViewport viewport, double h, LabelPlacer.Box attribution) {
        double width = scaleBarPixels(viewport) + 72;
        LabelPlacer.Box low = new LabelPlacer.Box(6, h - 34, width, 28);
        return low.intersects(attribution) ? new LabelPlacer.Box(6, attribution.y() - 32, width, 28) : low;
    }

    private static double scaleBarMeters(MapViewport viewport) {
        double maxMeters = viewport.metersPerPixel() * 120;
        double magnitude = Math.pow(10, Math.floor(Math.log10(maxMeters)));
        for (double factor : new double[] {5, 2, 1}) {
            if (factor * magnitude <= maxMeters) {
                return factor * magnitude;
            }
        }
        return magnitude;
    }

    private static double scaleBarPixels(MapViewport viewport) {
        return scaleBarMeters(viewport) / viewport.metersPerPixel();
    }

    private void drawScaleBar(GraphicsContext g, MapViewport viewport, LabelPlacer.Box box) {
        double nice = scaleBarMeters(viewport);
        double px = scaleBarPixels(viewport);
        double x = box.x() + 6;
        double y = box.y() + 20;
        Color ink = dark() ? Color.web("#E4E6EB") : Color.web("#222");
        g.setFill(dark() ? Color.rgb(22, 24, 29, 0.85) : Color.rgb(255, 255, 255, 0.85));
        g.fillRoundRect(x - 6, y - 20, px + 12 + 60, 28, 6, 6);
        g.setStroke(ink);
        g.setLineWidth(2);
        g.strokeLine(x, y, x + px, y);
        g.strokeLine(x, y - 5, x, y);
        g.strokeLine(x + px, y - 5, x + px, y);
        g.setFill(ink);
        g.setFont(Font.font(11));
        g.fillText(org.groundtruth.ui.common.UnitText.withLocalSymbol(
                Distances.format(nice).replace(".0 m", " m").replace(".000 km", " km")), x + px + 6, y + 1);
        g.fillText(org.groundtruth.ui.common.I18n.t("map.zoomLevel", viewport.zoom()), x, y - 8);
    }

    private void drawAttribution(GraphicsContext g, List<String> lines, LabelPlacer.Box box) {
        if (lines.isEmpty()) {
            return;
        }
        g.setFill(dark() ? Color.rgb(22, 24, 29, 0.8) : Color.rgb(255, 255, 255, 0.8));
        g.fillRect(box.x(), box.y(), box.width(), box.height());
        g.setFill(dark() ? Color.web("#C9CCD3") : Color.web("#333"));
        g.setFont(ATTRIBUTION_FONT);
        for (int i = 0; i < lines.size(); i++) {
            g.fillText(lines.get(i), box.x() + 5, box.y() + 12 + i * ATTRIBUTION_LINE);
        }
    }

    /** Where the scale bar and the attribution were drawn in the last frame (tests). */
    LabelPlacer.Box[] bottomBoxes() {
        List<LabelPlacer.Box> taken = placer.taken();
        return new LabelPlacer.Box[] {taken.get(0), taken.get(1)};
    }

    private void drawHover(GraphicsContext g, MarkerIndex.Cluster cluster, double w) {
        String text;
        if (cluster.isSingle()) {
            Incident incident = vm.markersProperty().get().incident(cluster.firstIndex());
            text = incident.title() + incident.occurredAt().map(t -> " — " + DATE.format(t)).orElse(" — " + org.groundtruth.ui.common.I18n.t("map.dateUnknown"));
        } else {
            text = org.groundtruth.ui.common.I18n.t("map.clusterHover", cluster.count());
        }
        drawTip(g, text, cluster.x(), cluster.y(), w);
    }

    private static void drawTip(GraphicsContext g, String text, double atX, double atY, double w) {
        Font font = Font.font("System", FontWeight.NORMAL, 12);
        double width = textWidth(text, font);
        double x = Math.min(atX + 14, w - width - 16);
        double y = Math.max(20, atY - 14);
        g.setFill(Color.rgb(17, 24, 39, 0.9));
        g.fillRoundRect(x - 6, y - 14, width + 12, 21, 6, 6);
        g.setFill(Color.WHITE);
        g.setFont(font);
        g.fillText(text, x, y);
    }

    static double clusterRadius(int count) {
        return count == 1 ? 6.5 : 10 + Math.min(12, Math.log(count) / Math.log(2) * 1.6);
    }

    private static double textWidth(String text, Font font) {
        Text measure = new Text(text);
        measure.setFont(font);
        return measure.getLayoutBounds().getWidth();
    }
}
