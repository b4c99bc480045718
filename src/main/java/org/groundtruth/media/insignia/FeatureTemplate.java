package org.groundtruth.media.insignia;

import java.util.List;
import java.util.Optional;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.KeyPointVector;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_features2d.SIFT;

/**
 * A template's local features for the homography stage ({@link HomographyMatcher}, decision 1830): SIFT keypoints
 * and descriptors of the template drawn at {@value #SIDE} px on its longer side and <em>shape-normalised</em> — warped
 * so that its coloured part's spread (second moments) is round, as {@link ShapeNormal} does with a blob of the frame.
 * A tilted emblem's blob normalised the same way differs from it by a rotation only, which SIFT does not mind; without
 * this, SIFT found almost no matches beyond a tilt of 0.5. Keypoint positions are kept in the drawn template's
 * pixels. Only a template with at least {@value #MIN_KEYPOINTS} keypoints gets one — a detailed badge with lettering
 * has 160 or more, the starter set's symbols 0–70 (the Star of Life's staff gives it some) — so plain symbols keep the
 * correlation path alone.
 */
final class FeatureTemplate implements AutoCloseable {
    /** Longer side the template is drawn at before it is normalised. */
    static final int SIDE = 256;
    /** Fewer keypoints than this: the template is too plain for feature matching. */
    static final int MIN_KEYPOINTS = 100;

    /** Keypoints closer than half this to the picture's edge (in normalised pixels) are left out. */
    private static final int EDGE = 13;
    /** Smoothing of a picture drawn larger, in its own pixels. */
    private static final double UPSCALE_SMOOTHING = 0.6;

    private final Mat descriptors;
    private final float[] points;
    private final int width;
    private final int height;

    private FeatureTemplate(Mat descriptors, float[] points, int width, int height) {
        this.descriptors = descriptors;
        this.points = points;
        this.width = width;
        this.height = height;
    }

    /**
     * The features of a template picture (BGR) under its mask (255 where part of the emblem), normalised by the shape
     * of its pixels of {@code hues} (of the whole mask when it has none), when it has enough keypoints.
     */
    static Optional<FeatureTemplate> of(Mat bgr, Mat mask, List<HueRange> hues) {
        double f = (double) SIDE / Math.max(bgr.cols(), bgr.rows());
        Size size = new Size(Math.max(8, (int) Math.round(bgr.cols() * f)), Math.max(8, (int) Math.round(bgr.rows() * f)));
        try (Mat colour = new Mat(); Mat scaled = new Mat(); Mat scaledMask = new Mat(); Mat gray = new Mat()) {
            opencv_imgproc.resize(bgr, colour, size, 0, 0, f < 1 ? opencv_imgproc.INTER_AREA : opencv_imgproc.INTER_CUBIC);
            opencv_imgproc.resize(mask, scaledMask, size, 0, 0, opencv_imgproc.INTER_NEAREST);
            opencv_imgproc.cvtColor(colour, gray, opencv_imgproc.COLOR_BGR2GRAY);
            if (f > 1) {
                // a small picture drawn larger: its pixel steps would be found as corners, so smooth them away
                opencv_imgproc.GaussianBlur(gray, gray, new Size(0, 0), UPSCALE_SMOOTHING * f);
            }
            ShapeMoments shape;
            if (hues.isEmpty()) {
                shape = ShapeMoments.of(scaledMask, 0, 0);
            } else {
                try (Mat coloured = PreparedTemplate.colourMask(colour, hues)) {
                    opencv_core.bitwise_and(coloured, scaledMask, coloured);
                    shape = ShapeMoments.of(coloured, 0, 0);
                }
            }
            Optional<ShapeNormal> normal = ShapeNormal.of(shape);
            if (normal.isEmpty()) {
                return Optional.empty();
            }
            try (Mat flat = new Mat(); Mat flatMask = new Mat(); KeyPointVector keypoints = new KeyPointVector(); SIFT sift = SIFT.create()) {
                normal.get().warp(gray, flat, opencv_imgproc.INTER_AREA);
                normal.get().warp(scaledMask, flatMask, opencv_imgproc.INTER_NEAREST);
                // no keypoints at the picture's own edge: its corners and border are the crop, not the emblem
                try (Mat kernel = opencv_imgproc.getStructuringElement(opencv_imgproc.MORPH_RECT, new Size(EDGE, EDGE))) {
                    opencv_imgproc.erode(flatMask, flatMask, kernel, new org.bytedeco.opencv.opencv_core.Point(-1, -1), 1,
                            opencv_core.BORDER_CONSTANT, new org.bytedeco.opencv.opencv_core.Scalar(0, 0, 0, 0));
                }
                Mat descriptors = new Mat();
                sift.detectAndCompute(flat, flatMask, keypoints, descriptors);
                if (keypoints.size() < MIN_KEYPOINTS || descriptors.empty()) {
                    descriptors.close();
                    return Optional.empty();
                }
                float[] points = new float[(int) keypoints.size() * 2];
                for (int i = 0; i < keypoints.size(); i++) {
                    double[] p = normal.get().back(keypoints.get(i).pt().x(), keypoints.get(i).pt().y());
                    points[2 * i] = (float) p[0];
                    points[2 * i + 1] = (float) p[1];
                }
                return Optional.of(new FeatureTemplate(descriptors, points, size.width(), size.height()));
            }
        }
    }

    /** SIFT descriptors, one row per keypoint. */
    Mat descriptors() {
        return descriptors;
    }

    int keypointCount() {
        return points.length / 2;
    }

    /** Keypoint {@code i}'s x in the drawn template. */
    float x(int i) {
        return points[2 * i];
    }

    float y(int i) {
        return points[2 * i + 1];
    }

    /** Width of the drawn template (its keypoints' frame). */
    int width() {
        return width;
    }

    int height() {
        return height;
    }

    @Override
    public void close() {
        descriptors.close();
    }
}
