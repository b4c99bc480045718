package org.groundtruth.bench;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.evidence.GpsFix;
import org.groundtruth.core.geo.Geodesy;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.geolocate.CellFeatureCache;
import org.groundtruth.core.geolocate.MatchCandidate;
import org.groundtruth.core.geolocate.MatchParameters;
import org.groundtruth.core.geolocate.SearchReport;
import org.groundtruth.map.imagery.ReferenceLayer;
import org.groundtruth.media.MetadataReader;
import org.groundtruth.media.StillImageDecoder;
import org.groundtruth.media.match.ImageGeolocator;

/**
 * Issue 16's measurements on real data. Run:
 * {@code mvn -q test-compile exec:java -Dexec.mainClass=org.groundtruth.bench.GeolocateBench [-Dexec.args=accuracy|robustness|speed]}
 */
public final class GeolocateBench {
    static final Path AERIAL = Path.of("..", "shared", "data", "aerial");

    private GeolocateBench() {
    }

    public static void main(String[] args) throws Exception {
        String what = args.length == 0 ? "all" : args[0];
        if (what.equals("all") || what.equals("accuracy")) {
            accuracy();
        }
        if (what.equals("all") || what.equals("robustness")) {
            robustness();
        }
        if (what.equals("all") || what.equals("speed")) {
            speed();
        }
    }

