package org.groundtruth.media.match;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bytedeco.opencv.opencv_core.Mat;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.geolocate.CandidateMerger;
import org.groundtruth.core.geolocate.CellFeatureCache;
import org.groundtruth.core.geolocate.CellFeatures;
import org.groundtruth.core.geolocate.CellKey;
import org.groundtruth.core.geolocate.MatchCandidate;
import org.groundtruth.core.geolocate.MatchParameters;
import org.groundtruth.core.geolocate.MercatorPixels;
import org.groundtruth.core.geolocate.ReferenceImagery;
import org.groundtruth.core.geolocate.SearchArea;
import org.groundtruth.core.geolocate.SearchReport;

/**
 * Finds where a frame was taken by matching it against a reference imagery layer.
 *
 * <p>The search area is read as 512-pixel cells of the Web Mercator grid at 1–4 zooms (each half the resolution of the
 * one before: the frame may show a smaller or larger piece of ground than expected). Each cell's SIFT features are
 * found once (or taken from the cache) and matched against the frame's once; every 2×2 window of neighbouring cells
 * then runs the ratio test over its features and fits a homography, so windows overlap by half without matching any
 * cell twice. Rows of cells are streamed: memory does not grow with the area. Plausible fits above the acceptance
 * score become candidates; the same place found in several windows or zooms merges into one.
 */
public final class ImageGeolocator {
    static final int CELL_SIZE = 512;
    /** About 50 km² at 0.3 m: more is a mistake (a world-wide layer without an area), not a search. */
    static final int MAX_CELLS = 20_000;
    private static final int TILES_PER_CELL = CELL_SIZE / MercatorPixels.TILE_SIZE;
    private final CellFeatureCache cache;
    private final int threads;

