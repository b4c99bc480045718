package org.groundtruth.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.map.MapStyle;
import org.groundtruth.map.TileKey;
import org.groundtruth.map.TileLoader;
import org.groundtruth.map.TileSource;
import org.groundtruth.map.WebMercator;
import org.groundtruth.map.basemap.BasemapRenderer;
import org.groundtruth.map.offline.MapsforgeNameIndexer;
import org.groundtruth.map.offline.MapsforgeTileSource;
import org.groundtruth.map.osm.OsmStore;
import org.groundtruth.map.osm.OsmTileSource;
import org.groundtruth.map.osm.PbfImporter;
import org.groundtruth.map.search.NameIndexWriter;
import org.groundtruth.map.search.PlaceKind;
import org.groundtruth.map.search.SearchQuery;
import org.groundtruth.map.search.StreetIndex;

/**
 * Issue 14's street-map figures, each beside its reference in the same run: a zoom 16 tile from a mapsforge
 * {@code .map} (cold: a freshly opened map, each tile's first render; warm: the same tiles again) beside the shipped
 * basemap's tile and the street renderer of an imported {@code .pbf}; {@code .pbf} import and {@code .map} name indexing
 * speed and peak heap; street
 * search median over an index of one million names (real Monaco/Moscow names plus synthetic Ukrainian-style ones).
 * {@code mvn -q test-compile exec:java -Dexec.mainClass=org.groundtruth.bench.StreetMapBench}
 * ({@code -Dexec.args=quick} uses 200,000 names; {@code tiles}, {@code import} or {@code search} run one part;
 * {@code index=FILE} searches an index built before instead of building one).
 */
public final class StreetMapBench {
    private static final Path DATA = Path.of("..", "shared", "data", "osm");

