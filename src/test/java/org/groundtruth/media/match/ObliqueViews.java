package org.groundtruth.media.match;

import java.awt.image.BufferedImage;
import org.groundtruth.core.geolocate.PlaneHomography;

/**
 * Synthetic oblique views of a nadir photo: a pinhole camera (square pixels, principal point at the centre) above the
 * photo's ground plane, tilted {@code tilt} degrees from straight down and looking towards the photo's +x, renders the
 * photo as it would see it. The ground plane is in photo pixels, so the view is exact for flat ground.
 */
public final class ObliqueViews {
    private ObliqueViews() {
    }

    /** The rendered frame and {@code frameToPhoto}, the plane homography from frame pixels to photo pixels. */
    public record View(BufferedImage frame, double[] frameToPhoto) {
        public double[] framePoint(double photoX, double photoY) {
            return PlaneHomography.apply(PlaneHomography.invert(frameToPhoto), photoX, photoY);
        }
    }

    /**
     * @param tilt   degrees from nadir
     * @param hfov   horizontal field of view, degrees
     * @param centre the photo pixel (x, y) the frame's centre shows
     * @param height camera height above the ground, in photo pixels
     */
    public static View render(BufferedImage photo, double tilt, double hfov, int width, int height, double[] centre, double cameraHeight) {
        double t = Math.toRadians(tilt);
        // world: X = photo x, Y = −photo y, Z up (right-handed); the camera looks along +X
        double[] forward = {Math.sin(t), 0, -Math.cos(t)};
        double[] right = {0, -1, 0};
        double[] down = {-Math.cos(t), 0, -Math.sin(t)};
        double focal = (width / 2.0) / Math.tan(Math.toRadians(hfov / 2));
        double cx = centre[0] - cameraHeight * Math.tan(t);
        double cy = -centre[1];
        double[] frame = {0, 0, width, 0, width, height, 0, height};
        double[] ground = new double[8];
        for (int i = 0; i < 4; i++) {
            double a = (frame[2 * i] - width / 2.0) / focal;
            double b = (frame[2 * i + 1] - height / 2.0) / focal;
            double[] d = {forward[0] + a * right[0] + b * down[0], forward[1] + a * right[1] + b * down[1],
                forward[2] + a * right[2] + b * down[2]};
            if (d[2] >= 0) {
                throw new IllegalArgumentException("corner " + i + " looks above the horizon");
            }
            double s = cameraHeight / -d[2];
            ground[2 * i] = cx + s * d[0];
            ground[2 * i + 1] = -(cy + s * d[1]);
        }
        double[] h = PlaneHomography.fromFourPoints(frame, ground);
        int pw = photo.getWidth();
        int ph = photo.getHeight();
        int[] src = photo.getRGB(0, 0, pw, ph, null, 0, pw);
        int[] out = new int[width * height];
        for (int v = 0; v < height; v++) {
            for (int u = 0; u < width; u++) {
                double[] p = PlaneHomography.apply(h, u + 0.5, v + 0.5);
                out[v * width + u] = sample(src, pw, ph, p[0] - 0.5, p[1] - 0.5);
            }
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, out, 0, width);
        return new View(image, h);
    }

    private static int sample(int[] px, int w, int h, double x, double y) {
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
}