    public ImageGeolocator(CellFeatureCache cache) {
        this(cache, Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    }

    public ImageGeolocator(CellFeatureCache cache, int threads) {
        this.cache = cache;
        this.threads = threads;
    }

    /**
     * Searches {@code area} (default: the layer's bounds) of {@code reference} for {@code frame}.
     *
     * @throws CancellationException when the monitor says so
     * @throws UncheckedIOException  when the reference cannot be read
     */
    public SearchReport search(BufferedImage frame, ReferenceImagery reference, Optional<SearchArea> area,
            MatchParameters parameters, ProgressMonitor monitor) {
        long start = System.nanoTime();
        SearchArea bounds = reference.bounds();
        SearchArea searched = area.map(a -> a.intersects(bounds) ? a.intersection(bounds) : a).orElse(bounds);
        List<Integer> zooms = zooms(reference, searched, parameters);
        FrameFeatures frameFeatures = FrameFeatures.of(frame, parameters.frameMaxSide(), parameters.maxFrameFeatures());
        List<MatchCandidate> raw = new ArrayList<>();
        double[] rejected = {0};
        AtomicInteger cached = new AtomicInteger();
        int totalCells = 0;
        for (int z : zooms) {
            totalCells += cellRange(searched, z).count();
        }
        if (totalCells > MAX_CELLS) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "the search area %s is too large to"
                    + " search at %.2f m per pixel (%d cells, at most %d): give a smaller area", searched,
                    MercatorPixels.metersPerPixel(searched.center().lat(), zooms.get(0)), totalCells, MAX_CELLS));
        }
        int cells = 0;
        if (area.isEmpty() || area.get().intersects(bounds)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "image-match");
                t.setDaemon(true);
                return t;
            });
            try (Mat frameDescriptors = frameFeatures.descriptorMat()) {
                int[] done = {0};
                // coarse to fine: once a coarser scale found a strong candidate, finer scales search only around it
                Optional<SearchArea> focus = Optional.empty();
                for (int i = zooms.size() - 1; i >= 0; i--) {
                    int z = zooms.get(i);
                    SearchArea here = focus.map(f -> f.intersection(searched)).orElse(searched);
                    cells += searchZoom(z, here, reference, frameFeatures, frameDescriptors, parameters, pool, raw,
                            rejected, cached, monitor, done, totalCells);
                    if (i > 0) {
                        focus = strongFocus(raw, searched, zooms.get(i - 1));
                    }
                }
                monitor.progress(totalCells, totalCells);
            } finally {
                pool.shutdownNow();
                awaitWorkers(pool);
            }
        }
        List<MatchCandidate> inside = new ArrayList<>();
        for (MatchCandidate c : raw) {
            if (c.center().lon() >= searched.minLon() && c.center().lon() <= searched.maxLon()
                    && c.center().lat() >= searched.minLat() && c.center().lat() <= searched.maxLat()) {
                inside.add(c);
            }
        }
        List<MatchCandidate> merged = new CandidateMerger(5).merge(inside);
        return new SearchReport(merged, rejected[0], searched, zooms, cells, cached.get(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Searches for an oblique frame: rectified first ({@code rectification}: four marked ground points or the telemetry
     * footprint), then matched; the candidates are in the frame's own pixels. Without a rectification, the plain search.
     *
     * @throws IllegalArgumentException when the rectification leaves too little ground in the frame
     */
    public SearchReport search(BufferedImage frame, Optional<org.groundtruth.core.geolocate.Rectification> rectification,
            ReferenceImagery reference, Optional<SearchArea> area, MatchParameters parameters, ProgressMonitor monitor) {
        return rectification.isPresent()
                ? ObliqueSearch.search(this, frame, rectification.get(), reference, area, parameters, monitor)
                : search(frame, reference, area, parameters, monitor);
    }

    /**
     * The area around the strong candidates found so far (their footprints' bounding box, one cell of {@code nextZoom}
     * wider on every side), or empty when there is none: then the next scale searches everything.
     */
    static Optional<SearchArea> strongFocus(List<MatchCandidate> found, SearchArea searched, int nextZoom) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        boolean any = false;
        for (MatchCandidate c : found) {
            if (c.confidence() != org.groundtruth.core.geolocate.MatchConfidence.STRONG) {
                continue;
            }
            for (org.groundtruth.core.geo.LatLon p : c.footprint()) {
                double x = MercatorPixels.x(p.lon(), nextZoom);
                double y = MercatorPixels.y(p.lat(), nextZoom);
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
                any = true;
            }
        }
        if (!any) {
            return Optional.empty();
        }
        var nw = MercatorPixels.latLon(minX - CELL_SIZE, minY - CELL_SIZE, nextZoom);
        var se = MercatorPixels.latLon(maxX + CELL_SIZE, maxY + CELL_SIZE, nextZoom);
        SearchArea around = new SearchArea(Math.max(-180, nw.lon()), Math.max(-85.05, se.lat()), Math.min(180, se.lon()),
                Math.min(85.05, nw.lat()));
        return around.intersects(searched) ? Optional.of(around) : Optional.empty();
    }

    /** Waits for cells in flight after a cancel or a failure, so none writes to the cache after the search returned. */
    private static void awaitWorkers(ExecutorService pool) {
        try {
            pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The zooms searched: the resolution asked for (or the layer's finest), then coarser ones. */
    static List<Integer> zooms(ReferenceImagery reference, SearchArea area, MatchParameters p) {
        double lat = area.center().lat();
        int base = p.groundResolutionMeters()
                .map(r -> MercatorPixels.zoomFor(r, lat, reference.maxZoom()))
                .orElse(reference.maxZoom());
        List<Integer> zooms = new ArrayList<>();
        for (int i = 0; i < p.scales() && base - i >= 0; i++) {
            zooms.add(base - i);
        }
        return zooms;
    }

    private record CellRange(int x0, int y0, int x1, int y1) {
        int count() {
            return (x1 - x0 + 1) * (y1 - y0 + 1);
        }
    }

    private static CellRange cellRange(SearchArea a, int zoom) {
        int max = (int) (MercatorPixels.worldSize(zoom) / CELL_SIZE) - 1;
        int x0 = clamp((int) Math.floor(MercatorPixels.x(a.minLon(), zoom) / CELL_SIZE), max);
        int x1 = clamp((int) Math.floor(MercatorPixels.x(a.maxLon(), zoom) / CELL_SIZE), max);
        int y0 = clamp((int) Math.floor(MercatorPixels.y(a.maxLat(), zoom) / CELL_SIZE), max);
        int y1 = clamp((int) Math.floor(MercatorPixels.y(a.minLat(), zoom) / CELL_SIZE), max);
        return new CellRange(x0, y0, x1, y1);
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }

    private int searchZoom(int zoom, SearchArea area, ReferenceImagery reference, FrameFeatures frame, Mat frameDescriptors,
            MatchParameters p, ExecutorService pool, List<MatchCandidate> out, double[] rejected, AtomicInteger cached,
            ProgressMonitor monitor, int[] done, int total) {
        CellRange range = cellRange(area, zoom);
        Map<Long, NearestNeighbours> previousRow = new HashMap<>();
        int frameCount = frame.features().count();
        for (int cy = range.y0(); cy <= range.y1(); cy++) {
            List<Future<NearestNeighbours>> row = new ArrayList<>();
            for (int cx = range.x0(); cx <= range.x1(); cx++) {
                CellKey key = new CellKey(reference.layerKey(), p.extractorKey(), zoom, CELL_SIZE, cx, cy);
                row.add(pool.submit(() -> {
                    CellFeatures features = features(key, reference, p, cached);
                    return NearestNeighbours.of(frameDescriptors, frameCount, features);
                }));
            }
            Map<Long, NearestNeighbours> current = new HashMap<>();
            for (int i = 0; i < row.size(); i++) {
                if (monitor.isCancelled()) {
                    row.forEach(f -> f.cancel(true));
                    throw new CancellationException("image match cancelled");
                }
                current.put(cellId(range.x0() + i, cy), await(row.get(i)));
                monitor.progress(++done[0], total);
            }
            boolean singleRow = range.y0() == range.y1();
            if (cy > range.y0() || singleRow) {
                int top = singleRow ? cy : cy - 1;
                Map<Long, NearestNeighbours> both = new HashMap<>(previousRow);
                both.putAll(current);
                int lastX = Math.max(range.x0(), range.x1() - 1);
                for (int cx = range.x0(); cx <= lastX; cx++) {
                    fitWindow(both, cx, top, Math.min(cx + 1, range.x1()), cy, zoom, frame, p, out, rejected);
                }
            }
            previousRow = current;
        }
        return range.count();
    }

    private void fitWindow(Map<Long, NearestNeighbours> cells, int x0, int y0, int x1, int y1, int zoom, FrameFeatures frame,
            MatchParameters p, List<MatchCandidate> out, double[] rejected) {
        int n = frame.features().count();
        float[] best = new float[n];
        float[] second = new float[n];
        double[] bestX = new double[n];
        double[] bestY = new double[n];
        java.util.Arrays.fill(best, NearestNeighbours.NONE);
        java.util.Arrays.fill(second, NearestNeighbours.NONE);
        long originX = (long) x0 * CELL_SIZE;
        long originY = (long) y0 * CELL_SIZE;
        for (int cy = y0; cy <= y1; cy++) {
            for (int cx = x0; cx <= x1; cx++) {
                NearestNeighbours nn = cells.get(cellId(cx, cy));
                if (nn == null) {
                    continue;
                }
                double dx = (cx - x0) * (double) CELL_SIZE;
                double dy = (cy - y0) * (double) CELL_SIZE;
                for (int i = 0; i < n; i++) {
                    float d = nn.bestDistance()[i];
                    if (d < best[i]) {
                        second[i] = Math.min(best[i], nn.secondDistance()[i]);
                        best[i] = d;
                        int k = nn.bestIndex()[i];
                        bestX[i] = nn.cellPoints()[2 * k] + dx;
                        bestY[i] = nn.cellPoints()[2 * k + 1] + dy;
                    } else {
                        second[i] = Math.min(second[i], d);
                    }
                }
            }
        }
        double[] f = new double[2 * n];
        double[] w = new double[2 * n];
        int count = 0;
        float[] framePoints = frame.features().points();
        for (int i = 0; i < n; i++) {
            if (best[i] < p.ratio() * second[i]) {
                f[2 * count] = framePoints[2 * i];
                f[2 * count + 1] = framePoints[2 * i + 1];
                w[2 * count] = bestX[i];
                w[2 * count + 1] = bestY[i];
                count++;
            }
        }
        double windowSize = CELL_SIZE * (double) Math.max(x1 - x0 + 1, y1 - y0 + 1);
        WindowFit.fit(new WindowFit.Matches(f, w, count), frame, originX, originY, zoom, windowSize, p, rejected)
                .ifPresent(out::add);
    }

    private CellFeatures features(CellKey key, ReferenceImagery reference, MatchParameters p, AtomicInteger cached) throws IOException {
        Optional<CellFeatures> hit = cache.get(key);
        if (hit.isPresent()) {
            cached.incrementAndGet();
            return hit.get();
        }
        Optional<int[]> pixels = cellPixels(reference, key);
        CellFeatures features = pixels.map(px -> SiftExtractor.extract(GrayImage.ofArgb(px, CELL_SIZE, CELL_SIZE),
                p.maxCellFeatures())).orElse(CellFeatures.empty(SiftExtractor.DESCRIPTOR_LENGTH));
        cache.put(key, features);
        return features;
    }

    /** The cell's 2×2 tiles as one ARGB raster, or empty when the layer has nothing there. */
    static Optional<int[]> cellPixels(ReferenceImagery reference, CellKey key) throws IOException {
        int[] out = new int[CELL_SIZE * CELL_SIZE];
        boolean any = false;
        int size = MercatorPixels.TILE_SIZE;
        for (int ty = 0; ty < TILES_PER_CELL; ty++) {
            for (int tx = 0; tx < TILES_PER_CELL; tx++) {
                Optional<int[]> tile = reference.tile(key.zoom(), key.x() * TILES_PER_CELL + tx, key.y() * TILES_PER_CELL + ty);
                if (tile.isEmpty()) {
                    continue;
                }
                any = true;
                int[] t = tile.get();
                for (int row = 0; row < size; row++) {
                    System.arraycopy(t, row * size, out, (ty * size + row) * CELL_SIZE + tx * size, size);
                }
            }
        }
        return any ? Optional.of(out) : Optional.empty();
    }

    private static long cellId(int x, int y) {
        return ((long) x << 32) | (y & 0xffffffffL);
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("image match interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
