package org.groundtruth.map;

import org.groundtruth.core.Require;
import org.groundtruth.core.geo.LatLon;

/** A longitude/latitude box in WGS84 degrees, west ≤ east (boxes across the antimeridian are not needed here). */
public record GeoBox(double west, double south, double east, double north) {
    public GeoBox {
        Require.finiteInRange(west, -180, 180, "west");
        Require.finiteInRange(east, -180, 180, "east");
        Require.finiteInRange(south, -90, 90, "south");
        Require.finiteInRange(north, -90, 90, "north");
        if (west > east || south > north) {
            throw new IllegalArgumentException("box west/south must not exceed east/north: " + west + "," + south + "," + east + "," + north);
        }
    }

    public static final GeoBox WORLD = new GeoBox(-180, -WebMercator.MAX_LATITUDE, 180, WebMercator.MAX_LATITUDE);

    public boolean contains(LatLon p) {
        return p.lon() >= west && p.lon() <= east && p.lat() >= south && p.lat() <= north;
    }

    public boolean intersects(GeoBox other) {
        return west <= other.east && east >= other.west && south <= other.north && north >= other.south;
    }

    public LatLon center() {
        return new LatLon((south + north) / 2, (west + east) / 2);
    }
}
