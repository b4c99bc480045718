package org.groundtruth.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import org.groundtruth.cli.Cli;
import picocli.CommandLine;

/**
 * {@code import-features} of a generated GeoJSON FeatureCollection, through the command line as a user runs it:
 * {@code --dry-run} and the real import (one transaction), for N/10 and N points, with time and peak heap. The
 * heap must stay flat as the file grows (streaming parse); the goal is 100,000 points in under 30 s.
 *
 * <pre>mvn -q test-compile exec:java -Dexec.mainClass=org.groundtruth.bench.FeatureImportBench [-Dexec.args="100000"]</pre>
 */
public final class FeatureImportBench {
    private FeatureImportBench() {
    }

    public static void main(String[] args) throws Exception {
        int points = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Files.createTempDirectory("gt-features-bench");
        System.out.printf(Locale.ROOT, "import-features benchmark: JVM %s, max heap %d MiB, %d cores%n",
                System.getProperty("java.vm.version"), Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-10s %-9s %10s %10s %12s%n", "points", "mode", "MiB file", "seconds",
                "peak heap MiB");
        for (int n : new int[] {points / 10, points}) {
            Path file = geoJson(dir.resolve("points-" + n + ".geojson"), n);
            double mib = Files.size(file) / 1048576.0;
            Path ws = dir.resolve("ws-" + n);
            run("--workspace", ws.toString(), "init");
            for (boolean dry : new boolean[] {true, false}) {
                System.gc();
                resetPeaks();
                long t0 = System.nanoTime();
                int code = dry ? run("--workspace", ws.toString(), "import-features", file.toString(), "--dry-run")
                        : run("--workspace", ws.toString(), "--analyst", "bench", "import-features", file.toString());
                double secs = (System.nanoTime() - t0) / 1e9;
                if (code != 0) {
                    throw new IllegalStateException("import-features exited " + code);
                }
                System.out.printf(Locale.ROOT, "%-10d %-9s %10.1f %10.1f %12d%n", n, dry ? "dry-run" : "import", mib,
                        secs, peakHeap());
            }
        }
    }

    private static int run(String... args) {
        CommandLine cli = Cli.commandLine();
        cli.setOut(new PrintWriter(Writer.nullWriter()));
        return cli.execute(args);
    }

    private static Path geoJson(Path file, int n) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{\"type\":\"FeatureCollection\",\"features\":[\n");
            for (int i = 0; i < n; i++) {
                double lat = 44.5 + (i % 1000) * 0.006;
                double lon = 22.5 + (i / 1000 % 100) * 0.17;
                w.write(String.format(Locale.ROOT, "%s{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\","
                        + "\"coordinates\":[%.6f,%.6f]},\"properties\":{\"name\":\"Точка %d\",\"occurred_at\":"
                        + "\"2025-%02d-%02dT10:00:00Z\",\"target_type\":\"ambulance\",\"tags\":[\"bench\",\"t%d\"]}}%n",
                        i == 0 ? "" : ",", lon, lat, i, 1 + i % 12, 1 + i % 28, i % 50));
            }
            w.write("]}\n");
        }
        return file;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getPeakUsage).filter(java.util.Objects::nonNull)
                .sorted(Comparator.comparingLong(u -> -u.getUsed())).mapToLong(u -> u.getUsed()).sum() >> 20;
    }
}
