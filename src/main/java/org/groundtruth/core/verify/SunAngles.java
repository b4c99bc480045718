package org.groundtruth.core.verify;

import org.groundtruth.core.Require;

/**
 * Where the sun stands, seen from a place at a moment: azimuth clockwise from true north and altitude above
 * the horizon (with atmospheric refraction), both in degrees.
 */
public record SunAngles(double azimuthDegrees, double altitudeDegrees) {
    public SunAngles {
        Require.finiteInRange(azimuthDegrees, 0, 360, "sun azimuth");
        Require.finiteInRange(altitudeDegrees, -90, 90, "sun altitude");
    }

    public boolean isUp() {
        return altitudeDegrees > 0;
    }

    /** Shadows point away from the sun. */
    public double shadowBearingDegrees() {
        return (azimuthDegrees + 180) % 360;
    }

    /** Length of the shadow cast by an object one metre tall, in metres; infinite when the sun is down. */
    public double shadowLengthPerMetre() {
        return isUp() ? 1 / Math.tan(Math.toRadians(altitudeDegrees)) : Double.POSITIVE_INFINITY;
    }
}
