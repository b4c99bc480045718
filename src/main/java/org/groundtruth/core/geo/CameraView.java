package org.groundtruth.core.geo;

import org.groundtruth.core.Require;

/** Where the camera stood and where it looked: bearing clockwise from true north, field of view, both degrees. */
public record CameraView(LatLon position, double bearingDegrees, double fieldOfViewDegrees) {
    public CameraView {
        Require.present(position, "camera position");
        Require.finiteInRange(bearingDegrees, 0, 360, "bearing");
        Require.finiteInRange(fieldOfViewDegrees, 0, 180, "field of view");
    }
}
