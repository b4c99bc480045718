package org.groundtruth.ui.map;

import java.awt.geom.Point2D;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.map.GeoBox;
import org.groundtruth.map.WebMercator;
import org.jxmapviewer.viewer.GeoPosition;
import org.jxmapviewer.viewer.util.GeoUtil;

/**
 * What part of the world the map shows: the centre in world pixels at the current zoom, the zoom, the screen size.
 * Screen ↔ geographic conversions go through JxMapViewer2's {@link GeoUtil} Mercator maths. Immutable: every move
 * returns a new viewport, which keeps redraws and tests simple.
 */
public record MapViewport(double centerX, double centerY, int zoom, double width, double height) {
    public static final int MIN_ZOOM = 1;
    public static final int MAX_ZOOM = WebMercator.MAX_ZOOM;

    public MapViewport {
        if (zoom < MIN_ZOOM || zoom > MAX_ZOOM) {
            throw new IllegalArgumentException("zoom must be between " + MIN_ZOOM + " and " + MAX_ZOOM + ", was " + zoom);
        }
        double world = WebMercator.worldSize(zoom);
        centerX = ((centerX % world) + world) % world;
        centerY = Math.max(0, Math.min(world, centerY));
        width = Math.max(1, width);
        height = Math.max(1, height);
    }

    public static MapViewport centredOn(LatLon center, int zoom, double width, double height) {
        Point2D p = GeoUtil.getBitmapCoordinate(new GeoPosition(clampLat(center.lat()), center.lon()),
                WebMercator.jxZoom(zoom), WebMercator.TILE_FACTORY_INFO);
        return new MapViewport(p.getX(), p.getY(), zoom, width, height);
    }

    public LatLon center() {
        return toLatLon(width / 2, height / 2);
    }

    /** World pixel x of the screen's left edge. */
    public double left() {
        return centerX - width / 2;
    }

    public double top() {
        return centerY - height / 2;
    }

    public LatLon toLatLon(double screenX, double screenY) {
        double world = WebMercator.worldSize(zoom);
        double x = ((left() + screenX) % world + world) % world;
        double y = Math.max(0, Math.min(world, top() + screenY));
        GeoPosition p = GeoUtil.getPosition(new Point2D.Double(x, y), WebMercator.jxZoom(zoom), WebMercator.TILE_FACTORY_INFO);
        return new LatLon(Math.max(-90, Math.min(90, p.getLatitude())), Math.max(-180, Math.min(180, p.getLongitude())));
    }

    /** Screen position of a point, choosing the world copy nearest the screen centre. */
    public Point2D toScreen(LatLon position) {
        Point2D p = GeoUtil.getBitmapCoordinate(new GeoPosition(clampLat(position.lat()), position.lon()),
                WebMercator.jxZoom(zoom), WebMercator.TILE_FACTORY_INFO);
        return new Point2D.Double(wrapNear(p.getX()) - left(), p.getY() - top());
    }

    /** Screen x of a normalised world x (0..1), nearest copy of the world; allocation-free for the marker layer. */
    public double screenXOfNorm(double normX) {
        return wrapNear(normX * WebMercator.worldSize(zoom)) - left();
    }

    public double screenYOfNorm(double normY) {
        return normY * WebMercator.worldSize(zoom) - top();
    }

    private double wrapNear(double worldX) {
        double world = WebMercator.worldSize(zoom);
        double dx = worldX - centerX;
        if (dx > world / 2) {
            return worldX - world;
        }
        if (dx < -world / 2) {
            return worldX + world;
        }
        return worldX;
    }

    public MapViewport panBy(double dx, double dy) {
        return new MapViewport(centerX + dx, centerY + dy, zoom, width, height);
    }

    public MapViewport resized(double newWidth, double newHeight) {
        return new MapViewport(centerX, centerY, zoom, newWidth, newHeight);
    }

    /** Zooms by {@code steps} keeping the point under the screen position where it is (zoom around the cursor). */
    public MapViewport zoomAround(double screenX, double screenY, int steps) {
        int newZoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom + steps));
        if (newZoom == zoom) {
            return this;
        }
        double factor = Math.pow(2, newZoom - zoom);
        double anchorX = left() + screenX;
        double anchorY = top() + screenY;
        double newCenterX = anchorX * factor - (screenX - width / 2);
        double newCenterY = anchorY * factor - (screenY - height / 2);
        return new MapViewport(newCenterX, newCenterY, newZoom, width, height);
    }

    public MapViewport withZoom(int newZoom) {
        return zoomAround(width / 2, height / 2, newZoom - zoom);
    }

    public MapViewport centredAt(LatLon position) {
        return centredOn(position, zoom, width, height);
    }

    /** The deepest zoom (up to {@code maxZoom}) at which the box fits on screen, centred on it. */
    public MapViewport fit(GeoBox box, int maxZoom) {
        int best = MIN_ZOOM;
        for (int z = MIN_ZOOM; z <= Math.min(MAX_ZOOM, maxZoom); z++) {
            double world = WebMercator.worldSize(z);
            double w = (WebMercator.normX(box.east()) - WebMercator.normX(box.west())) * world;
            double h = (WebMercator.normY(box.south()) - WebMercator.normY(box.north())) * world;
            if (w <= width * 0.9 && h <= height * 0.9) {
                best = z;
            }
        }
        return centredOn(box.center(), best, width, height);
    }

    /** The box visible on screen (clamped to the Mercator world). */
    public GeoBox visibleBox() {
        LatLon nw = toLatLon(0, 0);
        LatLon se = toLatLon(width, height);
        double west = Math.min(nw.lon(), se.lon());
        double east = Math.max(nw.lon(), se.lon());
        if (width >= WebMercator.worldSize(zoom)) {
            west = -180;
            east = 180;
        }
        return new GeoBox(west, Math.max(-85.05, se.lat()), east, Math.min(85.05, nw.lat()));
    }

    public double metersPerPixel() {
        return WebMercator.metersPerPixel(center().lat(), zoom);
    }

    private static double clampLat(double lat) {
        return Math.max(-WebMercator.MAX_LATITUDE, Math.min(WebMercator.MAX_LATITUDE, lat));
    }
}
