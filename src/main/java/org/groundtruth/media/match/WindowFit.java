package org.groundtruth.media.match;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.global.opencv_calib3d;
import org.bytedeco.opencv.opencv_core.Mat;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.geolocate.MatchCandidate;
import org.groundtruth.core.geolocate.MatchConfidence;
import org.groundtruth.core.geolocate.MatchParameters;
import org.groundtruth.core.geolocate.MatchedPoint;
import org.groundtruth.core.geolocate.MercatorPixels;

/**
 * Fits a homography from the frame to one window of reference cells (MAGSAC), checks that it is a plausible view of
 * the ground, and measures it: inliers, their spread over the frame, their residuals, the score.
 */
final class WindowFit {
    /** Largest ratio between the footprint's opposite-side lengths and between its two axes (nadir or rectified). */
    private static final double MAX_DISTORTION = 4;
    private static final int MAX_RECORDED_POINTS = 200;

    private WindowFit() {
    }

    /** Matches of one window: frame points (working pixels) and window points (world pixels minus the origin). */
    record Matches(double[] frame, double[] window, int count) {
    }

    /** The candidate, or empty when the matches do not make a plausible view; {@code rejectedScore[0]} gets the best score seen. */
    static Optional<MatchCandidate> fit(Matches m, FrameFeatures frame, long originX, long originY, int zoom, double windowSize,
            MatchParameters p, double[] rejectedScore) {
        if (m.count() < Math.max(p.minInliers(), 8)) {
            return Optional.empty();
        }
        double[] h = bestModel(m, p);
        if (h == null) {
            return Optional.empty();
        }
        boolean[] inlier = inliers(h, m, p.ransacThresholdPixels());
        int w = frame.workWidth();
        int hgt = frame.workHeight();
        double[] quad = new double[8];
        double[][] corners = {{0, 0}, {w, 0}, {w, hgt}, {0, hgt}};
        for (int i = 0; i < 4; i++) {
            double[] q = Homographies.apply(h, corners[i][0], corners[i][1]);
            if (!(q[2] > 0) || !Double.isFinite(q[0]) || !Double.isFinite(q[1])) {
                return Optional.empty();
            }
            quad[2 * i] = q[0];
            quad[2 * i + 1] = q[1];
        }
        if (!Homographies.convex(quad) || !plausibleShape(quad, windowSize)) {
            return Optional.empty();
        }
        int count = 0;
        double residual = 0;
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < m.count(); i++) {
            if (!inlier[i]) {
                continue;
            }
            double[] q = Homographies.apply(h, m.frame()[2 * i], m.frame()[2 * i + 1]);
            double r = Math.hypot(q[0] - m.window()[2 * i], q[1] - m.window()[2 * i + 1]);
            if (r > p.ransacThresholdPixels()) {
                continue;
            }
            residual += r;
            count++;
            kept.add(new double[] {m.frame()[2 * i], m.frame()[2 * i + 1], m.window()[2 * i], m.window()[2 * i + 1]});
        }
        if (count < p.minInliers()) {
            return Optional.empty();
        }
        double[] inlierFramePoints = new double[2 * count];
        for (int i = 0; i < count; i++) {
            inlierFramePoints[2 * i] = kept.get(i)[0];
            inlierFramePoints[2 * i + 1] = kept.get(i)[1];
        }
        double spread = Math.min(1, Homographies.hullArea(inlierFramePoints) / ((double) w * hgt));
        double meanResidual = residual / count;
        double score = score(count, spread, meanResidual, p);
        if (score < p.acceptanceScore()) {
            rejectedScore[0] = Math.max(rejectedScore[0], score);
            return Optional.empty();
        }
        double[] frameToWorld = Homographies.multiply(Homographies.translate(originX, originY),
                Homographies.multiply(h, Homographies.scale(frame.workScale())));
        int fw = frame.originalWidth();
        int fh = frame.originalHeight();
        double[] c = Homographies.apply(frameToWorld, fw / 2.0, fh / 2.0);
        LatLon center = MercatorPixels.latLon(c[0], c[1], zoom);
        List<LatLon> footprint = new ArrayList<>(4);
        double[][] oc = {{0, 0}, {fw, 0}, {fw, fh}, {0, fh}};
        for (double[] o : oc) {
            double[] q = Homographies.apply(frameToWorld, o[0], o[1]);
            footprint.add(MercatorPixels.latLon(q[0], q[1], zoom));
        }
        double mpp = MercatorPixels.metersPerPixel(center.lat(), zoom);
        List<MatchedPoint> points = new ArrayList<>();
        int step = Math.max(1, count / MAX_RECORDED_POINTS);
        for (int i = 0; i < count; i += step) {
            double[] k = kept.get(i);
            points.add(new MatchedPoint(k[0] / frame.workScale(), k[1] / frame.workScale(),
                    MercatorPixels.latLon(k[2] + originX, k[3] + originY, zoom)));
        }
        return Optional.of(new MatchCandidate(center, footprint, count, spread, meanResidual * mpp, score,
                MatchConfidence.of(count, spread, score, p.acceptanceScore()), mpp, zoom, frameToWorld, fw, fh, points, 1));
    }

    /**
     * The score: inliers, discounted when they cluster in a small part of the frame (chance agreements cluster) and
     * when their residuals approach the threshold.
     */
    static double score(int inliers, double spread, double meanResidualPixels, MatchParameters p) {
        double spreadFactor = Math.min(1, Math.sqrt(spread / 0.05));
        double residualFactor = 1 / (1 + meanResidualPixels / p.ransacThresholdPixels());
        return Math.round(inliers * spreadFactor * residualFactor * 2 * 10) / 10.0;
    }

    private static boolean plausibleShape(double[] q, double windowSize) {
        double top = Math.hypot(q[2] - q[0], q[3] - q[1]);
        double right = Math.hypot(q[4] - q[2], q[5] - q[3]);
        double bottom = Math.hypot(q[6] - q[4], q[7] - q[5]);
        double left = Math.hypot(q[0] - q[6], q[1] - q[7]);
        double min = Math.min(Math.min(top, bottom), Math.min(left, right));
        if (min < 12) {
            return false;
        }
        if (Math.max(top, bottom) / Math.min(top, bottom) > MAX_DISTORTION
                || Math.max(left, right) / Math.min(left, right) > MAX_DISTORTION) {
            return false;
        }
        double area = Math.abs(Homographies.signedArea(q));
        return area <= 4 * windowSize * windowSize;
    }

    /**
     * The better of two fits: MAGSAC over all matches, and a similarity found by RANSAC (two points a sample, so it
     * finds a frame that overlaps the reference only in a corner, where inliers are a few percent of the matches)
     * refined to a homography on its inliers.
     */
    private static double[] bestModel(Matches m, MatchParameters p) {
        double[] best = null;
        int bestCount = -1;
        try (Mat src = points(m.frame(), m.count()); Mat dst = points(m.window(), m.count())) {
            for (double[] h : new double[][] {magsac(src, dst, p), viaSimilarity(src, dst, m, p)}) {
                if (h == null) {
                    continue;
                }
                int count = 0;
                for (boolean b : inliers(h, m, p.ransacThresholdPixels())) {
                    count += b ? 1 : 0;
                }
                if (count > bestCount) {
                    best = h;
                    bestCount = count;
                }
            }
        }
        return best;
    }

    private static double[] magsac(Mat src, Mat dst, MatchParameters p) {
        try (Mat mask = new Mat()) {
            return homography(opencv_calib3d.findHomography(src, dst, opencv_calib3d.USAC_MAGSAC, p.ransacThresholdPixels(),
                    mask, 2000, 0.995), 3);
        }
    }

    private static double[] viaSimilarity(Mat src, Mat dst, Matches m, MatchParameters p) {
        double[] similarity;
        try (Mat mask = new Mat()) {
            similarity = homography(opencv_calib3d.estimateAffinePartial2D(src, dst, mask, opencv_calib3d.RANSAC,
                    2 * p.ransacThresholdPixels(), 5000, 0.995, 10), 2);
        }
        if (similarity == null) {
            return null;
        }
        boolean[] in = inliers(similarity, m, 2 * p.ransacThresholdPixels());
        int n = 0;
        for (boolean b : in) {
            n += b ? 1 : 0;
        }
        if (n < 8) {
            return similarity;
        }
        double[] f = new double[2 * n];
        double[] w = new double[2 * n];
        for (int i = 0, k = 0; i < m.count(); i++) {
            if (in[i]) {
                f[2 * k] = m.frame()[2 * i];
                f[2 * k + 1] = m.frame()[2 * i + 1];
                w[2 * k] = m.window()[2 * i];
                w[2 * k + 1] = m.window()[2 * i + 1];
                k++;
            }
        }
        try (Mat s2 = points(f, n); Mat d2 = points(w, n); Mat mask = new Mat()) {
            double[] refined = homography(opencv_calib3d.findHomography(s2, d2, opencv_calib3d.RANSAC,
                    p.ransacThresholdPixels(), mask, 2000, 0.995), 3);
            return refined == null ? similarity : refined;
        }
    }

    /** A 3×3 (or 2×3 affine, completed) model as a row-major array, or null when OpenCV found none. */
    private static double[] homography(Mat result, int rows) {
        try (result) {
            if (result == null || result.empty() || result.rows() != rows || result.cols() != 3) {
                return null;
            }
            double[] h = {0, 0, 0, 0, 0, 0, 0, 0, 1};
            try (Mat hd = new Mat()) {
                result.convertTo(hd, CV_64F);
                DoubleIndexer idx = hd.createIndexer();
                for (int i = 0; i < 3 * rows; i++) {
                    h[i] = idx.get(i / 3, i % 3);
                }
            }
            for (double v : h) {
                if (!Double.isFinite(v)) {
                    return null;
                }
            }
            return h;
        }
    }

    private static boolean[] inliers(double[] h, Matches m, double threshold) {
        boolean[] in = new boolean[m.count()];
        for (int i = 0; i < m.count(); i++) {
            double[] q = Homographies.apply(h, m.frame()[2 * i], m.frame()[2 * i + 1]);
            in[i] = q[2] > 0 && Math.hypot(q[0] - m.window()[2 * i], q[1] - m.window()[2 * i + 1]) <= threshold;
        }
        return in;
    }

    private static Mat points(double[] xy, int count) {
        Mat mat = new Mat(count, 1, CV_32FC2);
        FloatBuffer buffer = mat.createBuffer();
        for (int i = 0; i < 2 * count; i++) {
            buffer.put(i, (float) xy[i]);
        }
        return mat;
    }
}
