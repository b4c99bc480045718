package org.groundtruth.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.groundtruth.cli.Cli;
import picocli.CommandLine;

/**
 * {@code import-features} of generated point files (GeoJSON and KML, 10,000 and 100,000 points) through the command
 * line as a user runs it, side by side with GDAL's {@code ogr2ogr} loading the same file into a GeoPackage (one
 * transaction, R-tree spatial index) in the same run. For each: wall time, CPU time (ours: the JVM process; ogr2ogr:
 * its user + system time) and, for ours, the largest heap still live after a garbage collection (the heap must stay
 * flat as the file grows: streaming parse). Each import is checked afterwards with {@code audit verify} and an
 * incident count, so a fast import that broke the custody chain fails the benchmark. Goal (issue 12): 100,000
 * GeoJSON points in under 30 s.
 *
 * <pre>mvn -q test-compile exec:java -Dexec.mainClass=org.groundtruth.bench.FeatureImportBench [-Dexec.args="10000 100000"]
 * java -Xmx256m -cp target/test-classes:target/classes:$(cat cp.txt) org.groundtruth.bench.FeatureImportBench</pre>
 * On a shared machine wall time follows the load; CPU time is the figure to compare.
 */
public final class FeatureImportBench {
    private static final AtomicLong LIVE_PEAK = new AtomicLong();
    private static final java.util.Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
            .map(java.lang.management.MemoryPoolMXBean::getName).collect(java.util.stream.Collectors.toSet());

