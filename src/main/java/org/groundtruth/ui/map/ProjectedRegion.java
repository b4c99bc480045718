package org.groundtruth.ui.map;

import java.util.ArrayList;
import java.util.List;
import org.groundtruth.map.WebMercator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/**
 * A region outline projected once to Web Mercator (normalised 0..1 world coordinates) and simplified to half a
 * screen pixel for every zoom up to {@value #MAX_DETAIL_ZOOM} (beyond it the gazetteer's ~400 m outline has no more
 * detail to drop). Built off the FX thread; painting only scales and shifts the stored rings.
 */
final class ProjectedRegion {
    static final int MAX_DETAIL_ZOOM = 10;
    private static final double TOLERANCE_PX = 0.5;

    /** [zoom] → rings (outer boundaries and holes), each as x0, y0, x1, y1, … in normalised world coordinates. */
    private final List<List<double[]>> ringsByZoom;
    private final Envelope bounds;
    private final int vertices;

    private ProjectedRegion(List<List<double[]>> ringsByZoom, Envelope bounds) {
        this.ringsByZoom = ringsByZoom;
        this.bounds = bounds;
        this.vertices = ringsByZoom.get(MAX_DETAIL_ZOOM).stream().mapToInt(r -> r.length / 2).sum();
    }

    static ProjectedRegion of(Geometry lonLat) {
        Geometry projected = lonLat.copy();
        projected.apply(new ToMercator());
        List<List<double[]>> byZoom = new ArrayList<>();
        for (int zoom = 0; zoom <= MAX_DETAIL_ZOOM; zoom++) {
            double tolerance = TOLERANCE_PX / WebMercator.worldSize(zoom);
            byZoom.add(rings(DouglasPeuckerSimplifier.simplify(projected, tolerance)));
        }
        return new ProjectedRegion(List.copyOf(byZoom), projected.getEnvelopeInternal());
    }

    /** The rings to draw at {@code zoom}. */
    List<double[]> rings(int zoom) {
        return ringsByZoom.get(Math.max(0, Math.min(MAX_DETAIL_ZOOM, zoom)));
    }

    /** Normalised world bounds. */
    Envelope bounds() {
        return bounds;
    }

    int vertices() {
        return vertices;
    }

    private static List<double[]> rings(Geometry g) {
        List<double[]> rings = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) {
                rings.add(flat(p.getExteriorRing()));
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    rings.add(flat(p.getInteriorRingN(h)));
                }
            }
        }
        return List.copyOf(rings);
    }

    private static double[] flat(LineString ring) {
        Coordinate[] c = ring.getCoordinates();
        double[] xy = new double[c.length * 2];
        for (int i = 0; i < c.length; i++) {
            xy[2 * i] = c[i].x;
            xy[2 * i + 1] = c[i].y;
        }
        return xy;
    }

    private static final class ToMercator implements CoordinateSequenceFilter {
        @Override
        public void filter(CoordinateSequence seq, int i) {
            double lat = Math.max(-WebMercator.MAX_LATITUDE, Math.min(WebMercator.MAX_LATITUDE, seq.getY(i)));
            double x = WebMercator.normX(seq.getX(i));
            seq.setOrdinate(i, 1, WebMercator.normY(lat));
            seq.setOrdinate(i, 0, x);
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isGeometryChanged() {
            return true;
        }
    }
}
