package org.groundtruth.media.insignia;

import java.util.Optional;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.KeyPointVector;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_features2d.SIFT;

/**
 * A template's local features for the homography stage ({@link HomographyMatcher}, decision 1830): SIFT keypoints
 * and descriptors of the template drawn at {@value #SIDE} px on its longer side, under its mask. Only a template
 * with at least {@value #MIN_KEYPOINTS} keypoints gets one — a detailed badge with lettering has hundreds, the starter
 * set's flat symbols a handful (their corners), too few for a homography to mean anything, so those keep the
 * colour, shape and correlation path alone.
 */
final class FeatureTemplate implements AutoCloseable {
    /** Longer side the template is drawn at before its keypoints are found. */
    static final int SIDE = 256;
    /** Fewer keypoints than this: the template is too plain for feature matching. */
    static final int MIN_KEYPOINTS = 60;

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

    /** The features of a template picture (BGR) under its mask (255 where part of the emblem), when it has enough. */
    static Optional<FeatureTemplate> of(Mat bgr, Mat mask) {
        double f = (double) SIDE / Math.max(bgr.cols(), bgr.rows());
        Size size = new Size(Math.max(8, (int) Math.round(bgr.cols() * f)), Math.max(8, (int) Math.round(bgr.rows() * f)));
        try (Mat gray = new Mat(); Mat scaled = new Mat(); Mat scaledMask = new Mat(); KeyPointVector keypoints = new KeyPointVector();
                SIFT sift = SIFT.create()) {
            opencv_imgproc.cvtColor(bgr, gray, opencv_imgproc.COLOR_BGR2GRAY);
            opencv_imgproc.resize(gray, scaled, size, 0, 0, f < 1 ? opencv_imgproc.INTER_AREA : opencv_imgproc.INTER_CUBIC);
            opencv_imgproc.resize(mask, scaledMask, size, 0, 0, opencv_imgproc.INTER_NEAREST);
            Mat descriptors = new Mat();
            sift.detectAndCompute(scaled, scaledMask, keypoints, descriptors);
            if (keypoints.size() < MIN_KEYPOINTS || descriptors.empty()) {
                descriptors.close();
                return Optional.empty();
            }
            float[] points = new float[(int) keypoints.size() * 2];
            for (int i = 0; i < keypoints.size(); i++) {
                points[2 * i] = keypoints.get(i).pt().x();
                points[2 * i + 1] = keypoints.get(i).pt().y();
            }
            return Optional.of(new FeatureTemplate(descriptors, points, size.width(), size.height()));
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