    private StreetMapBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> parts = List.of(args);
        int names = parts.contains("quick") ? 200_000 : 1_000_000;
        boolean all = !parts.contains("tiles") && !parts.contains("search") && !parts.contains("import");
        Path work = Files.createTempDirectory("streetbench");
        if (all || parts.contains("tiles")) {
            tiles(work);
        }
        if (all || parts.contains("import")) {
            importSpeed(work);
        }
        if (all || parts.contains("search")) {
            search(work, names, parts.stream().filter(p -> p.startsWith("index=")).findFirst()
                    .map(p -> Path.of(p.substring("index=".length()))));
        }
    }

    private static List<TileKey> tilesAround(double lat, double lon, int zoom, int radius) {
        int cx = (int) (WebMercator.normX(lon) * (1 << zoom));
        int cy = (int) (WebMercator.normY(lat) * (1 << zoom));
        List<TileKey> keys = new ArrayList<>();
        for (int dy = -radius; dy <= radius; dy++) {
            for (int dx = -radius; dx <= radius; dx++) {
                keys.add(new TileKey(zoom, cx + dx, cy + dy));
            }
        }
        return keys;
    }

    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Wall and this thread's CPU time per tile: on a loaded machine the CPU time is the renderer's own cost. */
    private record Times(double[] wall, double[] cpu) {
        String line() {
            return "wall " + stats(wall) + "   cpu " + stats(cpu);
        }
    }

    private static Times time(TileSource source, List<TileKey> keys) throws Exception {
        return time(source, keys, MapStyle.LIGHT);
    }

    private static Times time(TileSource source, List<TileKey> keys, MapStyle style) throws Exception {
        double[] ms = new double[keys.size()];
        double[] cpu = new double[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            long c = THREADS.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            source.tile(keys.get(i), style);
            ms[i] = (System.nanoTime() - t) / 1e6;
            cpu[i] = (THREADS.getCurrentThreadCpuTime() - c) / 1e6;
        }
        return new Times(ms, cpu);
    }

    /** Warm renders: {@code rounds} more passes over tiles already rendered once (JIT, file and theme warm). */
    private static Times warm(TileSource source, List<TileKey> keys, int rounds) throws Exception {
        return warm(source, keys, rounds, MapStyle.LIGHT);
    }

    private static Times warm(TileSource source, List<TileKey> keys, int rounds, MapStyle style) throws Exception {
        double[] ms = new double[keys.size() * rounds];
        double[] cpu = new double[keys.size() * rounds];
        for (int r = 0; r < rounds; r++) {
            Times t = time(source, keys, style);
            System.arraycopy(t.wall(), 0, ms, r * keys.size(), keys.size());
            System.arraycopy(t.cpu(), 0, cpu, r * keys.size(), keys.size());
        }
        return new Times(ms, cpu);
    }

    /** A revisited tile as the window gets it: from the map's tile cache ({@link TileLoader}), after one load. */
    private static String cached(TileSource source, List<TileKey> keys) throws Exception {
        try (TileLoader loader = new TileLoader(1, 768)) {
            java.util.concurrent.CountDownLatch loaded = new java.util.concurrent.CountDownLatch(keys.size());
            for (TileKey key : keys) {
                loader.get(source, key, loaded::countDown);
            }
            loaded.await();
            double[] ms = new double[keys.size()];
            for (int i = 0; i < keys.size(); i++) {
                long t = System.nanoTime();
                if (loader.get(source, keys.get(i), () -> { }).status() == TileLoader.Status.LOADING) {
                    throw new IllegalStateException("tile not cached: " + keys.get(i));
                }
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
            return stats(ms);
        }
    }

    private static String stats(double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "median %6.1f ms  p95 %6.1f ms  (n=%d)", sorted[sorted.length / 2],
                sorted[(int) Math.ceil(sorted.length * 0.95) - 1], sorted.length);
    }

    private static void tiles(Path work) throws Exception {
        List<TileKey> keys = tilesAround(43.7384, 7.4246, 16, 3); // 49 tiles over Monaco
        System.out.println("== zoom 16 tiles, 256 px, Monaco (49 tiles); warm = 4 more passes; load average "
                + String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
                + " on " + Runtime.getRuntime().availableProcessors() + " cores");
        long open = System.nanoTime();
        try (MapsforgeTileSource map = new MapsforgeTileSource(DATA.resolve("monaco.map"), "monaco", MapStyle.LIGHT, "en")) {
            System.out.printf(Locale.ROOT, "mapsforge .map   open + theme  %6.1f ms%n", (System.nanoTime() - open) / 1e6);
            System.out.println("mapsforge .map   cold          " + time(map, keys).line());
            System.out.println("mapsforge .map   warm render   " + warm(map, keys, 4).line());
            System.out.println("mapsforge .map   warm cached   " + cached(map, keys));
            darkStyle("mapsforge .map", map, keys);
        }
        Path store = work.resolve("monaco" + OsmStore.EXTENSION);
        PbfImporter.importFile(DATA.resolve("monaco.osm.pbf"), store, ProgressMonitor.NONE);
        try (OsmTileSource osm = new OsmTileSource(OsmStore.open(store), "monaco", MapStyle.LIGHT, true)) {
            System.out.println("imported .pbf    cold          " + time(osm, keys).line());
            System.out.println("imported .pbf    warm render   " + warm(osm, keys, 4).line());
            System.out.println("imported .pbf    warm cached   " + cached(osm, keys));
            darkStyle("imported .pbf ", osm, keys);
        }
        try (BasemapRenderer basemap = BasemapRenderer.open(Path.of("maps", "basemap.sqlite"))) {
            System.out.println("basemap (ref.)   cold          " + time(basemap, keys).line());
            System.out.println("basemap (ref.)   warm render   " + warm(basemap, keys, 4).line());
            System.out.println("basemap (ref.)   warm cached   " + cached(basemap, keys));
            darkStyle("basemap (ref.)", basemap, keys);
        }
    }

    /** The same tiles in the dark style (its own theme or palette, built on first use), cold then warm. */
    private static void darkStyle(String label, TileSource source, List<TileKey> keys) throws Exception {
        System.out.println(label + "   dark cold     " + time(source, keys, MapStyle.DARK).line());
        System.out.println(label + "   dark warm     " + warm(source, keys, 4, MapStyle.DARK).line());
    }

    private static void importSpeed(Path work) throws Exception {
        System.out.println("== .osm.pbf import (streaming; node positions memory-mapped)");
        for (String name : List.of("monaco.osm.pbf", "moscow-north.osm.pbf")) {
            for (int round = 0; round < 2; round++) {
                System.gc();
                resetPeaks();
                Path out = work.resolve(name + round + OsmStore.EXTENSION);
                PbfImporter.Summary s = PbfImporter.importFile(DATA.resolve(name), out, ProgressMonitor.NONE);
                System.out.printf(Locale.ROOT, "%-22s round %d: %.2f MB in %.2f s = %.2f MB/s, %,d nodes, %,d ways,"
                        + " %,d names; peak heap %d MB%n", name, round + 1, s.bytes() / 1e6, s.seconds(),
                        s.bytes() / 1e6 / s.seconds(), s.nodes(), s.ways(), s.names(), peakHeap() / 1_000_000);
            }
        }
        // the same data written as mapsforge .map files: the name index built tile by tile (MapsforgeNameIndexer)
        System.out.println("== .map search index (tile by tile at the base zoom; same data as the .pbf above)");
        for (String name : List.of("monaco.map", "moscow-north.map")) {
            for (int round = 0; round < 2; round++) {
                System.gc();
                resetPeaks();
                Path out = work.resolve(name + round + MapsforgeNameIndexer.EXTENSION);
                MapsforgeNameIndexer.Summary s = MapsforgeNameIndexer.index(DATA.resolve(name), out, ProgressMonitor.NONE);
                System.out.printf(Locale.ROOT, "%-22s round %d: %.2f MB in %.2f s = %.2f MB/s, %,d tiles (%.0f tiles/s),"
                        + " %,d names, %,d house numbers; peak heap %d MB%n", name, round + 1, s.bytes() / 1e6, s.seconds(),
                        s.bytes() / 1e6 / s.seconds(), s.tiles(), s.tiles() / s.seconds(), s.names(), s.addresses(),
                        peakHeap() / 1_000_000);
            }
        }
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static final String[] STEMS = {"Перекоп", "Шевченк", "Франк", "Лес", "Грушевськ", "Садов", "Лугов", "Соборн",
        "Миру", "Незалежност", "Героїв", "Степов", "Польов", "Шкільн", "Центральн", "Вишнев", "Зелен", "Нов", "Молодіжн",
        "Козацьк", "Дніпровськ", "Київськ", "Харківськ", "Одеськ", "Лиман", "Озерн", "Річков", "Гагарін", "Пушкін", "Тарасів"};
    private static final String[] SUFFIXES = {"а", "ська", "ова", "івська", "ична", "ецька", "анська"};
    private static final String[] TYPES = {"вулиця", "провулок", "проспект", "площа", "бульвар", "узвіз"};

    private static void search(Path work, int total, java.util.Optional<Path> reuse) throws Exception {
        System.out.printf(Locale.ROOT, "== street search over %,d names%n", total);
        Path file = reuse.orElse(work.resolve("names.sqlite"));
        if (reuse.isEmpty()) {
            build(file, total);
        } else {
            System.out.println("index reused from " + file);
        }
        measureSearch(file);
    }

    private static void build(Path file, int total) throws Exception {
        long t0 = System.nanoTime();
        Random random = new Random(14);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA journal_mode=OFF");
                s.execute("PRAGMA synchronous=OFF");
            }
            db.setAutoCommit(false);
            try (NameIndexWriter writer = new NameIndexWriter(db)) {
                for (int i = 0; i < total; i++) {
                    String stem = STEMS[random.nextInt(STEMS.length)] + SUFFIXES[random.nextInt(SUFFIXES.length)];
                    String village = "" + (char) ('А' + random.nextInt(28)) + STEMS[random.nextInt(STEMS.length)].toLowerCase(Locale.ROOT)
                            + (i % 997);
                    String name = TYPES[random.nextInt(TYPES.length)] + " " + stem + " " + village;
                    double lat = 44.5 + random.nextDouble() * 7.5;
                    double lon = 22.5 + random.nextDouble() * 17.5;
                    if (i % 5 == 0) {
                        writer.addAddress(name, List.of(name), Integer.toString(1 + random.nextInt(150)), lat, lon);
                    } else {
                        writer.add(PlaceKind.STREET, name, null, List.of(name), lat, lon, 50);
                    }
                }
            }
            db.commit();
        }
        System.out.printf(Locale.ROOT, "index built in %.1f s, %d MB%n", (System.nanoTime() - t0) / 1e9, Files.size(file) / 1_000_000);
    }

    private static void measureSearch(Path file) throws Exception {
        String[] queries = {"Перекопська", "вул. Перекопська", "Perekopska", "Shevchenkivska", "Шевч", "Франка 12",
            "Lesova", "площа Миру", "Незалежності", "Kyivska", "Kiyevskaya", "Садова", "Lug", "Героїв", "Центральна 5"};
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:file:" + file + "?mode=ro")) {
            for (String q : queries) {
                StreetIndex.search(db, file, "bench", SearchQuery.of(q)); // warm-up
            }
            double[] ms = new double[queries.length * 5];
            double[] cpu = new double[queries.length * 5];
            int n = 0;
            int found = 0;
            for (int round = 0; round < 5; round++) {
                for (String q : queries) {
                    long c = THREADS.getCurrentThreadCpuTime();
                    long t = System.nanoTime();
                    found += StreetIndex.search(db, file, "bench", SearchQuery.of(q)).size();
                    ms[n] = (System.nanoTime() - t) / 1e6;
                    cpu[n++] = (THREADS.getCurrentThreadCpuTime() - c) / 1e6;
                }
            }
            System.out.println("street search     " + new Times(ms, cpu).line() + ", " + found / 5 + " candidates per round");
        }
        // Reference in the same run: the shipped gazetteer's place search (FTS5 + skeleton table), same queries.
        try (org.groundtruth.map.gazetteer.Gazetteer gazetteer = org.groundtruth.map.gazetteer.Gazetteer.open(
                Path.of("maps", org.groundtruth.map.gazetteer.Gazetteer.FILE_NAME))) {
            double[] ms = new double[queries.length * 5];
            double[] cpu = new double[queries.length * 5];
            int n = 0;
            for (int round = 0; round < 6; round++) {
                for (String q : queries) {
                    long c = THREADS.getCurrentThreadCpuTime();
                    long t = System.nanoTime();
                    SearchQuery query = SearchQuery.of(q);
                    gazetteer.searchScored(q, query.skeleton(), 50);
                    if (round > 0) {
                        ms[n] = (System.nanoTime() - t) / 1e6;
                        cpu[n++] = (THREADS.getCurrentThreadCpuTime() - c) / 1e6;
                    }
                }
            }
            System.out.println("gazetteer (ref.)  " + new Times(ms, cpu).line());
        }
    }
}
