package org.groundtruth.media.insignia;

import java.util.Optional;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.global.opencv_calib3d;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.DMatchVectorVector;
import org.bytedeco.opencv.opencv_core.KeyPointVector;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_features2d.BFMatcher;
import org.bytedeco.opencv.opencv_features2d.SIFT;
import org.groundtruth.core.insignia.MatchMethod;

/**
 * Feature matching with a homography check (decision 1830): SIFT keypoints of a region around a coloured blob are
 * matched with the template's ({@link FeatureTemplate}; Lowe's ratio test), a homography is estimated by RANSAC, and
 * it is accepted only when it is plausible — enough inliers, a convex projected quadrilateral turned the template's
 * way (no mirror), no corner sharper than {@value #MIN_CORNER_DEGREES}°, opposite sides at most
 * {@value #MAX_SIDE_RATIO} to one, and the quadrilateral's box inside the frame. The candidate's box is that
 * quadrilateral's bounding box; its score rises with the inliers. It finds strongly tilted and turned emblems that
 * a stretched template cannot fit, where the emblem is large enough to carry keypoints.
 */
final class HomographyMatcher {
    /** A blob must be at least this many pixels across to be looked at with features (smaller ones have too few). */
    static final int MIN_BLOB_SIDE = 40;
    /** Lowe's ratio test: the best match must be clearly better than the second best. */
    private static final double RATIO = 0.75;
    static final int MIN_INLIERS = 12;
    /** At least this share of the ratio-tested matches must agree with the homography. */
    private static final double MIN_INLIER_SHARE = 0.3;
    /** Inliers at which the score reaches 1. */
    private static final int FULL_INLIERS = 60;
    private static final double RANSAC_PIXELS = 5.0;
    static final double MIN_CORNER_DEGREES = 30;
    static final double MAX_SIDE_RATIO = 3.0;
    /** The quadrilateral's box may reach this share of its size outside the frame (an emblem at the border). */
    private static final double OUTSIDE_TOLERANCE = 0.05;

    private final double minScore;
    private final int minSizePixels;

    HomographyMatcher(double minScore, int minSizePixels) {
        this.minScore = minScore;
        this.minSizePixels = minSizePixels;
    }

    /**
     * The template found by a plausible homography around a coloured blob of the frame ({@code gray}, the frame in
     * gray levels), given the blob's shape moments in frame pixels, if it is there.
     */
    Optional<EmblemMatcher.Match> find(Mat gray, ShapeMoments blob, FeatureTemplate template) {
        Optional<ShapeNormal> normal = ShapeNormal.of(blob);
        if (normal.isEmpty()) {
            return Optional.empty();
        }
        // the part of the frame the normalised square covers, so only that is smoothed and warped
        Rect region = clip(bounds(corners(normal.get())), gray.cols(), gray.rows());
        if (region.width() < 8 || region.height() < 8) {
            return Optional.empty();
        }
        ShapeNormal local = normal.get().shifted(region.x(), region.y());
        try (Mat flat = new Mat(); KeyPointVector keypoints = new KeyPointVector(); Mat descriptors = new Mat();
                SIFT sift = SIFT.create(); BFMatcher matcher = new BFMatcher(opencv_core.NORM_L2, false);
                DMatchVectorVector knn = new DMatchVectorVector()) {
            local.warp(gray.apply(region), flat, opencv_imgproc.INTER_LINEAR);
            sift.detectAndCompute(flat, new Mat(), keypoints, descriptors);
            if (keypoints.size() < MIN_INLIERS || descriptors.empty()) {
                return Optional.empty();
            }
            matcher.knnMatch(descriptors, template.descriptors(), knn, 2);
            int n = 0;
            float[] src = new float[2 * (int) knn.size()];
            float[] dst = new float[2 * (int) knn.size()];
            for (long i = 0; i < knn.size(); i++) {
                var pair = knn.get(i);
                if (pair.size() < 2 || pair.get(0).distance() >= RATIO * pair.get(1).distance()) {
                    continue;
                }
                int t = pair.get(0).trainIdx();
                double[] p = local.back(keypoints.get(pair.get(0).queryIdx()).pt().x(), keypoints.get(pair.get(0).queryIdx()).pt().y());
                src[2 * n] = template.x(t);
                src[2 * n + 1] = template.y(t);
                dst[2 * n] = (float) (p[0] + region.x());
                dst[2 * n + 1] = (float) (p[1] + region.y());
                n++;
            }
            if (n < MIN_INLIERS) {
                return Optional.empty();
            }
            return homography(src, dst, n, template, gray.cols(), gray.rows());
        }
    }

    /** The normalised square's corners in the source's pixels. */
    private static double[] corners(ShapeNormal normal) {
        double[] quad = new double[8];
        int[][] at = {{0, 0}, {ShapeNormal.CANVAS, 0}, {ShapeNormal.CANVAS, ShapeNormal.CANVAS}, {0, ShapeNormal.CANVAS}};
        for (int i = 0; i < 4; i++) {
            double[] p = normal.back(at[i][0], at[i][1]);
            quad[2 * i] = p[0];
            quad[2 * i + 1] = p[1];
        }
        return quad;
    }

