package org.groundtruth.core.geolocate;

import java.util.Locale;
import java.util.Optional;
import org.groundtruth.core.Require;
import org.groundtruth.core.telemetry.CameraPose;
import org.groundtruth.core.telemetry.FootprintCalculator;

/**
 * How an oblique frame is turned into a view from above before it is matched: a plane homography from frame pixels
 * to the ground plane (x to the right, y down the picture: for the telemetry footprint x east and y south, in metres;
 * for four marked points the axes of the marked rectangle, in units of its shorter side).
 *
 * @param frameToGround row-major 3×3 homography, frame pixels (as decoded) → ground plane
 * @param anchorX       a frame pixel known to show the ground in front of the camera (the marked points' centre)
 * @param anchorY       its y
 * @param frameWidth    the frame's width in pixels, as the points were given
 * @param frameHeight   its height
 * @param description   what the rectification came from, for the custody log and the CLI
 */
public record Rectification(double[] frameToGround, double anchorX, double anchorY, int frameWidth, int frameHeight,
        String description) {
    /** A telemetry ray closer to the horizon than this is left out: the ground there is too far and too foreshortened. */
    static final double MIN_DEPRESSION_DEGREES = 3;
    /** The lens assumed when the marked points do not show it and nobody gave it: a typical drone camera's video. */
    public static final double ASSUMED_FOV_DEGREES = 70;

    public Rectification {
        if (frameToGround == null || frameToGround.length != 9) {
            throw new IllegalArgumentException("a homography has 9 coefficients");
        }
        for (double v : frameToGround) {
            Require.finiteInRange(v, -1e300, 1e300, "homography coefficient");
        }
        frameToGround = frameToGround.clone();
        if (frameWidth <= 0 || frameHeight <= 0) {
            throw new IllegalArgumentException("frame size must be positive");
        }
        Require.finiteInRange(anchorX, 0, frameWidth, "anchor x");
        Require.finiteInRange(anchorY, 0, frameHeight, "anchor y");
        Require.nonBlank(description, "description", 500);
        double w = PlaneHomography.applyHomogeneous(frameToGround, anchorX, anchorY)[2];
        if (!(Math.abs(w) > 1e-12)) {
            throw new IllegalArgumentException("the marked ground is on the horizon: it cannot be rectified");
        }
        if (w < 0) { // the same mapping, signed so the ground in front of the camera has w > 0
            for (int i = 0; i < 9; i++) {
                frameToGround[i] = -frameToGround[i];
            }
        }
    }

    @Override
    public double[] frameToGround() {
        return frameToGround.clone();
    }

    /** This rectification for the same frame decoded at another size (the window shows a reduced copy). */
    public Rectification forFrameSize(int width, int height) {
        if (width == frameWidth && height == frameHeight) {
            return this;
        }
        double sx = frameWidth / (double) width;
        double sy = frameHeight / (double) height;
        double[] scale = {sx, 0, 0, 0, sy, 0, 0, 0, 1};
        return new Rectification(PlaneHomography.multiply(frameToGround, scale), Math.min(width, anchorX / sx),
                Math.min(height, anchorY / sy), width, height, description);
    }

    /**
     * From four frame points that are the corners of a rectangle on the ground, in order round it ({@code x0, y0, …
     * x3, y3}, frame pixels). The rectangle's proportions are not given: they are estimated from the perspective of the
     * quadrilateral and the lens (the field of view given; else the one the quadrilateral implies, Zhang &amp; He, "Whiteboard scanning and image enhancement", 2007: a pinhole camera with square
     * pixels and its principal point at the frame centre; else {@link #ASSUMED_FOV_DEGREES}), or from the mean
     * side lengths when the view is straight-on.
     *
     * @throws IllegalArgumentException when a point is outside the frame or the four do not make a convex quadrilateral
     */
    public static Rectification fromGroundRectangle(double[] points, int frameWidth, int frameHeight,
            Optional<Double> horizontalFovDegrees) {
        horizontalFovDegrees.ifPresent(f -> Require.finiteInRange(f, 1, 170, "horizontal field of view (degrees)"));
        if (points.length != 8) {
            throw new IllegalArgumentException("four ground points are needed, " + points.length / 2 + " given");
        }
        for (int i = 0; i < 4; i++) {
            double x = points[2 * i];
            double y = points[2 * i + 1];
            if (!Double.isFinite(x) || !Double.isFinite(y) || x < 0 || y < 0 || x > frameWidth || y > frameHeight) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "ground point %d (%.0f, %.0f) is outside the"
                        + " %d×%d frame", i + 1, x, y, frameWidth, frameHeight));
            }
        }
        double area = 0;
        int sign = 0;
        for (int i = 0; i < 4; i++) {
            double ax = points[2 * i];
            double ay = points[2 * i + 1];
            double bx = points[2 * ((i + 1) % 4)];
            double by = points[2 * ((i + 1) % 4) + 1];
            double cx = points[2 * ((i + 2) % 4)];
            double cy = points[2 * ((i + 2) % 4) + 1];
            double cross = (bx - ax) * (cy - by) - (by - ay) * (cx - bx);
            int s = (int) Math.signum(cross);
            if (s == 0 || (sign != 0 && s != sign)) {
                throw new IllegalArgumentException("the four ground points must be the corners of a rectangle on the"
                        + " ground, in order round it (they cross or three are on one line)");
            }
            sign = s;
            area += ax * by - bx * ay;
        }
        if (Math.abs(area) / 2 < 0.0005 * frameWidth * frameHeight) {
            throw new IllegalArgumentException("the four ground points are too close together to rectify the frame");
        }
        Optional<Double> focal = horizontalFovDegrees.map(f -> frameWidth / 2.0 / Math.tan(Math.toRadians(f / 2)));
        double aspect = rectangleAspect(points, frameWidth / 2.0, frameHeight / 2.0, focal,
                frameWidth / 2.0 / Math.tan(Math.toRadians(ASSUMED_FOV_DEGREES / 2)));
        double[] ground = {0, 0, aspect, 0, aspect, 1, 0, 1};
        double[] h = PlaneHomography.fromFourPoints(points, ground);
        double ax = (points[0] + points[2] + points[4] + points[6]) / 4;
        double ay = (points[1] + points[3] + points[5] + points[7]) / 4;
        return new Rectification(h, ax, ay, frameWidth, frameHeight, String.format(Locale.ROOT,
                "four ground points (%.0f,%.0f; %.0f,%.0f; %.0f,%.0f; %.0f,%.0f), rectangle %.2f:1 estimated%s",
                points[0], points[1], points[2], points[3], points[4], points[5], points[6], points[7], aspect,
                horizontalFovDegrees.map(f -> String.format(Locale.ROOT, " (field of view %.1f°)", f)).orElse("")));
    }

    /**
     * Width / height of the ground rectangle whose corners (in order round it) the frame shows at {@code points},
     * with the principal point at (cx, cy) and the focal length in pixels {@code focal} when known; else the focal
     * length the quadrilateral implies (two finite vanishing points), else {@code assumedFocal}.
     */
    static double rectangleAspect(double[] points, double cx, double cy, Optional<Double> focal, double assumedFocal) {
        double[] m1 = {points[0] - cx, points[1] - cy, 1};
        double[] m2 = {points[2] - cx, points[3] - cy, 1};
        double[] m4 = {points[4] - cx, points[5] - cy, 1};
        double[] m3 = {points[6] - cx, points[7] - cy, 1};
        double k2 = dot(cross(m1, m4), m3) / dot(cross(m2, m4), m3);
        double k3 = dot(cross(m1, m4), m2) / dot(cross(m3, m4), m2);
        double[] n2 = {k2 * m2[0] - m1[0], k2 * m2[1] - m1[1], k2 * m2[2] - m1[2]};
        double[] n3 = {k3 * m3[0] - m1[0], k3 * m3[1] - m1[1], k3 * m3[2] - m1[2]};
        double denominator = n2[2] * n3[2];
        double f2 = focal.map(f -> f * f).orElse(Double.NaN);
        if (focal.isEmpty() && Math.abs(denominator) > 1e-9) {
            f2 = -(n2[0] * n3[0] + n2[1] * n3[1]) / denominator;
            double halfWidth = cx;
            // only a plausible lens (10°..150° across) counts: clicks a few pixels off can imply any focal length
            if (!(f2 > 0) || Math.sqrt(f2) < halfWidth / Math.tan(Math.toRadians(75))
                    || Math.sqrt(f2) > halfWidth / Math.tan(Math.toRadians(5))) {
                f2 = Double.NaN;
            }
        }
        if (!(f2 > 0)) { // one vanishing point at infinity (no roll, the rectangle square to the view): assume a lens
            f2 = assumedFocal * assumedFocal;
        }
        double aspect2 = (n2[0] * n2[0] + n2[1] * n2[1] + f2 * n2[2] * n2[2]) / (n3[0] * n3[0] + n3[1] * n3[1] + f2 * n3[2] * n3[2]);
        if (!(aspect2 > 0) || !Double.isFinite(aspect2)) { // nearly straight-on: the focal length is not observable
            double top = Math.hypot(points[2] - points[0], points[3] - points[1]);
            double bottom = Math.hypot(points[4] - points[6], points[5] - points[7]);
            double left = Math.hypot(points[6] - points[0], points[7] - points[1]);
            double right = Math.hypot(points[4] - points[2], points[5] - points[3]);
            aspect2 = Math.pow((top + bottom) / (left + right), 2);
        }
        return Math.max(0.05, Math.min(20, Math.sqrt(aspect2)));
    }

    /**
     * From the camera's pose (telemetry: position, height above the ground, yaw, pitch, roll, field of view): frame
     * points on the ground projected onto flat ground, east and south in metres. Rows too close to the horizon are left
     * out of the four points (the rectifier leaves them out of the picture too).
     *
     * @return empty when even the bottom of the frame does not look down at the ground
     */
    public static Optional<Rectification> fromCamera(CameraPose pose, int frameWidth, int frameHeight) {
        double minDown = Math.sin(Math.toRadians(MIN_DEPRESSION_DEGREES));
        Optional<double[]> bottomLeft = FootprintCalculator.groundOffsetMeters(pose, -1, -1, minDown);
        Optional<double[]> bottomRight = FootprintCalculator.groundOffsetMeters(pose, 1, -1, minDown);
        if (bottomLeft.isEmpty() || bottomRight.isEmpty()) {
            return Optional.empty();
        }
        for (int step = 0; step < 18; step++) {
            double v = frameHeight * step / 20.0;
            double up = 1 - 2 * v / frameHeight;
            Optional<double[]> topLeft = FootprintCalculator.groundOffsetMeters(pose, -1, up, minDown);
            Optional<double[]> topRight = FootprintCalculator.groundOffsetMeters(pose, 1, up, minDown);
            if (topLeft.isPresent() && topRight.isPresent()) {
                double[] frame = {0, v, frameWidth, v, frameWidth, frameHeight, 0, frameHeight};
                double[] ground = {topLeft.get()[0], -topLeft.get()[1], topRight.get()[0], -topRight.get()[1],
                    bottomRight.get()[0], -bottomRight.get()[1], bottomLeft.get()[0], -bottomLeft.get()[1]};
                double[] h = PlaneHomography.fromFourPoints(frame, ground);
                return Optional.of(new Rectification(h, frameWidth / 2.0, (v + frameHeight) / 2.0, frameWidth, frameHeight,
                        String.format(Locale.ROOT, "telemetry footprint: %.1f m above the ground, yaw %.1f°, pitch %.1f°,"
                                + " roll %.1f°, field of view %.1f°", pose.heightAboveGroundMetres(), pose.yawDegrees(),
                                pose.pitchDegrees(), pose.rollDegrees(), pose.horizontalFovDegrees())));
            }
        }
        return Optional.empty();
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rectification r && java.util.Arrays.equals(r.frameToGround, frameToGround)
                && r.anchorX == anchorX && r.anchorY == anchorY && r.frameWidth == frameWidth
                && r.frameHeight == frameHeight && r.description.equals(description);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(frameToGround) * 31 + description.hashCode();
    }

    @Override
    public String toString() {
        return "Rectification[" + description + "]";
    }
}
