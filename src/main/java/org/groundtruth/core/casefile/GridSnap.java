package org.groundtruth.core.casefile;

import org.groundtruth.core.Require;
import org.groundtruth.core.geo.LatLon;

/**
 * Coarsens positions for publication: each one moves to the centre of its cell on a grid of roughly
 * {@code cellMeters} square cells (latitude rows of equal height, longitude steps widened by 1/cos(latitude)
 * so cells stay square on the ground). Every point in a cell maps to the same centre, so the published point
 * says only "somewhere in this cell".
 */
public record GridSnap(double cellMeters) {
    public static final double DEFAULT_CELL_METERS = 500;
    /** Metres per degree of latitude (mean); exact enough for a privacy grid. */
    private static final double METERS_PER_DEGREE = 111_320;

    public GridSnap {
        Require.finiteInRange(cellMeters, 1, 1_000_000, "grid cell (metres)");
    }

    public LatLon snap(LatLon point) {
        double latStep = cellMeters / METERS_PER_DEGREE;
        long row = (long) Math.floor((point.lat() + 90) / latStep);
        double lat = Math.min(90, -90 + (row + 0.5) * latStep);
        // The row's centre decides the longitude step, so every point of a row uses the same columns.
        double cos = Math.max(Math.cos(Math.toRadians(lat)), 1e-6);
        double lonStep = Math.min(360, cellMeters / (METERS_PER_DEGREE * cos));
        long column = (long) Math.floor((point.lon() + 180) / lonStep);
        double lon = Math.min(180, -180 + (column + 0.5) * lonStep);
        return new LatLon(round(lat), round(lon));
    }

    /** Seven decimals (about 1 cm) keeps snapped output free of floating-point tails. */
    private static double round(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }
}
