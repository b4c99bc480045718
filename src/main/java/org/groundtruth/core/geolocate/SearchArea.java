package org.groundtruth.core.geolocate;

import java.util.Locale;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.Require;
import org.groundtruth.core.geo.LatLon;

/** The rectangle to search, in WGS84 degrees (west ≤ east, south ≤ north). */
public record SearchArea(double minLon, double minLat, double maxLon, double maxLat) {
    public SearchArea {
        Require.finiteInRange(minLon, -180, 180, "minimum longitude");
        Require.finiteInRange(maxLon, -180, 180, "maximum longitude");
        Require.finiteInRange(minLat, -85.05, 85.05, "minimum latitude");
        Require.finiteInRange(maxLat, -85.05, 85.05, "maximum latitude");
        if (minLon >= maxLon || minLat >= maxLat) {
            throw new IllegalArgumentException("the search area must have MINLON < MAXLON and MINLAT < MAXLAT");
        }
    }

    /** Parses {@code MINLON,MINLAT,MAXLON,MAXLAT}. */
    public static SearchArea parse(String text) {
        String[] parts = text.trim().split("\\s*,\\s*");
        if (parts.length != 4) {
            throw new BadInputException("area must be MINLON,MINLAT,MAXLON,MAXLAT: " + text);
        }
        try {
            return new SearchArea(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                    Double.parseDouble(parts[2]), Double.parseDouble(parts[3]));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("area " + text + ": " + e.getMessage());
        }
    }

    public boolean intersects(SearchArea other) {
        return minLon <= other.maxLon && maxLon >= other.minLon && minLat <= other.maxLat && maxLat >= other.minLat;
    }

    public SearchArea intersection(SearchArea other) {
        return new SearchArea(Math.max(minLon, other.minLon), Math.max(minLat, other.minLat),
                Math.min(maxLon, other.maxLon), Math.min(maxLat, other.maxLat));
    }

    public LatLon center() {
        return new LatLon((minLat + maxLat) / 2, (minLon + maxLon) / 2);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f", minLon, minLat, maxLon, maxLat);
    }
}
