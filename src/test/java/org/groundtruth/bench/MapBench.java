package org.groundtruth.bench;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.verify.VerificationStatus;
import org.groundtruth.map.TileKey;
import org.groundtruth.map.WebMercator;
import org.groundtruth.map.basemap.BasemapRenderer;
import org.groundtruth.map.gazetteer.Gazetteer;
import org.groundtruth.map.gazetteer.GeoNamesDump;
import org.groundtruth.map.gazetteer.GeoNamesPlace;
import org.groundtruth.map.imagery.MbTilesSource;
import org.groundtruth.ui.map.MapBenchAccess;
import org.groundtruth.ui.map.MapViewport;
import org.groundtruth.ui.map.MarkerIndex;

/**
 * Map benchmarks from issue 3, each beside its baseline in the same run:
 * markers (clustered frame vs naive per-marker painting, 100,000 incidents, zoom 6/10/14), basemap tile render
 * (vs decoding a pre-rendered MBTiles tile), gazetteer search (vs a linear scan of the GeoNames names), memory.
 * {@code mvn -q test-compile exec:java -Dexec.mainClass=org.groundtruth.bench.MapBench} from the repository root;
 * {@code -Dexec.args=regions} runs only the incidents-per-region layer.
 */
public final class MapBench {
    private static final int MARKERS = 100_000;
    private static final int FRAMES = 60;
    private static final int NAIVE_FRAMES = 15;
    private static final int WIDTH = 1600;
    private static final int HEIGHT = 1000;

