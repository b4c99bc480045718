package org.groundtruth.core.telemetry;

import org.groundtruth.core.Require;
import org.groundtruth.core.geo.LatLon;

/**
 * Where a camera was and how it pointed: position, height above the ground in metres (flat ground at the take-off
 * elevation), yaw clockwise from true north, pitch (0 level, −90 straight down), roll (positive: the image turns
 * clockwise), horizontal field of view, all degrees, and the frame's aspect ratio (width / height).
 */
public record CameraPose(LatLon position, double heightAboveGroundMetres, double yawDegrees, double pitchDegrees,
        double rollDegrees, double horizontalFovDegrees, double aspectRatio) {
    public CameraPose {
        Require.present(position, "camera position");
        Require.finiteInRange(heightAboveGroundMetres, 0.01, 100_000, "height above ground (metres)");
        Require.finiteInRange(yawDegrees, -360, 360, "yaw");
        Require.finiteInRange(pitchDegrees, -180, 180, "pitch");
        Require.finiteInRange(rollDegrees, -180, 180, "roll");
        Require.finiteInRange(horizontalFovDegrees, 0.1, 179, "horizontal field of view");
        Require.finiteInRange(aspectRatio, 0.05, 20, "aspect ratio");
    }

    public CameraPose withYawPitchHeight(double yaw, double pitch, double height) {
        return new CameraPose(position, height, yaw % 360, pitch, rollDegrees, horizontalFovDegrees, aspectRatio);
    }
}
