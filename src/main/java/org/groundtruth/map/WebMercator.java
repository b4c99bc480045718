package org.groundtruth.map;

import org.jxmapviewer.viewer.TileFactoryInfo;

/**
 * Spherical Web Mercator (EPSG:3857) in "world pixels": at zoom z the world is 256·2^z pixels wide, origin at
 * the north-west corner. The same maths as JxMapViewer2's {@code GeoUtil}, written allocation-free because
 * the renderer and the marker layer call it for every vertex and marker; {@code WebMercatorTest} checks them
 * against each other.
 */
public final class WebMercator {
    public static final int TILE_SIZE = 256;
    public static final double MAX_LATITUDE = 85.05112877980659;
    /** Deepest zoom the map offers. */
    public static final int MAX_ZOOM = 19;
    /** JxMapViewer2 counts zoom the other way (0 = deepest); this describes our grid in its terms. */
    public static final TileFactoryInfo TILE_FACTORY_INFO = new TileFactoryInfo("groundtruth", 0, MAX_ZOOM, MAX_ZOOM,
            TILE_SIZE, true, true, "", "x", "y", "z");

    private WebMercator() {
    }

    public static double worldSize(int zoom) {
        return TILE_SIZE * (double) (1L << zoom);
    }

    /** Longitude → x in 0..1 (fraction of the world width). */
    public static double normX(double lon) {
        return (lon + 180) / 360;
    }

    /** Latitude → y in 0..1 (fraction of the world height, 0 at the north), clamped to the Mercator limit. */
    public static double normY(double lat) {
        double clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
        double sin = Math.sin(Math.toRadians(clamped));
        return 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
    }

    public static double lonOfNormX(double x) {
        return x * 360 - 180;
    }

    public static double latOfNormY(double y) {
        double n = Math.PI - 2 * Math.PI * y;
        return Math.toDegrees(Math.atan(Math.sinh(n)));
    }

    /** The box a tile covers. */
    public static GeoBox tileBox(TileKey tile) {
        double n = 1L << tile.zoom();
        return new GeoBox(lonOfNormX(tile.x() / n), latOfNormY((tile.y() + 1) / n), lonOfNormX((tile.x() + 1) / n),
                latOfNormY(tile.y() / n));
    }

    /** JxMapViewer2's zoom for one of ours. */
    public static int jxZoom(int zoom) {
        return MAX_ZOOM - zoom;
    }

    /** Ground metres per screen pixel at a latitude and zoom (WGS84 equatorial radius). */
    public static double metersPerPixel(double lat, int zoom) {
        return Math.cos(Math.toRadians(lat)) * 2 * Math.PI * 6_378_137 / worldSize(zoom);
    }
}
