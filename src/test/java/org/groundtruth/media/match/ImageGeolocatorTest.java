package org.groundtruth.media.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.geo.Geodesy;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.geolocate.CellFeatureCache;
import org.groundtruth.core.geolocate.CellFeatures;
import org.groundtruth.core.geolocate.CellKey;
import org.groundtruth.core.geolocate.MatchCandidate;
import org.groundtruth.core.geolocate.MatchParameters;
import org.groundtruth.core.geolocate.MercatorPixels;
import org.groundtruth.core.geolocate.SearchReport;
import org.groundtruth.map.imagery.ReferenceLayer;
import org.groundtruth.media.StillImageDecoder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Matching against the real Brighton Beach reference (0.15 m, EPSG:32615): a chip of it warped by a known homography,
 * blurred, recompressed and colour-shifted is found within 1 m, a second search reads every cell from the cache and
 * finds the same, and a photo of another place gives no candidate above the acceptance score.
 */
class ImageGeolocatorTest {
    static final Path AERIAL = Path.of("..", "shared", "data", "aerial");
    static final int ZOOM = 19;
    private static ReferenceLayer layer;

    @BeforeAll
    static void open() {
        layer = ReferenceLayer.open(AERIAL.resolve("brighton-beach/ortho-from-model-0.15m-epsg32615.tif"));
    }

    @AfterAll
    static void close() {
        layer.close();
    }

    @Test
    void aWarpedBlurredRecompressedColourShiftedChipIsFoundWithinOneMetre() throws Exception {
        // the reference at zoom 19 as one mosaic, in world pixels from (x0, y0)
        int tx0 = (int) (MercatorPixels.x(layer.bounds().minLon(), ZOOM) / 256);
        int tx1 = (int) (MercatorPixels.x(layer.bounds().maxLon(), ZOOM) / 256);
        int ty0 = (int) (MercatorPixels.y(layer.bounds().maxLat(), ZOOM) / 256);
        int ty1 = (int) (MercatorPixels.y(layer.bounds().minLat(), ZOOM) / 256);
        int mw = (tx1 - tx0 + 1) * 256;
        int mh = (ty1 - ty0 + 1) * 256;
        int[] mosaic = new int[mw * mh];
        for (int ty = ty0; ty <= ty1; ty++) {
            for (int tx = tx0; tx <= tx1; tx++) {
                Optional<int[]> tile = layer.tile(ZOOM, tx, ty);
                if (tile.isPresent()) {
                    for (int row = 0; row < 256; row++) {
                        System.arraycopy(tile.get(), row * 256, mosaic, ((ty - ty0) * 256 + row) * mw + (tx - tx0) * 256, 256);
                    }
                }
            }
        }
        // the ground point under the frame's centre: the park in the middle of the reference
        LatLon truth = new LatLon(46.84265, -91.99390);
        double cx = MercatorPixels.x(truth.lon(), ZOOM) - tx0 * 256.0;
        double cy = MercatorPixels.y(truth.lat(), ZOOM) - ty0 * 256.0;
        int fw = 800;
        int fh = 600;
        // frame pixel → mosaic pixel: rotated 160°, 0.45 mosaic pixels per frame pixel, a little perspective
        double angle = Math.toRadians(160);
        double s = 0.45;
        double[] h = {s * Math.cos(angle), -s * Math.sin(angle), 0, s * Math.sin(angle), s * Math.cos(angle), 0, 2e-5, -1e-5, 1};
        // centred: the frame centre lands on (cx, cy)
        double[] shift = Homographies.multiply(Homographies.translate(cx, cy),
                Homographies.multiply(h, Homographies.translate(-fw / 2.0, -fh / 2.0)));
        BufferedImage frame = new BufferedImage(fw, fh, BufferedImage.TYPE_INT_RGB);
        for (int v = 0; v < fh; v++) {
            for (int u = 0; u < fw; u++) {
                double[] p = Homographies.apply(shift, u, v);
                frame.setRGB(u, v, shifted(bilinear(mosaic, mw, mh, p[0], p[1])));
            }
        }
        BufferedImage degraded = recompress(blur(frame), 0.6f);

        Map<CellKey, CellFeatures> store = new HashMap<>();
        CellFeatureCache cache = new CellFeatureCache() {
            @Override
            public Optional<CellFeatures> get(CellKey key) {
                return Optional.ofNullable(store.get(key));
            }

            @Override
            public void put(CellKey key, CellFeatures features) {
                store.put(key, features);
            }
        };
        MatchParameters parameters = MatchParameters.defaults().withScales(2);
        SearchReport cold = new ImageGeolocator(cache, 2).search(degraded, layer, Optional.empty(), parameters, ProgressMonitor.NONE);
        assertThat(cold.candidates()).isNotEmpty();
        MatchCandidate best = cold.candidates().get(0);
        assertThat(Geodesy.measure(best.center(), truth).distanceMeters()).isLessThan(1.0);
        assertThat(best.inliers()).isGreaterThanOrEqualTo(parameters.minInliers());
        assertThat(best.score()).isGreaterThanOrEqualTo(parameters.acceptanceScore());
        // the footprint's corners are where the known homography puts the frame's corners
        double[] corner = Homographies.apply(shift, 0, 0);
        LatLon topLeft = MercatorPixels.latLon(corner[0] + tx0 * 256.0, corner[1] + ty0 * 256.0, ZOOM);
        assertThat(Geodesy.measure(best.footprint().get(0), topLeft).distanceMeters()).isLessThan(2.0);
        assertThat(cold.cellsFromCache()).isZero();

        SearchReport warm = new ImageGeolocator(cache, 2).search(degraded, layer, Optional.empty(), parameters, ProgressMonitor.NONE);
        assertThat(warm.cellsFromCache()).isEqualTo(warm.cells());
        assertThat(warm.candidates().get(0).center()).isEqualTo(best.center());
    }

