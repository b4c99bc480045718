package org.groundtruth.media.match;

import static org.bytedeco.opencv.global.opencv_core.NORM_L2;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.DMatchVectorVector;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_features2d.BFMatcher;
import org.bytedeco.opencv.opencv_features2d.FlannBasedMatcher;
import org.bytedeco.opencv.opencv_flann.KDTreeIndexParams;
import org.bytedeco.opencv.opencv_flann.SearchParams;
import org.groundtruth.core.geolocate.CellFeatures;
import org.groundtruth.core.geolocate.CellKey;
import org.groundtruth.core.geolocate.MatchParameters;
import org.groundtruth.core.geolocate.MercatorPixels;
import org.groundtruth.map.imagery.ReferenceLayer;
import org.groundtruth.media.StillImageDecoder;

/** Experiment: FLANN k-d trees against brute force for the per-cell nearest neighbours (time and agreement). */
public final class FlannVsBruteForce {
    private FlannVsBruteForce() {
    }

    public static void main(String[] args) throws Exception {
        BufferedImage image = new StillImageDecoder().decode(Path.of("..", "shared", "data", "aerial", "brighton-beach",
                "images", args.length > 0 ? args[0] : "DJI_0026.JPG"), 4096).image();
        MatchParameters p = MatchParameters.defaults();
        int checks = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        try (ReferenceLayer layer = ReferenceLayer.open(Path.of("..", "shared", "data", "aerial", "brighton-beach",
                "ortho-from-model-0.15m-epsg32615.tif"))) {
            FrameFeatures frame = FrameFeatures.of(image, p.frameMaxSide(), p.maxFrameFeatures());
            int n = frame.features().count();
            long bf = 0;
            long fl = 0;
            long same = 0;
            long ratioBf = 0;
            long ratioBoth = 0;
            int z = layer.maxZoom();
            var area = layer.bounds();
            int x0 = (int) (MercatorPixels.x(area.minLon(), z) / 512);
            int x1 = (int) (MercatorPixels.x(area.maxLon(), z) / 512);
            int y0 = (int) (MercatorPixels.y(area.maxLat(), z) / 512);
            int y1 = (int) (MercatorPixels.y(area.minLat(), z) / 512);
            try (Mat fd = frame.descriptorMat()) {
                for (int y = y0; y <= y1; y++) {
                    for (int x = x0; x <= x1; x++) {
                        Optional<int[]> px = ImageGeolocator.cellPixels(layer, new CellKey(layer.layerKey(), "x", z, 512, x, y));
                        if (px.isEmpty()) {
                            continue;
                        }
                        CellFeatures cf = SiftExtractor.extract(GrayImage.ofArgb(px.get(), 512, 512), p.maxCellFeatures());
                        if (cf.count() < 2) {
                            continue;
                        }
                        try (Mat train = NearestNeighbours.descriptorMat(cf); DMatchVectorVector a = new DMatchVectorVector();
                             DMatchVectorVector b = new DMatchVectorVector();
                             BFMatcher brute = new BFMatcher(NORM_L2, false);
                             FlannBasedMatcher flann = new FlannBasedMatcher(new KDTreeIndexParams(4), new SearchParams(checks, 0, true))) {
                            long t0 = System.nanoTime();
                            brute.knnMatch(fd, train, a, 2);
                            long t1 = System.nanoTime();
                            flann.knnMatch(fd, train, b, 2);
                            long t2 = System.nanoTime();
                            bf += t1 - t0;
                            fl += t2 - t1;
                            for (int i = 0; i < n; i++) {
                                var pa = a.get(i);
                                var pb = b.get(i);
                                if (pa.size() < 2 || pb.size() < 2) {
                                    continue;
                                }
                                if (pa.get(0).trainIdx() == pb.get(0).trainIdx()) {
                                    same++;
                                }
                                boolean passA = pa.get(0).distance() < 0.85 * pa.get(1).distance();
                                boolean passB = pb.get(0).distance() < 0.85 * pb.get(1).distance()
                                        && pa.get(0).trainIdx() == pb.get(0).trainIdx();
                                if (passA) {
                                    ratioBf++;
                                    if (passB) {
                                        ratioBoth++;
                                    }
                                }
                            }
                        }
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%d frame features, zoom %d: brute force %d ms, FLANN(checks %d) %d ms; same nearest %d;"
                    + " ratio-test matches %d, kept by FLANN %d (%.1f%%)%n", n, z, bf / 1_000_000, checks, fl / 1_000_000, same,
                    ratioBf, ratioBoth, 100.0 * ratioBoth / Math.max(1, ratioBf));
        }
    }
}
