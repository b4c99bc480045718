package org.groundtruth.map.offline;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.groundtruth.map.GeoBox;
import org.groundtruth.map.MapFileException;
import org.groundtruth.map.MapStyle;
import org.groundtruth.map.TileKey;
import org.groundtruth.map.TileSource;
import org.groundtruth.map.WebMercator;
import org.mapsforge.core.graphics.GraphicFactory;
import org.mapsforge.core.graphics.TileBitmap;
import org.mapsforge.core.model.BoundingBox;
import org.mapsforge.core.model.Tile;
import org.mapsforge.map.awt.graphics.AwtGraphicFactory;
import org.mapsforge.map.layer.cache.InMemoryTileCache;
import org.mapsforge.map.layer.labels.TileBasedLabelStore;
import org.mapsforge.map.layer.renderer.DatabaseRenderer;
import org.mapsforge.map.layer.renderer.RendererJob;
import org.mapsforge.map.model.DisplayModel;
import org.mapsforge.map.reader.MapFile;
import org.mapsforge.map.rendertheme.rule.RenderThemeFuture;

/**
 * Renders a mapsforge {@code .map} file (OpenAndroMaps, the mapsforge server) into transparent 256 px tiles with
 * mapsforge's own renderer and Groundtruth's geolocation theme; labels drawn into the tiles, bilingual where the file
 * has {@code name:uk}/{@code name:en}. Thread-safe: mapsforge's renderer serves several loader threads.
 */
public final class MapsforgeTileSource implements TileSource {
    private static final GraphicFactory GRAPHICS = AwtGraphicFactory.INSTANCE;
    /** mapsforge warns on every re-render of a tile it holds for cross-tile labels; expected here, not a problem. */
    private static final java.util.logging.Logger QUIET_CACHE = quiet("org.mapsforge.map.layer.cache.InMemoryTileCache");
    private final Path file;
    private final String name;
    private final MapFile mapFile;
    private final DisplayModel displayModel = new DisplayModel();
    private final MapStyle style;
    /** One compiled theme and one renderer (with its label cache) per style, so light and dark never share tiles. */
    private final java.util.Map<MapStyle, Styled> styled = new java.util.EnumMap<>(MapStyle.class);
    private final GeoBox bounds;
    private final int minZoom;
    private final int maxZoom;

    /** @param language {@code uk} or {@code en}: the UI language, whose name comes first in labels */
    public MapsforgeTileSource(Path file, String name, MapStyle style, String language) {
        this.file = file;
        this.name = name;
        try {
            this.mapFile = new BilingualMapFile(file.toFile(), language);
        } catch (RuntimeException e) {
            throw new MapFileException(file, "not a readable mapsforge map: " + e.getMessage(), e);
        }
        displayModel.setFixedTileSize(WebMercator.TILE_SIZE);
        this.style = style;
        styled(style);
        BoundingBox b = mapFile.boundingBox();
        bounds = new GeoBox(b.minLongitude, b.minLatitude, b.maxLongitude, b.maxLatitude);
        minZoom = Math.max(6, mapFile.getMapFileInfo().zoomLevelMin);
        maxZoom = WebMercator.MAX_ZOOM;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String attribution() {
        return org.groundtruth.map.osm.OsmTileSource.ATTRIBUTION;
    }

    @Override
    public int minZoom() {
        return minZoom;
    }

    @Override
    public int maxZoom() {
        return maxZoom;
    }

    @Override
    public GeoBox bounds() {
        return bounds;
    }

    public Path file() {
        return file;
    }

    private record Styled(RenderThemeFuture theme, DatabaseRenderer renderer) {
    }

    private synchronized Styled styled(MapStyle wanted) {
        Styled existing = styled.get(wanted);
        if (existing != null) {
            return existing;
        }
        RenderThemeFuture theme = new RenderThemeFuture(GRAPHICS, GeolocationTheme.of(wanted), displayModel);
        theme.run();
        try {
            theme.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the render theme", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the geolocation render theme does not load: " + e.getCause().getMessage(), e);
        }
        DatabaseRenderer renderer = new DatabaseRenderer(mapFile, GRAPHICS, new InMemoryTileCache(64),
                new TileBasedLabelStore(256), true, false, null);
        Styled made = new Styled(theme, renderer);
        styled.put(wanted, made);
        return made;
    }

    @Override
    public Optional<BufferedImage> tile(TileKey key) {
        return tile(key, style);
    }

    @Override
    public Optional<BufferedImage> tile(TileKey key, MapStyle wanted) {
        if (key.zoom() < minZoom) {
            return Optional.empty();
        }
        Tile tile = new Tile(key.x(), key.y(), (byte) key.zoom(), WebMercator.TILE_SIZE);
        if (!mapFile.supportsTile(tile)) {
            return Optional.empty();
        }
        Styled drawing = styled(wanted);
        RendererJob job = new RendererJob(tile, mapFile, drawing.theme(), displayModel, 1f, true, false);
        TileBitmap bitmap = drawing.renderer().executeJob(job);
        if (bitmap == null) {
            return Optional.empty();
        }
        try {
            BufferedImage source = AwtGraphicFactory.getBitmap(bitmap);
            BufferedImage copy = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_ARGB);
            copy.getGraphics().drawImage(source, 0, 0, null);
            return Optional.of(copy);
        } finally {
            bitmap.decrementRefCount();
        }
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    @Override
    public void close() {
        mapFile.close();
        synchronized (this) {
            styled.values().forEach(s -> s.theme().decrementRefCount());
            styled.clear();
        }
    }
}
