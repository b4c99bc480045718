package org.groundtruth.core.geolocate;

import org.groundtruth.core.geo.LatLon;

/**
 * Web Mercator "world pixels" (256·2^zoom wide, origin at the north-west corner), the grid the reference imagery is
 * read in. Mercator is conformal, so a frame of a small area maps onto it by a homography like onto any map.
 */
public final class MercatorPixels {
    public static final int TILE_SIZE = 256;
    private static final double MAX_LATITUDE = 85.05112877980659;
    private static final double EARTH_RADIUS_METERS = 6_378_137;

    private MercatorPixels() {
    }

    public static double worldSize(int zoom) {
        return TILE_SIZE * (double) (1L << zoom);
    }

    public static double x(double lon, int zoom) {
        return (lon + 180) / 360 * worldSize(zoom);
    }

    public static double y(double lat, int zoom) {
        double clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
        double sin = Math.sin(Math.toRadians(clamped));
        return (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * worldSize(zoom);
    }

    public static LatLon latLon(double x, double y, int zoom) {
        double world = worldSize(zoom);
        double lon = x / world * 360 - 180;
        double n = Math.PI - 2 * Math.PI * (y / world);
        double lat = Math.toDegrees(Math.atan(Math.sinh(n)));
        return new LatLon(Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat)), Math.max(-180, Math.min(180, lon)));
    }

    /** Ground metres per world pixel at a latitude. */
    public static double metersPerPixel(double lat, int zoom) {
        return Math.cos(Math.toRadians(lat)) * 2 * Math.PI * EARTH_RADIUS_METERS / worldSize(zoom);
    }

    /** The deepest zoom whose pixels are not finer than {@code metersPerPixel} (clamped to 0..maxZoom). */
    public static int zoomFor(double metersPerPixel, double lat, int maxZoom) {
        for (int z = maxZoom; z > 0; z--) {
            if (metersPerPixel(lat, z) >= metersPerPixel * 0.75) {
                return z;
            }
        }
        return 0;
    }
}
