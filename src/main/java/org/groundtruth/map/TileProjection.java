package org.groundtruth.map;

import java.awt.Shape;
import java.awt.geom.Path2D;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/** Lon/lat → pixels of one Web Mercator tile, and geometries as Java2D shapes in those pixels (tile renderers). */
public final class TileProjection {
    private final double size;
    private final double originX;
    private final double originY;

    public TileProjection(TileKey key) {
        this.size = WebMercator.worldSize(key.zoom());
        this.originX = key.x() * (double) WebMercator.TILE_SIZE;
        this.originY = key.y() * (double) WebMercator.TILE_SIZE;
    }

    public double x(double lon) {
        return WebMercator.normX(lon) * size - originX;
    }

    public double y(double lat) {
        return WebMercator.normY(lat) * size - originY;
    }

    /** The tile's box widened by {@code bufferPx} on each side (clamped to the world), for querying what may reach it. */
    public GeoBox bufferedBox(int bufferPx) {
        double west = Math.max(0, originX - bufferPx) / size;
        double east = Math.min(size, originX + WebMercator.TILE_SIZE + bufferPx) / size;
        double north = Math.max(0, originY - bufferPx) / size;
        double south = Math.min(size, originY + WebMercator.TILE_SIZE + bufferPx) / size;
        double northLat = north <= 0 ? 90 : WebMercator.latOfNormY(north);
        double southLat = south >= 1 ? -90 : WebMercator.latOfNormY(south);
        return new GeoBox(WebMercator.lonOfNormX(west), southLat, WebMercator.lonOfNormX(east), northLat);
    }

    /** Polygons (with holes, even-odd) and lines of {@code geometry} as one path; points add nothing. */
    public Shape path(Geometry geometry) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        append(path, geometry);
        return path;
    }

    private void append(Path2D.Double path, Geometry geometry) {
        if (geometry instanceof Polygon polygon) {
            ring(path, polygon.getExteriorRing().getCoordinates(), true);
            for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
                ring(path, polygon.getInteriorRingN(i).getCoordinates(), true);
            }
        } else if (geometry instanceof LineString line) {
            ring(path, line.getCoordinates(), false);
        } else {
            for (int i = 0; i < geometry.getNumGeometries(); i++) {
                Geometry part = geometry.getGeometryN(i);
                if (part != geometry) {
                    append(path, part);
                }
            }
        }
    }

    private void ring(Path2D.Double path, Coordinate[] coordinates, boolean close) {
        if (coordinates.length < 2) {
            return;
        }
        path.moveTo(x(coordinates[0].x), y(coordinates[0].y));
        for (int i = 1; i < coordinates.length; i++) {
            path.lineTo(x(coordinates[i].x), y(coordinates[i].y));
        }
        if (close) {
            path.closePath();
        }
    }
}
