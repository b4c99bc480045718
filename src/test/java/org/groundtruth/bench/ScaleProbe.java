package org.groundtruth.bench;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Optional;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.geo.Geodesy;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.geolocate.CellFeatureCache;
import org.groundtruth.core.geolocate.MatchParameters;
import org.groundtruth.core.geolocate.SearchReport;
import org.groundtruth.map.imagery.ReferenceLayer;
import org.groundtruth.media.StillImageDecoder;
import org.groundtruth.media.match.ImageGeolocator;

/**
 * DJI_0026 against one reference file at chosen resolutions, frame sizes and scale counts, to tell an engine problem
 * from an area problem. Run:
 * {@code mvn -q -o exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.groundtruth.bench.ScaleProbe
 * -Dexec.args="REFERENCE RES:SIDE:SCALES,..."}, e.g. {@code 0.3:640:1,0.2:640:1}.
 */
public final class ScaleProbe {
    private ScaleProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path ref = Path.of(args[0]);
        BufferedImage image = new StillImageDecoder().decode(GeolocateBench.AERIAL.resolve("brighton-beach/images/DJI_0026.JPG"), 4096).image();
        LatLon truth = new LatLon(46.842690, -91.993954);
        try (ReferenceLayer layer = ReferenceLayer.open(ref)) {
            for (String a : args[1].split(",")) {
                String[] kv = a.split(":");
                double res = Double.parseDouble(kv[0]);
                int side = Integer.parseInt(kv[1]);
                int scales = Integer.parseInt(kv[2]);
                MatchParameters d = MatchParameters.defaults();
                MatchParameters p = new MatchParameters(Optional.of(res), scales, side, d.maxFrameFeatures(), d.maxCellFeatures(),
                        d.ratio(), d.ransacThresholdPixels(), d.minInliers(), d.acceptanceScore());
                SearchReport r = new ImageGeolocator(CellFeatureCache.NONE).search(image, layer, Optional.empty(), p, ProgressMonitor.NONE);
                System.out.printf("res %.2f side %d scales %d zooms %s: %s (rejected best %.1f) %d ms%n", res, side, scales, r.zooms(),
                        r.candidates().isEmpty() ? "none" : String.format("%.1f m, score %.1f, inliers %d, zoom %d",
                                Geodesy.measure(r.candidates().get(0).center(), truth).distanceMeters(), r.candidates().get(0).score(),
                                r.candidates().get(0).inliers(), r.candidates().get(0).zoom()), r.bestRejectedScore(), r.millis());
            }
        }
    }
}
