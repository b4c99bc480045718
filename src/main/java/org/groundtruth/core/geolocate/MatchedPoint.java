package org.groundtruth.core.geolocate;

import org.groundtruth.core.Require;
import org.groundtruth.core.geo.LatLon;

/** One inlier: a point of the frame (original pixels) and the ground point it matched in the reference. */
public record MatchedPoint(double frameX, double frameY, LatLon ground) {
    public MatchedPoint {
        Require.finiteInRange(frameX, -1e7, 1e7, "frame x");
        Require.finiteInRange(frameY, -1e7, 1e7, "frame y");
        Require.present(ground, "ground point");
    }
}
