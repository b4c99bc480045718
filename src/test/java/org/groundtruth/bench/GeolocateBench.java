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
