package org.groundtruth.media.telemetry;

import org.groundtruth.core.telemetry.TelemetrySample.RelativeOrientation;

/** Unit quaternions (w, x, y, z) to yaw, pitch and roll in degrees (Z-Y-X order). */
final class Quaternions {
    private Quaternions() {
    }

    static RelativeOrientation toAngles(double[] q) {
        double norm = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
        if (!(norm > 1e-9)) {
            return new RelativeOrientation(0, 0, 0);
        }
        double w = q[0] / norm;
        double x = q[1] / norm;
        double y = q[2] / norm;
        double z = q[3] / norm;
        double roll = Math.atan2(2 * (w * x + y * z), 1 - 2 * (x * x + y * y));
        double sinPitch = Math.max(-1, Math.min(1, 2 * (w * y - z * x)));
        double pitch = Math.asin(sinPitch);
        double yaw = Math.atan2(2 * (w * z + x * y), 1 - 2 * (y * y + z * z));
        return new RelativeOrientation(Math.toDegrees(yaw), Math.toDegrees(pitch), Math.toDegrees(roll));
    }
}