    /**
     * 1 km × 1 km of imagery around the Brighton reference, written as MBTiles (JPEG tiles, zooms 17–19): blocks of the
     * reference shuffled and turned, the reference itself in its true place. Searched cold (empty investigation) and
     * warm (its cell features cached), at 0.3 m (zooms 18–16) and at the tiles' own 0.2 m (zooms 19–17).
     */
    static void speed() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "geolocate-bench"));
        // -Dgt.bench.filler=reference fills the area with turned blocks of the reference itself (the first sessions' area)
        boolean otherPlace = !System.getProperty("gt.bench.filler", "caliterra").equals("reference");
        Path tiles = work.resolve(otherPlace ? "brighton-1km-caliterra-aligned.mbtiles" : "brighton-1km-aligned.mbtiles");
        if (!Files.exists(tiles)) {
            List<BufferedImage> filler = new ArrayList<>();
            if (otherPlace) { // Caliterra's construction site, reduced to about the reference's ground resolution
                try (Stream<Path> s = Files.list(AERIAL.resolve("caliterra"))) {
                    for (Path p : s.filter(f -> f.toString().endsWith(".jpg")).sorted().toList()) {
                        filler.add(new StillImageDecoder().decode(p, 1000).image());
                    }
                }
            }
            SyntheticArea.write(AERIAL.resolve("brighton-beach/ortho-from-model-0.15m-epsg32615.tif"), tiles, 1000, filler);
        }
        Path photo = AERIAL.resolve("brighton-beach/images/DJI_0026.JPG");
        LatLon truth = new LatLon(46.842690, -91.993954);
        BufferedImage image = new StillImageDecoder().decode(photo, 4096).image();
        System.out.println("Speed: " + photo.getFileName() + " in 1 km x 1 km (" + tiles.getFileName() + ", filled with "
                + (otherPlace ? "blocks of the Caliterra photos" : "turned blocks of the reference") + "), "
                + Runtime.getRuntime().availableProcessors() + " cores, load average "
                + java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        // -Dgt.bench.resolutions=0.3 measures one resolution only
        double[] resolutions = java.util.Arrays.stream(System.getProperty("gt.bench.resolutions", "0.3,0.2").split(","))
                .mapToDouble(Double::parseDouble).toArray();
        for (double resolution : resolutions) {
            Path ws = work.resolve("ws-" + resolution);
            deleteTree(ws);
            try (org.groundtruth.store.Investigation inv = org.groundtruth.store.Investigation.open(ws,
                    new org.groundtruth.media.ContentInspector());
                 ReferenceLayer layer = ReferenceLayer.open(tiles)) {
                MatchParameters p = MatchParameters.defaults().withGroundResolution(resolution);
                for (String run : new String[] {"cold", "warm"}) {
                    System.gc();
                    resetPeaks();
                    long cpu0 = totalCpu();
                    SearchReport r = new ImageGeolocator(inv.imageMatches().featureCache()).search(image, layer,
                            Optional.empty(), p, ProgressMonitor.NONE);
                    long cpu = (totalCpu() - cpu0) / 1_000_000;
                    String best = r.candidates().isEmpty() ? "none" : String.format(Locale.ROOT, "best %.1f m from GPS, score %.1f, %d candidates",
                            Geodesy.measure(r.candidates().get(0).center(), truth).distanceMeters(), r.candidates().get(0).score(),
                            r.candidates().size());
                    System.out.printf(Locale.ROOT, "  %.1f m/px (zooms %s) %s: %6d ms wall, %6d ms CPU (process), %d cells (%d cached), peak heap %d MB; %s%n",
                            resolution, r.zooms(), run, r.millis(), cpu, r.cells(), r.cellsFromCache(), peakHeapMb(), best);
                }
            }
        }
    }

    private static long totalCpu() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static void resetPeaks() {
        for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeapMb() {
        long sum = 0;
        for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum / (1024 * 1024);
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    static void accuracy() throws Exception {
        Path reference = AERIAL.resolve("brighton-beach/ortho-from-model-0.15m-epsg32615.tif");
        List<Path> photos;
        try (Stream<Path> s = Files.list(AERIAL.resolve("brighton-beach/images"))) {
            photos = s.sorted().toList();
        }
        System.out.println("Accuracy: 12 Brighton Beach photos against " + reference.getFileName());
        System.out.println("photo          GPS                      best candidate           error m  score  inliers  rank of true  time ms");
        int within = 0;
        try (ReferenceLayer layer = ReferenceLayer.open(reference)) {
            ImageGeolocator geolocator = new ImageGeolocator(CellFeatureCache.NONE);
            for (Path photo : photos) {
                GpsFix gps = new MetadataReader().read(photo).summary().gps().orElseThrow();
                LatLon truth = new LatLon(gps.latitudeDegrees(), gps.longitudeDegrees());
                BufferedImage image = new StillImageDecoder().decode(photo, 4096).image();
                SearchReport report = geolocator.search(image, layer, Optional.empty(), MatchParameters.defaults(),
                        ProgressMonitor.NONE);
                String best = "none";
                double error = Double.NaN;
                String rank = "-";
                if (!report.candidates().isEmpty()) {
                    MatchCandidate c = report.candidates().get(0);
                    error = Geodesy.measure(c.center(), truth).distanceMeters();
                    best = String.format(Locale.ROOT, "%.6f,%.6f %6.2f %6.1f %5d", c.center().lat(), c.center().lon(),
                            error, c.score(), c.inliers());
                    for (int i = 0; i < report.candidates().size(); i++) {
                        if (Geodesy.measure(report.candidates().get(i).center(), truth).distanceMeters() <= 10) {
                            rank = String.valueOf(i + 1);
                            break;
                        }
                    }
                    if (error <= 10) {
                        within++;
                    }
                }
                System.out.printf(Locale.ROOT, "%s  %.6f,%.6f  %-40s  %s of %d  %d (rejected best %.1f)%n", photo.getFileName(),
                        truth.lat(), truth.lon(), best, rank, report.candidates().size(), report.millis(),
                        report.bestRejectedScore());
            }
        }
        System.out.println("best candidate within 10 m: " + within + " of " + photos.size() + " (goal: at least 10)");
    }

    static void robustness() throws Exception {
        Path reference = AERIAL.resolve("brighton-beach/ortho-from-model-0.15m-epsg32615.tif");
        List<Path> frames = new ArrayList<>();
        try (Stream<Path> s = Files.list(AERIAL.resolve("caliterra"))) {
            s.filter(p -> p.toString().endsWith(".jpg")).sorted().forEach(frames::add);
        }
        try (Stream<Path> s = Files.list(AERIAL.resolve("opencv-aero"))) {
            s.filter(p -> p.toString().endsWith(".jpg")).sorted().forEach(frames::add);
        }
        System.out.println("Robustness: frames of other places against the Brighton reference");
        try (ReferenceLayer layer = ReferenceLayer.open(reference)) {
            ImageGeolocator geolocator = new ImageGeolocator(CellFeatureCache.NONE);
            for (Path frame : frames) {
                BufferedImage image = new StillImageDecoder().decode(frame, 4096).image();
                SearchReport report = geolocator.search(image, layer, Optional.empty(), MatchParameters.defaults(),
                        ProgressMonitor.NONE);
                System.out.printf(Locale.ROOT, "%-14s candidates above %.0f: %d; best score below: %.1f%n", frame.getFileName(),
                        MatchParameters.defaults().acceptanceScore(), report.candidates().size(), report.bestRejectedScore());
            }
        }
    }
}
