package org.groundtruth.core.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.groundtruth.core.geo.Geodesy;
import org.groundtruth.core.geo.LatLon;

/**
 * Projects a frame onto flat ground: each corner ray of a rectilinear (pinhole) camera is intersected with the
 * plane {@code height} metres below the camera, in a local east-north-up frame, and the offsets are laid off on
 * the WGS84 ellipsoid from the camera position. Flat earth at the take-off elevation: fine for the few hundred
 * metres a drone camera sees; hills and buildings move the real footprint.
 */
public final class FootprintCalculator {
    /** Angles are uncertain by about this much (gimbal encoders, compass). */
    static final double ANGLE_ERROR_DEGREES = 1;
    /** Barometric height above take-off drifts by about this fraction. */
    static final double HEIGHT_ERROR_FRACTION = 0.05;
    /** A corner ray this close to the horizon lands kilometres away: treated as not meeting the ground. */
    static final double MIN_DOWNWARD = 1e-3;

    private FootprintCalculator() {
    }

    public static FootprintResult compute(CameraPose pose) {
        double[][] rays = cornerRays(pose);
        String[] names = {"top-left", "top-right", "bottom-right", "bottom-left"};
        for (int i = 0; i < 4; i++) {
            if (rays[i][2] > -MIN_DOWNWARD) {
                return new FootprintResult(Optional.empty(), Optional.of(String.format(Locale.ROOT,
                        "the camera looks above the horizon: the %s corner ray (pitch %.1f°, field of view %.1f°)"
                                + " never meets the ground", names[i], pose.pitchDegrees(), pose.horizontalFovDegrees())));
            }
        }
        double[] forward = axes(pose)[0];
        if (forward[2] > -MIN_DOWNWARD) {
            return new FootprintResult(Optional.empty(), Optional.of("the camera looks above the horizon"));
        }
        List<LatLon> corners = new ArrayList<>(4);
        for (double[] ray : rays) {
            corners.add(ground(pose, ray));
        }
        LatLon centre = ground(pose, forward);
        return new FootprintResult(Optional.of(new Footprint(corners, centre, uncertainty(pose, centre))),
                Optional.empty());
    }

    /**
     * Where the ray through one frame point meets the flat ground: metres east and north of the camera. The point is
     * given as fractions of the half-frame from the centre ({@code right}, {@code up} in −1..1). Empty when the ray
     * points down by less than {@code minDownward} (the sine of its depression angle): it meets the ground too far
     * away or never.
     */
    public static Optional<double[]> groundOffsetMeters(CameraPose pose, double right, double up, double minDownward) {
        double[][] a = axes(pose);
        double tx = Math.tan(Math.toRadians(pose.horizontalFovDegrees() / 2));
        double ty = tx / pose.aspectRatio();
        double[] ray = new double[3];
        for (int k = 0; k < 3; k++) {
            ray[k] = a[0][k] + right * tx * a[1][k] + up * ty * a[2][k];
        }
        double length = Math.sqrt(ray[0] * ray[0] + ray[1] * ray[1] + ray[2] * ray[2]);
        if (!(ray[2] / length < -Math.max(minDownward, MIN_DOWNWARD))) {
            return Optional.empty();
        }
        double t = pose.heightAboveGroundMetres() / -ray[2];
        return Optional.of(new double[] {t * ray[0], t * ray[1]});
    }

    /** Metres across the footprint's near (bottom) or far (top) edge, for checks and the window's legend. */
    public static double edgeMeters(Footprint footprint, boolean top) {
        List<LatLon> c = footprint.corners();
        return top ? Geodesy.measure(c.get(0), c.get(1)).distanceMeters()
                : Geodesy.measure(c.get(3), c.get(2)).distanceMeters();
    }

    private static double uncertainty(CameraPose pose, LatLon centre) {
        double worst = 0;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dp = -1; dp <= 1; dp++) {
                for (int dh = -1; dh <= 1; dh++) {
                    double pitch = Math.max(-180, Math.min(180, pose.pitchDegrees() + dp * ANGLE_ERROR_DEGREES));
                    CameraPose varied = pose.withYawPitchHeight(pose.yawDegrees() + dy * ANGLE_ERROR_DEGREES, pitch,
                            pose.heightAboveGroundMetres() * (1 + dh * HEIGHT_ERROR_FRACTION));
                    double[] f = axes(varied)[0];
                    if (f[2] > -MIN_DOWNWARD) {
                        return 1e8;
                    }
                    worst = Math.max(worst, Geodesy.measure(centre, ground(varied, f)).distanceMeters());
                }
            }
        }
        return Math.min(worst, 1e8);
    }

    private static LatLon ground(CameraPose pose, double[] ray) {
        double t = pose.heightAboveGroundMetres() / -ray[2];
        double east = t * ray[0];
        double north = t * ray[1];
        double distance = Math.hypot(east, north);
        if (distance < 1e-6) {
            return pose.position();
        }
        double azimuth = Math.toDegrees(Math.atan2(east, north));
        return Geodesy.destination(pose.position(), azimuth < 0 ? azimuth + 360 : azimuth, Math.min(distance, 20_000_000));
    }

    /** Rays through the corners (top-left, top-right, bottom-right, bottom-left) in east-north-up. */
    static double[][] cornerRays(CameraPose pose) {
        double[][] a = axes(pose);
        double tx = Math.tan(Math.toRadians(pose.horizontalFovDegrees() / 2));
        double ty = tx / pose.aspectRatio();
        double[][] signs = {{-1, 1}, {1, 1}, {1, -1}, {-1, -1}};
        double[][] rays = new double[4][];
        for (int i = 0; i < 4; i++) {
            rays[i] = new double[3];
            for (int k = 0; k < 3; k++) {
                rays[i][k] = a[0][k] + signs[i][0] * tx * a[1][k] + signs[i][1] * ty * a[2][k];
            }
        }
        return rays;
    }

    /** Forward, right and up axes of the image in east-north-up. */
    static double[][] axes(CameraPose pose) {
        double yaw = Math.toRadians(pose.yawDegrees());
        double pitch = Math.toRadians(pose.pitchDegrees());
        double roll = Math.toRadians(pose.rollDegrees());
        double[] forward = {Math.sin(yaw) * Math.cos(pitch), Math.cos(yaw) * Math.cos(pitch), Math.sin(pitch)};
        double[] right = {Math.cos(yaw), -Math.sin(yaw), 0};
        double[] up = cross(right, forward);
        double[] rolledRight = new double[3];
        double[] rolledUp = new double[3];
        for (int k = 0; k < 3; k++) {
            rolledRight[k] = right[k] * Math.cos(roll) - up[k] * Math.sin(roll);
            rolledUp[k] = up[k] * Math.cos(roll) + right[k] * Math.sin(roll);
        }
        return new double[][] {forward, rolledRight, rolledUp};
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }
}
