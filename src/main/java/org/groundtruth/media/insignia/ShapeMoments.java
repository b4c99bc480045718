package org.groundtruth.media.insignia;

import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Moments;

/**
 * A binary shape's centroid and second moments (its covariance, in pixels squared). Two shapes' moments give the
 * linear map that turns one into the other up to a rotation: {@code A = sqrt(Cb) · sqrt(Cv)⁻¹}. For a rotation
 * variant of the emblem that map also undoes a perspective squeeze along any direction — the blob's box (stretched
 * along the frame's axes only) cannot, and a tilted, turned emblem then correlated too low (docs/decisions/1820).
 */
record ShapeMoments(double area, double cx, double cy, double xx, double xy, double yy) {

    /** The moments of the non-zero pixels of {@code binary}, its centroid offset by (offsetX, offsetY). */
    static ShapeMoments of(Mat binary, double offsetX, double offsetY) {
        Moments m = opencv_imgproc.moments(binary, true);
        double area = m.m00();
        if (area <= 0) {
            return new ShapeMoments(0, offsetX, offsetY, 0, 0, 0);
        }
        return new ShapeMoments(area, offsetX + m.m10() / area, offsetY + m.m01() / area, m.mu20() / area, m.mu11() / area,
                m.mu02() / area);
    }

    boolean usable() {
        return area >= 6 && xx * yy - xy * xy > 1e-6;
    }

    /**
     * The 2x2 map {a, b, c, d} (row-major) taking this shape's spread to {@code target}'s: the symmetric square root
     * of the target's covariance times the inverse root of this one's.
     */
    double[] mapTo(ShapeMoments target) {
        double[] root = sqrt(target.xx, target.xy, target.yy);
        double[] own = sqrt(xx, xy, yy);
        double det = own[0] * own[3] - own[1] * own[2];
        double[] inv = {own[3] / det, -own[1] / det, -own[2] / det, own[0] / det};
        return new double[] {root[0] * inv[0] + root[1] * inv[2], root[0] * inv[1] + root[1] * inv[3],
            root[2] * inv[0] + root[3] * inv[2], root[2] * inv[1] + root[3] * inv[3]};
    }

    /** The symmetric square root of the symmetric positive-definite [[p, q], [q, r]]. */
    private static double[] sqrt(double p, double q, double r) {
        double s = Math.sqrt(Math.max(1e-12, p * r - q * q));
        double t = Math.sqrt(p + r + 2 * s);
        return new double[] {(p + s) / t, q / t, q / t, (r + s) / t};
    }
}
