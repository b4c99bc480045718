package org.groundtruth.media.match;

import java.awt.image.BufferedImage;
import java.util.Locale;
import org.groundtruth.core.geolocate.PlaneHomography;
import org.groundtruth.core.geolocate.Rectification;

/**
 * Warps an oblique frame onto the ground plane, so it looks as if seen from above and matches a nadir reference. Only
 * the part of the frame near enough to the camera is kept (where the ground is foreshortened at most
 * {@link #NEAREST_SHARE}: the rows near the horizon would be stretched into a blur); the rest of the picture is
 * transparent, which the feature extractor's mask leaves out.
 */
final class FrameRectifier {
    /** Frame points whose homogeneous w is below this share of the nearest corner's are left out (≈ 8× foreshortening). */
    static final double NEAREST_SHARE = 0.25;

    private FrameRectifier() {
    }

    /**
     * The rectified picture and where it came from.
     *
     * @param image        the frame seen from above (ARGB, transparent outside the used part)
     * @param frameToImage frame pixels → rectified pixels
     * @param usedQuad     the part of the frame kept, in frame pixels: top-left, top-right, bottom-right, bottom-left
     *                     (x0, y0 … x3, y3)
     */
    record Rectified(BufferedImage image, double[] frameToImage, double[] usedQuad) {
    }

    /**
     * @param maxSide the rectified picture's longer side, pixels
     * @throws IllegalArgumentException when the frame shows too little ground in front of the camera
     */
    static Rectified rectify(BufferedImage frame, Rectification rectification, int maxSide) {
        int fw = frame.getWidth();
        int fh = frame.getHeight();
        Rectification r = rectification.forFrameSize(fw, fh);
        double[] g = r.frameToGround();
        double wNear = Math.max(Math.max(w(g, 0, 0), w(g, fw, 0)), Math.max(w(g, fw, fh), w(g, 0, fh)));
        double wMin = Math.min(NEAREST_SHARE * wNear, 0.9 * w(g, r.anchorX(), r.anchorY()));
        double[] left = interval(g[7], g[8], wMin, fh);
        double[] right = interval(g[7], g[6] * fw + g[8], wMin, fh);
        if (left == null || right == null || left[1] - left[0] < 0.05 * fh || right[1] - right[0] < 0.05 * fh) {
            throw new IllegalArgumentException("the frame shows too little ground in front of the camera to rectify"
                    + " (the horizon or the sky fills a side of it)");
        }
        double[] quad = {0, left[0], fw, right[0], fw, right[1], 0, left[1]};
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            double[] p = PlaneHomography.apply(g, quad[2 * i], quad[2 * i + 1]);
            minX = Math.min(minX, p[0]);
            maxX = Math.max(maxX, p[0]);
            minY = Math.min(minY, p[1]);
            maxY = Math.max(maxY, p[1]);
        }
        double span = Math.max(maxX - minX, maxY - minY);
        if (!(span > 0) || !Double.isFinite(span)) {
            throw new IllegalArgumentException("the rectified frame has no extent");
        }
        double s = maxSide / span;
        int ow = Math.max(16, (int) Math.ceil((maxX - minX) * s));
        int oh = Math.max(16, (int) Math.ceil((maxY - minY) * s));
        double[] toImage = PlaneHomography.multiply(new double[] {s, 0, -minX * s, 0, s, -minY * s, 0, 0, 1}, g);
        double[] back = PlaneHomography.invert(toImage);
        int[] src = frame.getRGB(0, 0, fw, fh, null, 0, fw);
        int[] out = new int[ow * oh];
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                double[] p = PlaneHomography.applyHomogeneous(back, x + 0.5, y + 0.5);
                double u = p[0] / p[2];
                double v = p[1] / p[2];
                if (inside(quad, u, v) && w(g, u, v) >= wMin * 0.999) {
                    out[y * ow + x] = 0xff000000 | bilinear(src, fw, fh, u - 0.5, v - 0.5);
                }
            }
        }
        BufferedImage image = new BufferedImage(ow, oh, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, ow, oh, out, 0, ow);
        return new Rectified(image, toImage, quad);
    }

    private static double w(double[] g, double x, double y) {
        return g[6] * x + g[7] * y + g[8];
    }

    /** The part of [0, length] where a·t + b ≥ min, or null when there is none. */
    private static double[] interval(double a, double b, double min, double length) {
        double lo = 0;
        double hi = length;
        if (Math.abs(a) < 1e-15) {
            return b >= min ? new double[] {lo, hi} : null;
        }
        double t = (min - b) / a;
        if (a > 0) {
            lo = Math.max(lo, t);
        } else {
            hi = Math.min(hi, t);
        }
        return hi > lo ? new double[] {lo, hi} : null;
    }

    /** Inside a convex quadrilateral (either winding). */
    static boolean inside(double[] q, double x, double y) {
        int sign = 0;
        for (int i = 0; i < 4; i++) {
            double ax = q[2 * i];
            double ay = q[2 * i + 1];
            double bx = q[2 * ((i + 1) % 4)];
            double by = q[2 * ((i + 1) % 4) + 1];
            double c = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
            int s = c > 1e-9 ? 1 : c < -1e-9 ? -1 : 0;
            if (s != 0) {
                if (sign != 0 && s != sign) {
                    return false;
                }
                sign = s;
            }
        }
        return true;
    }

    private static int bilinear(int[] px, int w, int h, double x, double y) {
        double cx = Math.max(0, Math.min(w - 1.001, x));
        double cy = Math.max(0, Math.min(h - 1.001, y));
        int x0 = (int) cx;
        int y0 = (int) cy;
        int x1 = Math.min(w - 1, x0 + 1);
        int y1 = Math.min(h - 1, y0 + 1);
        double fx = cx - x0;
        double fy = cy - y0;
        int out = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            double a = (px[y0 * w + x0] >> shift & 0xff) * (1 - fx) + (px[y0 * w + x1] >> shift & 0xff) * fx;
            double b = (px[y1 * w + x0] >> shift & 0xff) * (1 - fx) + (px[y1 * w + x1] >> shift & 0xff) * fx;
            out |= ((int) Math.round(a * (1 - fy) + b * fy) & 0xff) << shift;
        }
        return out;
    }

    static String describe(Rectified r) {
        return String.format(Locale.ROOT, "%d×%d rectified", r.image().getWidth(), r.image().getHeight());
    }
}