    private MapBench() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", WIDTH + "x" + HEIGHT + "-32");
        System.out.printf(Locale.ROOT, "Groundtruth map benchmarks (%d cores, %s)%n%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        if (args.length > 0 && args[0].equals("labels")) {
            // Only the place labels drawn by the view: exec:java -Dexec.args=labels
            CompletableFuture<Void> started = new CompletableFuture<>();
            Platform.startup(() -> started.complete(null));
            started.get();
            labels();
            Platform.exit();
            System.exit(0);
        }
        if (args.length > 0 && args[0].equals("regions")) {
            // Only the incidents-per-region layer: exec:java -Dexec.args=regions
            CompletableFuture<Void> started = new CompletableFuture<>();
            Platform.startup(() -> started.complete(null));
            started.get();
            regions();
            Platform.exit();
            System.exit(0);
        }
        List<Incident> incidents = incidents(MARKERS);
        memory(incidents);
        markers(incidents);
        regions();
        labels();
        tiles();
        gazetteer();
        Platform.exit();
        System.exit(0);
    }

    private static void memory(List<Incident> incidents) {
        long before = usedHeap();
        MarkerIndex index = new MarkerIndex(incidents);
        long after = usedHeap();
        System.out.printf(Locale.ROOT, "Memory, %,d markers: marker index %.1f MB (the Incident records themselves: %.1f MB)%n%n",
                index.size(), (after - before) / 1e6, estimateIncidentBytes(incidents) / 1e6);
    }

    private static long estimateIncidentBytes(List<Incident> incidents) {
        long before = usedHeap();
        List<Incident> copy = incidents(incidents.size());
        long after = usedHeap();
        return copy.isEmpty() ? 0 : after - before;
    }

    private static long usedHeap() {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static void markers(List<Incident> incidents) throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        MarkerIndex index = new MarkerIndex(incidents);
        System.out.println("Frame with 100,000 incident markers (1600×1000 canvas, software pipeline), ms per frame:");
        System.out.println("                      clustered (ours)                 naive per-marker painting");
        System.out.println("zoom  drawn   FX thread med/p95  + raster med/p95   drawn   FX thread med/p95  + raster med/p95");
        for (int zoom : new int[] {6, 10, 14}) {
            MapViewport view = MapViewport.centredOn(new LatLon(48.3, 36.5), zoom, WIDTH, HEIGHT);
            double[][] ours = onFx(() -> frames(index, view, true));
            double[][] naive = onFx(() -> frames(index, view, false));
            System.out.printf(Locale.ROOT, "%4d  %6.0f  %7.2f / %7.2f   %7.2f / %7.2f   %6.0f  %7.2f / %7.2f   %7.2f / %7.2f%n", zoom,
                    ours[2][0], median(ours[0]), p95(ours[0]), median(ours[1]), p95(ours[1]),
                    naive[2][0], median(naive[0]), p95(naive[0]), median(naive[1]), p95(naive[1]));
        }
        System.out.println("(FX thread = clustering + canvas commands, what the UI thread pays; + raster = also rasterised by a snapshot)");
        System.out.println();
    }

    /** Per frame: [0] FX-thread time, [1] time including rasterisation, [2][0] markers or clusters drawn. */
    private static double[][] frames(MarkerIndex index, MapViewport view, boolean clustered) {
        Canvas canvas = new Canvas(WIDTH, HEIGHT);
        GraphicsContext g = canvas.getGraphicsContext2D();
        WritableImage target = new WritableImage(WIDTH, HEIGHT);
        SnapshotParameters parameters = new SnapshotParameters();
        // The naive baseline takes seconds per frame at low zoom: fewer frames for it keep the run short.
        int frames = clustered ? FRAMES : NAIVE_FRAMES;
        double[] fxThread = new double[frames];
        double[] withRaster = new double[frames];
        int drawn = 0;
        for (int frame = clustered ? -10 : -2; frame < frames; frame++) {
            MapViewport moved = view.panBy(frame % 7, frame % 5);
            long start = System.nanoTime();
            g.clearRect(0, 0, WIDTH, HEIGHT);
            drawn = clustered ? MapBenchAccess.paintClustered(g, index, moved) : MapBenchAccess.paintNaive(g, index, moved);
            long commands = System.nanoTime();
            canvas.snapshot(parameters, target);
            long rastered = System.nanoTime();
            if (frame >= 0) {
                fxThread[frame] = (commands - start) / 1e6;
                withRaster[frame] = (rastered - start) / 1e6;
            }
        }
        return new double[][] {fxThread, withRaster, {drawn}};
    }

    /** The incidents-per-region layer with every Ukrainian region filled (counts 1..27, five classes). */
    private static void regions() throws Exception {
        String[] names = {"Vinnytsia Oblast", "Volyn Oblast", "Luhansk Oblast", "Dnipropetrovsk Oblast", "Donetsk Oblast",
            "Zhytomyr Oblast", "Zakarpattia Oblast", "Zaporizhzhia Oblast", "Ivano-Frankivsk Oblast", "Kyiv",
            "Kyiv Oblast", "Kirovohrad Oblast", "Sevastopol", "Autonomous Republic of Crimea", "Lviv Oblast",
            "Mykolaiv Oblast", "Odesa Oblast", "Poltava Oblast", "Rivne Oblast", "Sumy Oblast", "Ternopil Oblast",
            "Kharkiv Oblast", "Kherson Oblast", "Khmelnytskyi Oblast", "Cherkasy Oblast", "Chernihiv Oblast",
            "Chernivtsi Oblast"};
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        for (int i = 0; i < names.length; i++) {
            counts.put(names[i], (long) i + 1);
        }
        MapBenchAccess.regionFrame(counts); // warm-up (JIT, SQLite page cache)
        long t = System.nanoTime();
        Object frame = MapBenchAccess.regionFrame(counts);
        System.out.printf(Locale.ROOT, "Incidents per region: building the frame in the background (read 2,039 outlines, match, "
                + "project + simplify 27 regions for zooms 0-10): %.0f ms%n", (System.nanoTime() - t) / 1e6);
        System.out.println("Painting the 27 filled regions (1600×1000 canvas), ms per frame:");
        System.out.println("                ours (simplified per zoom, clipped)            naive (full detail, unclipped)");
        System.out.println("zoom  rings cover%  FX thread med/p95  + raster med/p95   rings cover%  FX thread med/p95"
                + "  + raster med/p95   empty canvas raster med");
        for (int zoom : new int[] {5, 7, 10, 13}) {
            MapViewport view = MapViewport.centredOn(new LatLon(48.3, zoom <= 5 ? 31.5 : 35.0), zoom, WIDTH, HEIGHT);
            double[][] naive = onFx(() -> regionFrames(frame, view, false));
            double[][] ours = onFx(() -> regionFrames(frame, view, true));
            double[][] empty = onFx(() -> regionFrames(MapBenchAccess.regionFrame(java.util.Map.of()), view, true));
            System.out.printf(Locale.ROOT, "%4d  %5.0f %5.0f   %7.2f / %7.2f   %7.2f / %7.2f   %5.0f %5.0f   %7.2f / %7.2f"
                    + "   %7.2f / %7.2f   %7.2f%n", zoom, ours[2][0], ours[2][1], median(ours[0]), p95(ours[0]),
                    median(ours[1]), p95(ours[1]), naive[2][0], naive[2][1], median(naive[0]), p95(naive[0]),
                    median(naive[1]), p95(naive[1]), median(empty[1]));
        }
        System.out.println();
    }

    private static double[][] regionFrames(Object frame, MapViewport view, boolean ours) {
        Canvas canvas = new Canvas(WIDTH, HEIGHT);
        GraphicsContext g = canvas.getGraphicsContext2D();
        WritableImage target = new WritableImage(WIDTH, HEIGHT);
        SnapshotParameters parameters = new SnapshotParameters();
        int frames = 30;
        double[] fxThread = new double[frames];
        double[] withRaster = new double[frames];
        int drawn = 0;
        for (int i = -5; i < frames; i++) {
            MapViewport moved = view.panBy(i % 7, i % 5);
            long start = System.nanoTime();
            g.clearRect(0, 0, WIDTH, HEIGHT);
            drawn = ours ? MapBenchAccess.paintRegions(g, frame, moved) : MapBenchAccess.paintRegionsNaive(g, frame, moved);
            long commands = System.nanoTime();
            canvas.snapshot(parameters, target);
            long rastered = System.nanoTime();
            if (i >= 0) {
                fxThread[i] = (commands - start) / 1e6;
                withRaster[i] = (rastered - start) / 1e6;
            }
        }
        int covered = 0;
        for (int y = 0; y < HEIGHT; y += 10) {
            for (int x = 0; x < WIDTH; x += 10) {
                covered += target.getPixelReader().getArgb(x, y) != 0xFFFFFFFF ? 1 : 0;
            }
        }
        return new double[][] {fxThread, withRaster, {drawn, 100.0 * covered / (WIDTH / 10 * (HEIGHT / 10))}};
    }

    /**
     * The basemap's place labels as the view draws them (decision 1350): per frame the canvas lays out the
     * investigator's labels and the ready place labels around them and draws each place label as a kept image. Beside
     * it, what the same frame pays to draw its basemap tiles (already rendered), the floor of any frame.
     */
    private static void labels() throws Exception {
        int w = 1366;
        int h = 768;
        LatLon kyiv = new LatLon(50.4501, 30.5234);
        System.out.println("Place labels per frame, 1366×768 view over Kyiv, 16 double-tap labels, dark style, ms:");
        System.out.println("zoom  place labels  overlay   layout med/p95   draw med/p95   first frame  images made in  |  tiles drawn  tile images med/p95");
        try (BasemapRenderer basemap = BasemapRenderer.open(Path.of("maps/basemap.sqlite"))) {
            for (int zoom : new int[] {6, 8, 10}) {
                MapViewport view = MapViewport.centredOn(kyiv, zoom, w, h);
                // The tile threads' part: the view's blocks placed before the frame (not timed here).
                basemap.labels(zoom, view.left() - 16, view.top() - 16, w + 32, h + 32);
                Random random = new Random(zoom);
                List<double[]> overlay = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    overlay.add(new double[] {w / 2.0 + random.nextGaussian() * 220, h / 2.0 + random.nextGaussian() * 140});
                }
                List<BufferedImage> tiles = new ArrayList<>();
                for (TileKey key : viewTiles(view)) {
                    tiles.add(basemap.tile(key, org.groundtruth.map.MapStyle.DARK).orElseThrow());
                }
                double[][] result = onFx(() -> labelFrames(basemap, view, overlay, tiles));
                System.out.printf(Locale.ROOT, "%4d  %12.0f  %7.0f   %6.2f / %5.2f   %5.2f / %5.2f   %8.2f  %11.0f     |  %11d  %8.2f / %5.2f%n", zoom,
                        result[4][0], result[4][1], median(result[0]), p95(result[0]), median(result[1]), p95(result[1]),
                        result[4][2], result[4][3], tiles.size(), median(result[2]), p95(result[2]));
            }
        }
        System.out.println("(layout = overlay labels + choosing the place labels that fit; draw = the label images onto the canvas;");
        System.out.println(" first frame = layout + drawing with every label image still to make, on the FX thread; images made in = wall");
        System.out.println(" time until the background thread made them all; the FX thread reads no file)");
        System.out.println();
    }

    private static List<TileKey> viewTiles(MapViewport view) {
        List<TileKey> keys = new ArrayList<>();
        int n = 1 << view.zoom();
        for (long ty = (long) Math.floor(view.top() / 256); ty <= (long) Math.floor((view.top() + view.height()) / 256); ty++) {
            for (long tx = (long) Math.floor(view.left() / 256); tx <= (long) Math.floor((view.left() + view.width()) / 256); tx++) {
                keys.add(new TileKey(view.zoom(), (int) Math.floorMod(tx, (long) n), (int) ty));
            }
        }
        return keys;
    }

    /** [0] layout ms, [1] draw ms, [2] tile drawing ms per frame, [4] {place labels, overlay labels, first frame ms}. */
    private static double[][] labelFrames(BasemapRenderer basemap, MapViewport view, List<double[]> overlay,
            List<BufferedImage> tileImages) {
        Canvas canvas = new Canvas(view.width(), view.height());
        GraphicsContext g = canvas.getGraphicsContext2D();
        Object sprites = MapBenchAccess.placeLabelSprites();
        long[] first = MapBenchAccess.paintLabels(g, sprites, basemap, view, overlay, org.groundtruth.map.MapStyle.DARK);
        // The label images are made on their own thread; until then a frame draws those ready (none at first).
        long waitStart = System.nanoTime();
        long[] now = first;
        while (now[4] < now[2]) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            now = MapBenchAccess.paintLabels(g, sprites, basemap, view, overlay, org.groundtruth.map.MapStyle.DARK);
        }
        double imagesMs = (System.nanoTime() - waitStart) / 1e6;
        List<javafx.scene.image.Image> fxTiles = tileImages.stream()
                .map(t -> (javafx.scene.image.Image) javafx.embed.swing.SwingFXUtils.toFXImage(t, null)).toList();
        double[] layout = new double[FRAMES];
        double[] draw = new double[FRAMES];
        double[] tiles = new double[FRAMES];
        long[] last = first;
        for (int frame = -10; frame < FRAMES; frame++) {
            MapViewport moved = view.panBy(frame % 7, frame % 5);
            g.clearRect(0, 0, view.width(), view.height());
            long t = System.nanoTime();
            for (int i = 0; i < fxTiles.size(); i++) {
                g.drawImage(fxTiles.get(i), (i % 7) * 256 - 100, (i / 7) * 256 - 100);
            }
            long tileNanos = System.nanoTime() - t;
            last = MapBenchAccess.paintLabels(g, sprites, basemap, moved, overlay, org.groundtruth.map.MapStyle.DARK);
            if (frame >= 0) {
                layout[frame] = last[0] / 1e6;
                draw[frame] = last[1] / 1e6;
                tiles[frame] = tileNanos / 1e6;
            }
        }
        return new double[][] {layout, draw, tiles, {}, {last[2], last[3], (first[0] + first[1]) / 1e6, imagesMs}};
    }

    private static void tiles() throws Exception {
        System.out.println("Basemap tile render (256×256, maps/basemap.sqlite) vs decoding a pre-rendered PNG tile from MBTiles, ms:");
        try (BasemapRenderer renderer = BasemapRenderer.open(Path.of("maps/basemap.sqlite"));
                MbTilesSource mbtiles = MbTilesSource.open(Path.of("../shared/data/imagery/bluemarble-z0-4.mbtiles"))) {
            TileKey png = new TileKey(4, 9, 5);
            for (int zoom : new int[] {8, 12}) {
                List<TileKey> keys = tilesAround(new LatLon(47.5, 35.0), zoom, zoom <= 8 ? 8.0 : 2.0);
                for (TileKey key : keys.subList(0, Math.min(8, keys.size()))) {
                    renderer.render(key); // warm-up: SQLite page cache and JIT
                }
                double[] render = new double[keys.size()];
                double[] decode = new double[keys.size()];
                for (int i = 0; i < keys.size(); i++) {
                    long t = System.nanoTime();
                    BufferedImage image = renderer.render(keys.get(i));
                    render[i] = (System.nanoTime() - t) / 1e6;
                    t = System.nanoTime();
                    mbtiles.tile(png).orElseThrow();
                    decode[i] = (System.nanoTime() - t) / 1e6;
                    if (image.getWidth() != 256) {
                        throw new IllegalStateException("bad tile");
                    }
                }
                System.out.printf(Locale.ROOT, "zoom %2d: %3d tiles  render median %6.2f  p95 %6.2f   |  MBTiles PNG decode median %5.2f%n",
                        zoom, keys.size(), median(render), p95(render), median(decode));
            }
        }
        System.out.println();
    }

    private static void gazetteer() throws Exception {
        GeoNamesDump dump = GeoNamesDump.read(Path.of("../shared/data/gazetteer/geonames-cities500.txt.gz"));
        List<GeoNamesPlace> all = dump.all();
        Random random = new Random(11);
        List<String> queries = new ArrayList<>();
        while (queries.size() < 1000) {
            GeoNamesPlace place = all.get(random.nextInt(all.size()));
            String name = random.nextBoolean() && !place.alternateNames().isEmpty()
                    ? place.alternateNames().get(random.nextInt(place.alternateNames().size())) : place.name();
            String word = name.split("[^\\p{L}]+", 2)[0];
            if (word.length() >= 3) {
                queries.add(word.substring(0, Math.min(word.length(), 3 + random.nextInt(5))));
            }
        }
        try (Gazetteer gazetteer = Gazetteer.open(Path.of("maps/gazetteer.sqlite"))) {
            for (String q : queries.subList(0, 50)) {
                gazetteer.search(q, 10);
            }
            double[] ours = new double[queries.size()];
            int found = 0;
            for (int i = 0; i < queries.size(); i++) {
                long t = System.nanoTime();
                found += gazetteer.search(queries.get(i), 10).isEmpty() ? 0 : 1;
                ours[i] = (System.nanoTime() - t) / 1e6;
            }
            double[] scan = new double[100];
            for (int i = 0; i < scan.length; i++) {
                String q = queries.get(i).toLowerCase(Locale.ROOT);
                long t = System.nanoTime();
                long hits = all.stream().filter(p -> p.name().toLowerCase(Locale.ROOT).startsWith(q)
                        || p.alternateNames().stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).startsWith(q))).count();
                scan[i] = (System.nanoTime() - t) / 1e6;
                if (hits < 0) {
                    throw new IllegalStateException();
                }
            }
            System.out.printf(Locale.ROOT, "Gazetteer search, 1,000 prefix queries (%d with results): median %.2f ms, p95 %.2f ms"
                    + "   |  linear scan of all 199,568 places' names in memory: median %.2f ms%n", found, median(ours), p95(ours),
                    median(scan));
        }
    }

    private static List<TileKey> tilesAround(LatLon centre, int zoom, double spanDegrees) {
        int n = 1 << zoom;
        int x0 = (int) (WebMercator.normX(centre.lon() - spanDegrees / 2) * n);
        int x1 = (int) (WebMercator.normX(centre.lon() + spanDegrees / 2) * n);
        int y0 = (int) (WebMercator.normY(centre.lat() + spanDegrees / 3) * n);
        int y1 = (int) (WebMercator.normY(centre.lat() - spanDegrees / 3) * n);
        List<TileKey> keys = new ArrayList<>();
        int step = Math.max(1, (x1 - x0) / 10);
        for (int x = x0; x <= x1; x += step) {
            for (int y = y0; y <= y1; y += step) {
                keys.add(new TileKey(zoom, x, y));
            }
        }
        return keys;
    }

    private static List<Incident> incidents(int count) {
        Random random = new Random(5);
        VerificationStatus[] statuses = VerificationStatus.values();
        List<Incident> incidents = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            // Along the front line and in cities behind it, as real reporting clusters.
            double t = random.nextDouble();
            LatLon p = new LatLon(46.5 + t * 3.5 + random.nextGaussian() * 0.3, 32.5 + t * 6 + random.nextGaussian() * 0.4);
            incidents.add(Incident.titled("Incident " + i).toBuilder().location(Optional.of(p))
                    .status(statuses[i % statuses.length]).build());
        }
        return incidents;
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double p95(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(sorted.length * 0.95) - 1];
    }
}
