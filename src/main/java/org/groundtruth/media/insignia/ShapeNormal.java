package org.groundtruth.media.insignia;

import java.util.Optional;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The affine map that makes a shape's spread round: {@code n = SIGMA · sqrt(C)⁻¹ · (x − centroid) + centre}, from the
 * shape's second moments {@code C}. Two views of one flat emblem, each normalised so, differ by a rotation only
 * (an affine squeeze is undone; perspective nearly so for an emblem small in the view) — the affine normalisation of
 * shape-adapted feature detectors, with the coloured blob as the shape. Used on both sides of the homography stage.
 */
record ShapeNormal(double cx, double cy, double[] forward, double[] inverse) {
    /** Spread (standard deviation along every direction) of the normalised shape, in pixels. */
    static final double SIGMA = 40;
    /** Side of the normalised picture: the shape's centroid in the middle, three spreads each way and a margin. */
    static final int CANVAS = (int) (7 * SIGMA);
    /** A shape stretched more than this one way than the other is no view of an emblem worth normalising. */
    private static final double MAX_ANISOTROPY = 4;

    /** The normalising map of a shape, when its moments are usable and it is not a sliver. */
    static Optional<ShapeNormal> of(ShapeMoments m) {
        if (!m.usable()) {
            return Optional.empty();
        }
        double tr = m.xx() + m.yy();
        double det = m.xx() * m.yy() - m.xy() * m.xy();
        double disc = Math.sqrt(Math.max(0, tr * tr / 4 - det));
        double big = tr / 2 + disc;
        double small = tr / 2 - disc;
        if (small <= 0 || Math.sqrt(big / small) > MAX_ANISOTROPY) {
            return Optional.empty();
        }
        // symmetric square root of C, then its inverse scaled to SIGMA
        double s = Math.sqrt(det);
        double t = Math.sqrt(tr + 2 * s);
        double[] root = {(m.xx() + s) / t, m.xy() / t, m.xy() / t, (m.yy() + s) / t};
        double rootDet = root[0] * root[3] - root[1] * root[2];
        double[] forward = {SIGMA * root[3] / rootDet, -SIGMA * root[1] / rootDet, -SIGMA * root[2] / rootDet, SIGMA * root[0] / rootDet};
        double[] inverse = {root[0] / SIGMA, root[1] / SIGMA, root[2] / SIGMA, root[3] / SIGMA};
        return Optional.of(new ShapeNormal(m.cx(), m.cy(), forward, inverse));
    }

    /**
     * {@code source} warped into the normalised {@value #CANVAS}-px square; outside the source its border pixels are
     * repeated (a black surround would put false corners at a template's edge), masks are 0 there.
     */
    void warp(Mat source, Mat out, int interpolation) {
        double c = CANVAS / 2.0;
        try (Mat map = new Mat(2, 3, opencv_core.CV_64FC1)) {
            DoubleIndexer w = map.createIndexer();
            w.put(0, 0, forward[0]);
            w.put(0, 1, forward[1]);
            w.put(0, 2, c - forward[0] * cx - forward[1] * cy);
            w.put(1, 0, forward[2]);
            w.put(1, 1, forward[3]);
            w.put(1, 2, c - forward[2] * cx - forward[3] * cy);
            w.close();
            // shrinking: smooth first so the warp does not alias (area interpolation does not apply to warps)
            double shrink = Math.sqrt(Math.abs(forward[0] * forward[3] - forward[1] * forward[2]));
            if (shrink < 0.8 && interpolation != opencv_imgproc.INTER_NEAREST) {
                try (Mat smooth = new Mat()) {
                    opencv_imgproc.GaussianBlur(source, smooth, new Size(0, 0), 0.5 / shrink);
                    opencv_imgproc.warpAffine(smooth, out, map, new Size(CANVAS, CANVAS), opencv_imgproc.INTER_LINEAR,
                            opencv_core.BORDER_REPLICATE, new Scalar(0, 0, 0, 0));
                }
            } else {
                boolean mask = interpolation == opencv_imgproc.INTER_NEAREST;
                opencv_imgproc.warpAffine(source, out, map, new Size(CANVAS, CANVAS),
                        mask ? opencv_imgproc.INTER_NEAREST : opencv_imgproc.INTER_LINEAR,
                        mask ? opencv_core.BORDER_CONSTANT : opencv_core.BORDER_REPLICATE, new Scalar(0, 0, 0, 0));
            }
        }
    }

    /** The same map for a crop of the source whose top left corner is (x, y). */
    ShapeNormal shifted(int x, int y) {
        return new ShapeNormal(cx - x, cy - y, forward, inverse);
    }

    /** A point of the normalised square back in the source's pixels. */
    double[] back(double nx, double ny) {
        double c = CANVAS / 2.0;
        double dx = nx - c;
        double dy = ny - c;
        return new double[] {cx + inverse[0] * dx + inverse[1] * dy, cy + inverse[2] * dx + inverse[3] * dy};
    }
}
