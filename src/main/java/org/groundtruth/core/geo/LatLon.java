package org.groundtruth.core.geo;

import org.groundtruth.core.Require;

/** A WGS84 position in decimal degrees (latitude −90..90, longitude −180..180). */
public record LatLon(double lat, double lon) {
    public LatLon {
        Require.finiteInRange(lat, -90, 90, "latitude");
        Require.finiteInRange(lon, -180, 180, "longitude");
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%.6f, %.6f", lat, lon);
    }
}
