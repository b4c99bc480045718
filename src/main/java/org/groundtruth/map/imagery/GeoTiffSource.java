package org.groundtruth.map.imagery;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.sis.coverage.grid.GridCoverage;
import org.apache.sis.coverage.grid.GridGeometry;
import org.apache.sis.geometry.Envelopes;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.apache.sis.storage.Aggregate;
import org.apache.sis.storage.DataStore;
import org.apache.sis.storage.DataStoreException;
import org.apache.sis.storage.DataStores;
import org.apache.sis.storage.GridCoverageResource;
import org.apache.sis.storage.Resource;
import org.apache.sis.storage.StorageConnector;
import org.groundtruth.map.GeoBox;
import org.groundtruth.map.MapFileException;
import org.groundtruth.map.TileKey;
import org.groundtruth.map.TileSource;
import org.groundtruth.map.WebMercator;
import org.opengis.geometry.Envelope;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.apache.sis.coverage.grid.PixelInCell;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;

/**
 * A GeoTIFF read with Apache SIS, held in memory and reprojected into Web Mercator tiles on demand
 * (nearest neighbour). Any CRS SIS can transform to WGS84 works; EPSG:4326 and EPSG:3857 are the tested ones.
 * Files above {@value #MAX_PIXELS} pixels are refused: tile them into MBTiles first.
 */
public final class GeoTiffSource implements TileSource {
    static final long MAX_PIXELS = 120_000_000L;
    private final String name;
    private final int width;
    private final int height;
    private final int[] argb;
    private final MathTransform lonLatToGrid;
    private final GeoBox bounds;
    private final int maxZoom;
    private final int nativeZoom;

    private GeoTiffSource(String name, BufferedImage image, MathTransform lonLatToGrid, GeoBox bounds, int maxZoom,
            int nativeZoom) {
        this.name = name;
        this.width = image.getWidth();
        this.height = image.getHeight();
        this.argb = image.getRGB(0, 0, width, height, null, 0, width);
        this.lonLatToGrid = lonLatToGrid;
        this.bounds = bounds;
        this.maxZoom = maxZoom;
        this.nativeZoom = nativeZoom;
    }

    public static GeoTiffSource open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new MapFileException(file, Files.isDirectory(file) ? "is a folder, not a GeoTIFF" : "file not found");
        }
        try (DataStore store = DataStores.open(new StorageConnector(file))) {
            if (!"GeoTIFF".equalsIgnoreCase(store.getProvider().getShortName())) {
                throw new MapFileException(file, "not a GeoTIFF (read as " + store.getProvider().getShortName() + ")");
            }
            GridCoverageResource resource = firstCoverage(store)
                    .orElseThrow(() -> new MapFileException(file, "the GeoTIFF holds no image"));
            GridCoverage coverage = resource.read(null);
            GridGeometry grid = coverage.getGridGeometry();
            if (!grid.isDefined(GridGeometry.CRS | GridGeometry.GRID_TO_CRS)) {
                throw new MapFileException(file, "the TIFF has no georeferencing (no GeoTIFF tags)");
            }
            long pixels = grid.getExtent().getSize(0) * grid.getExtent().getSize(1);
            if (pixels > MAX_PIXELS) {
                throw new MapFileException(file, "too large to load (" + pixels + " pixels); convert it to MBTiles first");
            }
            CoordinateReferenceSystem crs = grid.getCoordinateReferenceSystem();
            CoordinateReferenceSystem lonLat = CommonCRS.WGS84.normalizedGeographic();
            MathTransform gridToLonLat = org.apache.sis.referencing.operation.transform.MathTransforms.concatenate(
                    grid.getGridToCRS(PixelInCell.CELL_CORNER), CRS.findOperation(crs, lonLat, null).getMathTransform());
            Envelope envelope = Envelopes.transform(grid.getEnvelope(), lonLat);
            GeoBox bounds = new GeoBox(clamp(envelope.getMinimum(0), 180), clamp(envelope.getMinimum(1), 85.05),
                    clamp(envelope.getMaximum(0), 180), clamp(envelope.getMaximum(1), 85.05));
            BufferedImage image = toArgb(coverage.render(null));
            double degreesPerPixel = (bounds.east() - bounds.west()) / image.getWidth();
            int nativeZoom = (int) Math.ceil(Math.log(360 / (degreesPerPixel * WebMercator.TILE_SIZE)) / Math.log(2));
            return new GeoTiffSource(file.getFileName().toString(), image, gridToLonLat.inverse(), bounds,
                    Math.min(WebMercator.MAX_ZOOM, Math.max(0, nativeZoom) + 4),
                    Math.min(WebMercator.MAX_ZOOM, Math.max(0, nativeZoom)));
        } catch (DataStoreException | FactoryException | TransformException | RuntimeException e) {
            if (e instanceof MapFileException m) {
                throw m;
            }
            throw new MapFileException(file, "not a readable GeoTIFF: " + oneLine(e), e);
        }
    }

    private static Optional<GridCoverageResource> firstCoverage(Resource resource) throws DataStoreException {
        if (resource instanceof GridCoverageResource coverage) {
            return Optional.of(coverage);
        }
        if (resource instanceof Aggregate aggregate) {
            for (Resource component : aggregate.components()) {
                Optional<GridCoverageResource> found = firstCoverage(component);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static BufferedImage toArgb(RenderedImage rendered) {
        BufferedImage image = new BufferedImage(rendered.getWidth(), rendered.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.drawRenderedImage(rendered, AffineTransform.getTranslateInstance(-rendered.getMinX(), -rendered.getMinY()));
        g.dispose();
        return image;
    }

    private static double clamp(double value, double limit) {
        return Math.max(-limit, Math.min(limit, value));
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String attribution() {
        return name;
    }

    @Override
    public int minZoom() {
        return 0;
    }

    @Override
    public int maxZoom() {
        return maxZoom;
    }

    /** The shallowest zoom whose pixels are at least as fine as the file's (image matching reads no finer). */
    public int nativeZoom() {
        return nativeZoom;
    }

    @Override
    public GeoBox bounds() {
        return bounds;
    }

    @Override
    public Optional<BufferedImage> tile(TileKey key) {
        if (!WebMercator.tileBox(key).intersects(bounds)) {
            return Optional.empty();
        }
        double[] points = TilePixels.lonLatCentres(key);
        try {
            lonLatToGrid.transform(points, 0, points, 0, points.length / 2);
        } catch (TransformException e) {
            return Optional.empty(); // outside the projection's domain: nothing to show there
        }
        BufferedImage tile = TilePixels.newTile();
        int[] out = new int[TilePixels.SIZE * TilePixels.SIZE];
        for (int i = 0; i < out.length; i++) {
            double col = points[2 * i];
            double row = points[2 * i + 1];
            if (col >= 0 && row >= 0 && col < width && row < height) {
                out[i] = argb[(int) row * width + (int) col];
            }
        }
        tile.setRGB(0, 0, TilePixels.SIZE, TilePixels.SIZE, out, 0, TilePixels.SIZE);
        return Optional.of(tile);
    }

    @Override
    public void close() {
        // all in memory
    }
}
