package org.groundtruth.core.analysis;

/**
 * Earth-centred, earth-fixed coordinates (metres) of points on the WGS84 ellipsoid. The straight line between
 * two points is never longer than the geodesic between them, so "chord ≤ R" is a safe pre-filter for
 * "geodesic ≤ R" — with no special case at the antimeridian or the poles.
 */
final class Ecef {
    static final double A = 6_378_137.0;
    private static final double F = 1 / 298.257223563;
    private static final double E2 = F * (2 - F);

    private Ecef() {
    }

    /** Writes x, y, z of (lat, lon) in degrees at height 0 into {@code out[offset..offset+2]}. */
    static void toEcef(double latDeg, double lonDeg, double[] out, int offset) {
        double lat = Math.toRadians(latDeg);
        double lon = Math.toRadians(lonDeg);
        double sinLat = Math.sin(lat);
        double cosLat = Math.cos(lat);
        double n = A / Math.sqrt(1 - E2 * sinLat * sinLat);
        out[offset] = n * cosLat * Math.cos(lon);
        out[offset + 1] = n * cosLat * Math.sin(lon);
        out[offset + 2] = n * (1 - E2) * sinLat;
    }
}