    private FeatureImportBench() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String a : args) {
            sizes.add(Integer.parseInt(a));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(10_000, 100_000);
        }
        watchGarbageCollections();
        Path dir = Files.createTempDirectory("gt-features-bench");
        System.out.printf(Locale.ROOT, "import-features vs ogr2ogr: JVM %s, max heap %d MiB, %d cores, load %.1f, %s%n",
                System.getProperty("java.vm.version"), Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), ogrVersion());
        System.out.printf(Locale.ROOT, "%-8s %-8s %8s  %-30s %9s %9s %10s  %s%n", "points", "format", "MiB", "tool",
                "wall s", "CPU s", "live MiB", "check");
        for (int n : sizes) {
            for (String format : List.of("GeoJSON", "KML")) {
                Path file = format.equals("KML") ? kml(dir.resolve("points-" + n + ".kml"), n)
                        : geoJson(dir.resolve("points-" + n + ".geojson"), n);
                double mib = Files.size(file) / 1048576.0;
                Path ws = dir.resolve("ws-" + n + "-" + format);
                run("--workspace", ws.toString(), "init");
                Measured dry = ours(() -> run("--workspace", ws.toString(), "import-features", file.toString(),
                        "--dry-run"));
                print(n, format, mib, "groundtruth import-features --dry-run", dry, "exit " + dry.exit);
                Measured imported = ours(() -> run("--workspace", ws.toString(), "--analyst", "bench",
                        "import-features", file.toString()));
                print(n, format, mib, "groundtruth import-features", imported, check(ws, n, imported.exit));
                Path gpkg = dir.resolve("ogr-" + n + "-" + format + ".gpkg");
                Measured ogr = ogr2ogr(file, gpkg);
                print(n, format, mib, "ogr2ogr -f GPKG -gt unlimited", ogr, "exit " + ogr.exit);
                deleteTree(ws);
                Files.deleteIfExists(gpkg);
                Files.deleteIfExists(file);
            }
        }
        deleteTree(dir);
    }

    private record Measured(int exit, double wallSeconds, double cpuSeconds, long liveMiB) {
    }

    @FunctionalInterface
    private interface Run {
        int run() throws Exception;
    }

    private static Measured ours(Run command) throws Exception {
        System.gc();
        LIVE_PEAK.set(usedHeap());
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        int exit = command.run();
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        LIVE_PEAK.accumulateAndGet(usedHeap(), Math::max);
        return new Measured(exit, wall, cpu, LIVE_PEAK.get() >> 20);
    }

    /** ogr2ogr's own CPU time from the shell's {@code times} (children's user and system time). */
    private static Measured ogr2ogr(Path in, Path out) throws IOException, InterruptedException {
        Files.deleteIfExists(out);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("bash", "-c", "ogr2ogr -f GPKG -gt unlimited \"$1\" \"$2\" >/dev/null 2>&1;"
                + " rc=$?; times; exit $rc", "ogr2ogr", out.toString(), in.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        double wall = (System.nanoTime() - t0) / 1e9;
        String[] lines = output.strip().split("\n");
        Matcher m = Pattern.compile("(\\d+)m([\\d.]+)s\\s+(\\d+)m([\\d.]+)s").matcher(lines[lines.length - 1]);
        double cpu = m.find() ? Integer.parseInt(m.group(1)) * 60 + Double.parseDouble(m.group(2))
                + Integer.parseInt(m.group(3)) * 60 + Double.parseDouble(m.group(4)) : Double.NaN;
        return new Measured(exit, wall, cpu, -1);
    }

    /** The import must leave a chain that verifies and exactly {@code n} incidents. */
    private static String check(Path ws, int n, int importExit) {
        if (importExit != 0) {
            return "import exit " + importExit;
        }
        int verify = run("--workspace", ws.toString(), "audit", "verify");
        String count;
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + ws.resolve("investigation.db"));
                java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM incident")) {
            count = rs.next() ? Long.toString(rs.getLong(1)) : "?";
        } catch (java.sql.SQLException e) {
            count = "unreadable (" + e.getMessage() + ")";
        }
        if (verify != 0 || !count.equals(Integer.toString(n))) {
            throw new IllegalStateException("after import: audit verify exit " + verify + ", incidents " + count
                    + " (expected " + n + ")");
        }
        return "audit verify OK, " + count + " incidents";
    }

    private static void print(int n, String format, double mib, String tool, Measured m, String check) {
        System.out.printf(Locale.ROOT, "%-8d %-8s %8.1f  %-30s %9.1f %9.1f %10s  %s%n", n, format, mib, tool,
                m.wallSeconds, m.cpuSeconds, m.liveMiB < 0 ? "-" : Long.toString(m.liveMiB), check);
    }

    private static int run(String... args) {
        CommandLine cli = Cli.commandLine();
        cli.setOut(new PrintWriter(Writer.nullWriter()));
        return cli.execute(args);
    }

    private static String ogrVersion() {
        try {
            Process p = new ProcessBuilder("ogr2ogr", "--version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor();
            return v;
        } catch (IOException | InterruptedException e) {
            return "ogr2ogr not found (apt-get install gdal-bin)";
        }
    }

    private static double lat(int i) {
        return 44.5 + (i % 1000) * 0.006;
    }

    private static double lon(int i) {
        return 22.5 + (i / 1000 % 100) * 0.17;
    }

    private static Path geoJson(Path file, int n) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{\"type\":\"FeatureCollection\",\"features\":[\n");
            for (int i = 0; i < n; i++) {
                w.write(String.format(Locale.ROOT, "%s{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\","
                        + "\"coordinates\":[%.6f,%.6f]},\"properties\":{\"name\":\"Точка %d\",\"occurred_at\":"
                        + "\"2025-%02d-%02dT10:00:00Z\",\"target_type\":\"ambulance\",\"tags\":[\"bench\",\"t%d\"]}}%n",
                        i == 0 ? "" : ",", lon(i), lat(i), i, 1 + i % 12, 1 + i % 28, i % 50));
            }
            w.write("]}\n");
        }
        return file;
    }

    private static Path kml(Path file, int n) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\">"
                    + "<Document><Folder><name>bench</name>\n");
            for (int i = 0; i < n; i++) {
                w.write(String.format(Locale.ROOT, "<Placemark><name>Точка %d</name><ExtendedData>"
                        + "<Data name=\"occurred_at\"><value>2025-%02d-%02dT10:00:00Z</value></Data>"
                        + "<Data name=\"target_type\"><value>ambulance</value></Data>"
                        + "<Data name=\"tags\"><value>bench; t%d</value></Data></ExtendedData>"
                        + "<Point><coordinates>%.6f,%.6f</coordinates></Point></Placemark>%n",
                        i, 1 + i % 12, 1 + i % 28, i % 50, lon(i), lat(i)));
            }
            w.write("</Folder></Document></kml>\n");
        }
        return file;
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Records the heap in use after each collection: what the import really holds, not garbage not yet collected. */
    private static void watchGarbageCollections() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                            .filter(e -> HEAP_POOLS.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
                    LIVE_PEAK.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