    @Test
    void aPhotoOfAnotherPlaceGivesNoCandidate() {
        BufferedImage elsewhere = new StillImageDecoder().decode(AERIAL.resolve("caliterra/IMG_9360.jpg"), 1024).image();
        SearchReport report = new ImageGeolocator(CellFeatureCache.NONE, 2).search(elsewhere, layer, Optional.empty(),
                MatchParameters.defaults().withScales(2), ProgressMonitor.NONE);
        assertThat(report.candidates()).isEmpty();
        assertThat(report.cells()).isPositive();
        assertThat(report.bestRejectedScore()).isLessThan(MatchParameters.defaults().acceptanceScore());
    }

    private static int bilinear(int[] px, int w, int h, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        if (x0 < 0 || y0 < 0 || x0 + 1 >= w || y0 + 1 >= h) {
            return 0;
        }
        double fx = x - x0;
        double fy = y - y0;
        int out = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            double a = (px[y0 * w + x0] >> shift & 0xff) * (1 - fx) + (px[y0 * w + x0 + 1] >> shift & 0xff) * fx;
            double b = (px[(y0 + 1) * w + x0] >> shift & 0xff) * (1 - fx) + (px[(y0 + 1) * w + x0 + 1] >> shift & 0xff) * fx;
            out |= ((int) Math.round(a * (1 - fy) + b * fy) & 0xff) << shift;
        }
        return out;
    }

    /** A colour shift: warmer and brighter, as another camera and another day would give. */
    private static int shifted(int rgb) {
        int r = Math.min(255, (int) ((rgb >> 16 & 0xff) * 1.1 + 12));
        int g = Math.min(255, (int) ((rgb >> 8 & 0xff) * 0.95 + 5));
        int b = Math.max(0, (int) ((rgb & 0xff) * 0.85));
        return r << 16 | g << 8 | b;
    }

    /** A 5×5 box blur. */
    private static BufferedImage blur(BufferedImage in) {
        float[] k = new float[25];
        java.util.Arrays.fill(k, 1f / 25);
        BufferedImage out = new BufferedImage(in.getWidth(), in.getHeight(), BufferedImage.TYPE_INT_RGB);
        new java.awt.image.ConvolveOp(new java.awt.image.Kernel(5, 5, k), java.awt.image.ConvolveOp.EDGE_NO_OP, null)
                .filter(in, out);
        return out;
    }

    private static BufferedImage recompress(BufferedImage in, float quality) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var param = writer.getDefaultWriteParam();
        param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        try (var out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new javax.imageio.IIOImage(in, null, null), param);
        }
        writer.dispose();
        return ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
    }
}
