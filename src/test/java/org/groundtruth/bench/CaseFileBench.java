package org.groundtruth.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.groundtruth.core.casefile.ReportFigures;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.Sensitivity;
import org.groundtruth.core.casefile.CaseCheck;
import org.groundtruth.core.casefile.CaseFileLayout;
import org.groundtruth.core.casefile.ExportOptions;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.evidence.MediaAnalysis;
import org.groundtruth.core.evidence.MediaInspector;
import org.groundtruth.map.report.BasemapSnapshots;
import org.groundtruth.media.EvidenceFrameFigures;
import org.groundtruth.store.EvidenceService.ImportRequest;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.casefile.CaseExporter;
import org.groundtruth.store.casefile.CaseVerifier;

/**
 * Export of N incidents with M MiB of media (one random, incompressible item per incident): time and peak
 * heap; then {@code verify} of the case file beside {@code sha256sum} over the same file, in the same run, both
 * from a warm page cache.
 *
 * <pre>mvn -q test-compile exec:java -Dexec.mainClass=org.groundtruth.bench.CaseFileBench [-Dexec.args="1000 2048"]</pre>
 */
public final class CaseFileBench {
    private CaseFileBench() {
    }

    public static void main(String[] args) throws Exception {
        int incidents = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int totalMib = args.length > 1 ? Integer.parseInt(args[1]) : 2048;
        Path dir = Files.createTempDirectory("gt-case-bench");
        // The media here are random bytes: the real inspector would probe each with FFmpeg at import, which is
        // set-up cost, not what this benchmark measures.
        MediaInspector asVideo = new MediaInspector() {
            @Override
            public String detectType(byte[] head) {
                return "video/mp4";
            }

            @Override
            public MediaAnalysis analyze(Path original, String mediaType) {
                return MediaAnalysis.NOTHING;
            }
        };
        try (Investigation inv = Investigation.open(dir.resolve("ws"), asVideo)) {
            System.out.printf(Locale.ROOT, "Case file benchmark: %d incidents, %d MiB of media; JVM %s, max heap %d MiB,"
                    + " %d cores%n", incidents, totalMib, System.getProperty("java.vm.version"),
                    Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
            long t0 = System.nanoTime();
            seed(inv, incidents, (long) totalMib << 20);
            System.out.printf(Locale.ROOT, "setup (create + import into the vault): %.1f s%n", secs(t0));

            Path zip = dir.resolve("case.zip");
            resetPeaks();
            long t1 = System.nanoTime();
            CaseExporter.Summary summary;
            // the real map renderer, as the CLI uses it: maps are drawn for the report's first incidents
            try (ReportFigures figures = new ReportFigures(BasemapSnapshots.shipped(), new EvidenceFrameFigures())) {
                summary = new CaseExporter(inv, figures).export(ExportOptions.EVERYTHING, zip, "bench",
                        ProgressMonitor.NONE);
            }
            double exportSecs = secs(t1);
            long exportHeap = peakHeap();
            double zipMib = Files.size(zip) / 1048576.0;
            System.out.printf(Locale.ROOT, "export: %d incidents, %d files, %.0f MiB zip in %.1f s (%.0f MiB/s), peak heap"
                    + " %.0f MiB%n", summary.incidents(), summary.evidenceFiles(), zipMib, exportSecs,
                    zipMib / exportSecs, exportHeap / 1048576.0);

            try (java.util.zip.ZipFile file = new java.util.zip.ZipFile(zip.toFile())) {
                System.out.printf(Locale.ROOT, "report: html %.1f MiB, pdf %.1f MiB%n",
                        file.getEntry(CaseFileLayout.REPORT_HTML).getSize() / 1048576.0,
                        file.getEntry(CaseFileLayout.REPORT_PDF).getSize() / 1048576.0);
            }

            warm(zip);
            double sha = Double.MAX_VALUE;
            double verify = Double.MAX_VALUE;
            long verifyHeap = 0;
            for (int run = 0; run < 2; run++) {
                long s = System.nanoTime();
                sha256sum(zip);
                sha = Math.min(sha, secs(s));
                resetPeaks();
                long v = System.nanoTime();
                CaseCheck check = new CaseVerifier().verify(zip);
                verify = Math.min(verify, secs(v));
                verifyHeap = Math.max(verifyHeap, peakHeap());
                if (!check.isIntact()) {
                    throw new IllegalStateException("benchmark case file does not verify: " + check.problems());
                }
            }
            System.out.printf(Locale.ROOT, "%-46s %8s %8s%n", "over the same " + Math.round(zipMib) + " MiB", "seconds", "MiB/s");
            System.out.printf(Locale.ROOT, "%-46s %8.2f %8.0f%n", "sha256sum (coreutils, hash only)", sha, zipMib / sha);
            System.out.printf(Locale.ROOT, "%-46s %8.2f %8.0f%n", "groundtruth verify (inflate+hash+sig+chain)", verify,
                    zipMib / verify);
            System.out.printf(Locale.ROOT, "verify / sha256sum speed: %.2fx (goal >= 0.8x); verify peak heap %.0f MiB%n",
                    sha / verify, verifyHeap / 1048576.0);
        } finally {
            deleteTree(dir);
        }
    }

    private static void seed(Investigation inv, int incidents, long totalBytes) throws IOException {
        Random random = new Random(6);
        int each = (int) Math.max(1, totalBytes / incidents);
        byte[] media = new byte[each];
        for (int i = 0; i < incidents; i++) {
            Incident incident = Incident.titled("Bench incident " + i + " — Херсон").toBuilder()
                    .location(Optional.of(new LatLon(46 + random.nextDouble(), 32 + random.nextDouble()))).build();
            inv.incidents().create(incident, "bench", "benchmark");
            random.nextBytes(media);
            inv.evidence().importContent(new ByteArrayInputStream(media), media.length, "clip-" + i + ".bin",
                    new ImportRequest(Optional.of(incident.id()), Optional.empty(), Sensitivity.PUBLIC), "bench",
                    ProgressMonitor.NONE);
        }
    }

    private static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    private static void resetPeaks() {
        System.gc();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static void sha256sum(Path file) throws Exception {
        Process p = new ProcessBuilder("sha256sum", file.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IOException("sha256sum failed");
        }
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
