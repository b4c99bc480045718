package org.groundtruth.core.geo;

import java.util.Locale;
import org.groundtruth.core.Require;

/** One geodesic leg: length in metres and initial azimuth in degrees clockwise from true north (0..360). */
public record Leg(LatLon from, LatLon to, double distanceMeters, double initialAzimuthDegrees) {
    public Leg {
        Require.present(from, "from");
        Require.present(to, "to");
        Require.finiteInRange(distanceMeters, 0, 20_100_000, "distance (metres)");
        Require.finiteInRange(initialAzimuthDegrees, 0, 360, "initial azimuth");
    }

    /** "1.23 km, azimuth 45.6°": what the map shows and the clipboard receives. */
    public String describe() {
        return Distances.format(distanceMeters) + String.format(Locale.ROOT, ", azimuth %.1f°", initialAzimuthDegrees);
    }
}