    private Optional<EmblemMatcher.Match> homography(float[] src, float[] dst, int n, FeatureTemplate template, int frameWidth,
            int frameHeight) {
        try (Mat from = points(src, n); Mat to = points(dst, n); Mat inlierMask = new Mat();
                Mat h = opencv_calib3d.findHomography(from, to, opencv_calib3d.RANSAC, RANSAC_PIXELS, inlierMask, 2000, 0.995)) {
            if (h.empty()) {
                return Optional.empty();
            }
            int inliers = opencv_core.countNonZero(inlierMask);
            if (inliers < MIN_INLIERS || inliers < MIN_INLIER_SHARE * n) {
                return Optional.empty();
            }
            double[] quad = project(h, template.width(), template.height());
            if (!plausible(quad, frameWidth, frameHeight, minSizePixels)) {
                return Optional.empty();
            }
            double score = Math.min(1, minScore + (1 - minScore) * (inliers - MIN_INLIERS) / (double) (FULL_INLIERS - MIN_INLIERS));
            return Optional.of(new EmblemMatcher.Match(clip(bounds(quad), frameWidth, frameHeight), score, MatchMethod.FEATURES));
        }
    }

    /** The template's corners (top left, top right, bottom right, bottom left) mapped by {@code h}: x0, y0, … x3, y3. */
    static double[] project(Mat h, int width, int height) {
        double[] m = new double[9];
        try (Mat h64 = new Mat()) {
            h.convertTo(h64, opencv_core.CV_64F);
            DoubleIndexer idx = h64.createIndexer();
            for (int i = 0; i < 9; i++) {
                m[i] = idx.get(i / 3, i % 3);
            }
            idx.close();
        }
        double[] corners = {0, 0, width, 0, width, height, 0, height};
        double[] quad = new double[8];
        for (int i = 0; i < 4; i++) {
            double x = corners[2 * i];
            double y = corners[2 * i + 1];
            double w = m[6] * x + m[7] * y + m[8];
            if (Math.abs(w) < 1e-9 || w < 0) {
                // a corner behind the camera: no real view of a flat emblem does that
                return new double[] {Double.NaN, 0, 0, 0, 0, 0, 0, 0};
            }
            quad[2 * i] = (m[0] * x + m[1] * y + m[2]) / w;
            quad[2 * i + 1] = (m[3] * x + m[4] * y + m[5]) / w;
        }
        return quad;
    }

    /**
     * Whether a projected template quadrilateral is a view of a flat emblem a camera could give: finite, convex and
     * turned the template's way, no corner sharper than {@value #MIN_CORNER_DEGREES}° (or blunter than its
     * complement), opposite sides at most {@value #MAX_SIDE_RATIO} to one, at least {@code minSide} px across and its
     * box inside the frame.
     */
    static boolean plausible(double[] quad, int frameWidth, int frameHeight, int minSide) {
        for (double v : quad) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        double[] sides = new double[4];
        for (int i = 0; i < 4; i++) {
            int j = (i + 1) % 4;
            int k = (i + 2) % 4;
            double ax = quad[2 * j] - quad[2 * i];
            double ay = quad[2 * j + 1] - quad[2 * i + 1];
            double bx = quad[2 * k] - quad[2 * j];
            double by = quad[2 * k + 1] - quad[2 * j + 1];
            double cross = ax * by - ay * bx;
            sides[i] = Math.hypot(ax, ay);
            if (cross <= 0 || sides[i] < 1) {
                // not convex, or mirrored (the template's corners run clockwise on screen)
                return false;
            }
            // interior angle at corner j, between the sides j->i and j->k
            double angle = Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, (-ax * bx - ay * by) / (Math.hypot(ax, ay) * Math.hypot(bx, by) + 1e-12)))));
            if (angle < MIN_CORNER_DEGREES || angle > 180 - MIN_CORNER_DEGREES) {
                return false;
            }
        }
        if (Math.max(sides[0], sides[2]) > MAX_SIDE_RATIO * Math.min(sides[0], sides[2])
                || Math.max(sides[1], sides[3]) > MAX_SIDE_RATIO * Math.min(sides[1], sides[3])) {
            return false;
        }
        Rect box = bounds(quad);
        int across = Math.max(box.width(), box.height());
        double slack = OUTSIDE_TOLERANCE * across;
        return across >= minSide && box.x() >= -slack && box.y() >= -slack && box.x() + box.width() <= frameWidth + slack
                && box.y() + box.height() <= frameHeight + slack;
    }

    static Rect bounds(double[] quad) {
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            minX = Math.min(minX, quad[2 * i]);
            maxX = Math.max(maxX, quad[2 * i]);
            minY = Math.min(minY, quad[2 * i + 1]);
            maxY = Math.max(maxY, quad[2 * i + 1]);
        }
        int x = (int) Math.floor(minX);
        int y = (int) Math.floor(minY);
        return new Rect(x, y, (int) Math.ceil(maxX) - x, (int) Math.ceil(maxY) - y);
    }

    private static Mat points(float[] xy, int n) {
        Mat m = new Mat(n, 1, opencv_core.CV_32FC2);
        FloatIndexer idx = m.createIndexer();
        for (int i = 0; i < n; i++) {
            idx.put(i, 0, 0, xy[2 * i]);
            idx.put(i, 0, 1, xy[2 * i + 1]);
        }
        idx.close();
        return m;
    }

    private static Rect clip(Rect r, int width, int height) {
        int x = Math.max(0, r.x());
        int y = Math.max(0, r.y());
        int right = Math.min(width, r.x() + r.width());
        int bottom = Math.min(height, r.y() + r.height());
        return new Rect(x, y, Math.max(0, right - x), Math.max(0, bottom - y));
    }
}
