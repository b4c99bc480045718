package org.groundtruth.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.media.ContentInspector;
import org.groundtruth.store.EvidenceService.ImportRequest;
import org.groundtruth.store.Investigation;

/**
 * Import throughput beside {@code sha256sum} on the same file, in the same run, and the import's peak heap for
 * two file sizes (it must not grow with the file). Both read from a warm page cache; the import also writes
 * and fsyncs its copy into the vault.
 *
 * <pre>mvn -q test-compile exec:java -Dexec.mainClass=org.groundtruth.bench.ImportBenchmark [-Dexec.args="1024 3"]</pre>
 * Arguments: size in MiB (default 1024), repetitions (default 3).
 */
public final class ImportBenchmark {
    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int mib = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("gt-import-bench");
        try {
            Path small = randomFile(dir.resolve("small.bin"), mib / 4);
            Path large = randomFile(dir.resolve("large.bin"), mib);
            System.out.printf(Locale.ROOT, "Import benchmark: %d MiB random file, best of %d runs, warm page cache%n", mib, runs);
            System.out.printf(Locale.ROOT, "JVM %s, max heap %d MiB, %d cores%n", System.getProperty("java.vm.version"),
                    Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
            warm(large);
            double sha256sum = best(runs, () -> sha256sum(large));
            double groundtruth = best(runs, () -> importOnce(dir, large));
            double mibs = mib;
            System.out.println();
            System.out.printf(Locale.ROOT, "%-44s %10s %10s%n", "", "seconds", "MiB/s");
            System.out.printf(Locale.ROOT, "%-44s %10.2f %10.0f%n", "sha256sum (coreutils, hash only)", sha256sum, mibs / sha256sum);
            System.out.printf(Locale.ROOT, "%-44s %10.2f %10.0f%n", "groundtruth import (hash+copy+fsync+record)", groundtruth,
                    mibs / groundtruth);
            System.out.printf(Locale.ROOT, "ratio import / sha256sum speed: %.2fx (goal >= 0.9x)%n", sha256sum / groundtruth);

            long heapSmall = peakHeapOfImport(dir, small);
            long heapLarge = peakHeapOfImport(dir, large);
            System.out.printf(Locale.ROOT, "peak heap during import: %d MiB file -> %.1f MiB, %d MiB file -> %.1f MiB%n",
                    mib / 4, heapSmall / 1048576.0, mib, heapLarge / 1048576.0);
        } finally {
            deleteTree(dir);
        }
    }

    private interface Timed {
        void run() throws Exception;
    }

    private static double best(int runs, Timed timed) throws Exception {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            timed.run();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }

    private static void sha256sum(Path file) throws Exception {
        Process p = new ProcessBuilder("sha256sum", file.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IOException("sha256sum failed");
        }
    }

    private static void importOnce(Path dir, Path file) throws Exception {
        Path ws = Files.createTempDirectory(dir, "ws");
        try (Investigation inv = Investigation.open(ws, new ContentInspector())) {
            inv.evidence().importFile(file, ImportRequest.PLAIN, "bench", ProgressMonitor.NONE);
        }
        deleteTree(ws);
    }

    private static long peakHeapOfImport(Path dir, Path file) throws Exception {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        importOnce(dir, file);
        return heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static Path randomFile(Path file, int mib) throws IOException {
        Random random = new Random(42);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < mib; i++) {
                random.nextBytes(block);
                out.write(block);
            }
        }
        return file;
    }

    private static void warm(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 20];
            while (in.read(buffer) > 0) {
                // read once so both tools start from the page cache
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (var walk = Files.walk(dir)) {
            walk.forEach(paths::add);
        }
        paths.sort(Comparator.reverseOrder());
        for (Path p : paths) {
            p.toFile().setWritable(true);
            Files.deleteIfExists(p);
        }
    }
}
