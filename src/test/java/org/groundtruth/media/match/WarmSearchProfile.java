package org.groundtruth.media.match;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;
import org.groundtruth.core.geolocate.CellFeatures;
import org.groundtruth.core.geolocate.CellKey;
import org.groundtruth.core.geolocate.MatchParameters;
import org.groundtruth.core.geolocate.SearchArea;
import org.groundtruth.map.imagery.ReferenceLayer;
import org.groundtruth.media.StillImageDecoder;

/**
 * Where a warm search's time goes (issue 16 speed): the frame's features, reading cached cell features, RootSIFT, and
 * the brute-force nearest neighbours, over the 0.3 m cells of the 1 km² bench area (run GeolocateBench speed first).
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.groundtruth.media.match.WarmSearchProfile}
 */
public final class WarmSearchProfile {
    private WarmSearchProfile() {
    }

    public static void main(String[] args) throws Exception {
        Path tiles = Path.of("target", "geolocate-bench", "brighton-1km.mbtiles");
        BufferedImage image = new StillImageDecoder().decode(Path.of("..", "shared", "data", "aerial", "brighton-beach",
                "images", "DJI_0026.JPG"), 4096).image();
        MatchParameters p = MatchParameters.defaults().withGroundResolution(0.3);
        try (ReferenceLayer layer = ReferenceLayer.open(tiles)) {
            long t0 = System.nanoTime();
            FrameFeatures frame = FrameFeatures.of(image, p.frameMaxSide(), p.maxFrameFeatures());
            long t1 = System.nanoTime();
            System.out.printf(Locale.ROOT, "frame: %d features in %d ms%n", frame.features().count(), (t1 - t0) / 1_000_000);
            SearchArea area = layer.bounds();
            List<Integer> zooms = ImageGeolocator.zooms(layer, area, p);
            long extract = 0;
            long root = 0;
            long knn = 0;
            int cells = 0;
            try (Mat fd = frame.descriptorMat()) {
                for (int z : zooms) {
                    int x0 = (int) (org.groundtruth.core.geolocate.MercatorPixels.x(area.minLon(), z) / 512);
                    int x1 = (int) (org.groundtruth.core.geolocate.MercatorPixels.x(area.maxLon(), z) / 512);
                    int y0 = (int) (org.groundtruth.core.geolocate.MercatorPixels.y(area.maxLat(), z) / 512);
                    int y1 = (int) (org.groundtruth.core.geolocate.MercatorPixels.y(area.minLat(), z) / 512);
                    for (int y = y0; y <= y1; y++) {
                        for (int x = x0; x <= x1; x++) {
                            long a = System.nanoTime();
                            Optional<int[]> px = ImageGeolocator.cellPixels(layer, new CellKey(layer.layerKey(), "x", z, 512, x, y));
                            CellFeatures cf = px.map(v -> SiftExtractor.extract(GrayImage.ofArgb(v, 512, 512), p.maxCellFeatures()))
                                    .orElse(CellFeatures.empty(128));
                            long b = System.nanoTime();
                            try (Mat m = NearestNeighbours.descriptorMat(cf)) {
                                long c = System.nanoTime();
                                NearestNeighbours.of(fd, frame.features().count(), cf);
                                long d = System.nanoTime();
                                extract += b - a;
                                root += c - b;
                                knn += d - c;
                            }
                            cells++;
                        }
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%d cells at zooms %s: SIFT %d ms, RootSIFT %d ms, kNN (incl. its RootSIFT) %d ms%n",
                    cells, zooms, extract / 1_000_000, root / 1_000_000, knn / 1_000_000);
        }
    }
}
