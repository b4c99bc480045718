package org.groundtruth.map;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The basemap's geometry encoding: coordinates at 1e-6 degree (about 0.1 m), delta-coded as zig-zag varints.
 * About a quarter of WKB's size, which keeps {@code maps/} small enough to ship in the repository.
 * Layout: part count, then per part a type (1 point, 2 line, 3 polygon), ring count for polygons, and per ring
 * or line the point count and the deltas. Deltas run on across parts.
 */
public final class CompactGeometry {
    private static final double SCALE = 1e6;
    private static final int POINT = 1;
    private static final int LINE = 2;
    private static final int POLYGON = 3;

    private CompactGeometry() {
    }

    public static byte[] encode(Geometry geometry) {
        List<Geometry> parts = new ArrayList<>();
        flatten(geometry, parts);
        Writer w = new Writer();
        w.varint(parts.size());
        for (Geometry part : parts) {
            if (part instanceof Point point) {
                w.varint(POINT);
                w.coordinates(new Coordinate[] {point.getCoordinate()});
            } else if (part instanceof LineString line) {
                w.varint(LINE);
                w.coordinates(line.getCoordinates());
            } else if (part instanceof Polygon polygon) {
                w.varint(POLYGON);
                w.varint(1 + polygon.getNumInteriorRing());
                w.coordinates(polygon.getExteriorRing().getCoordinates());
                for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
                    w.coordinates(polygon.getInteriorRingN(i).getCoordinates());
                }
            }
        }
        return w.out.toByteArray();
    }

    public static Geometry decode(byte[] bytes, GeometryFactory factory) {
        Reader r = new Reader(bytes);
        int count = r.varint();
        Geometry[] parts = new Geometry[count];
        for (int i = 0; i < count; i++) {
            int type = r.varint();
            switch (type) {
                case POINT -> parts[i] = factory.createPoint(r.coordinates()[0]);
                case LINE -> parts[i] = factory.createLineString(r.coordinates());
                case POLYGON -> {
                    int rings = r.varint();
                    LinearRing shell = factory.createLinearRing(r.coordinates());
                    LinearRing[] holes = new LinearRing[rings - 1];
                    for (int h = 0; h < holes.length; h++) {
                        holes[h] = factory.createLinearRing(r.coordinates());
                    }
                    parts[i] = factory.createPolygon(shell, holes);
                }
                default -> throw new IllegalArgumentException("unknown geometry part type " + type);
            }
        }
        if (count == 1) {
            return parts[0];
        }
        if (java.util.Arrays.stream(parts).allMatch(Polygon.class::isInstance)) {
            return factory.createMultiPolygon(java.util.Arrays.copyOf(parts, count, Polygon[].class));
        }
        if (java.util.Arrays.stream(parts).allMatch(LineString.class::isInstance)) {
            return factory.createMultiLineString(java.util.Arrays.copyOf(parts, count, LineString[].class));
        }
        return factory.createGeometryCollection(parts);
    }

    private static void flatten(Geometry g, List<Geometry> parts) {
        if (g instanceof Point || g instanceof LineString || g instanceof Polygon) {
            if (!g.isEmpty() && !(g instanceof LineString l && l.getNumPoints() < 2)) {
                parts.add(g);
            }
            return;
        }
        for (int i = 0; i < g.getNumGeometries(); i++) {
            flatten(g.getGeometryN(i), parts);
        }
    }

    private static final class Writer {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        long lastX;
        long lastY;

        void coordinates(Coordinate[] coordinates) {
            varint(coordinates.length);
            for (Coordinate c : coordinates) {
                long x = Math.round(c.x * SCALE);
                long y = Math.round(c.y * SCALE);
                zigzag(x - lastX);
                zigzag(y - lastY);
                lastX = x;
                lastY = y;
            }
        }

        void zigzag(long value) {
            varint((value << 1) ^ (value >> 63));
        }

        void varint(long value) {
            long v = value;
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }
    }

    private static final class Reader {
        final byte[] bytes;
        int position;
        long lastX;
        long lastY;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        Coordinate[] coordinates() {
            int n = varint();
            Coordinate[] coordinates = new Coordinate[n];
            for (int i = 0; i < n; i++) {
                lastX += unzigzag(varlong());
                lastY += unzigzag(varlong());
                coordinates[i] = new Coordinate(lastX / SCALE, lastY / SCALE);
            }
            return coordinates;
        }

        int varint() {
            return (int) varlong();
        }

        long varlong() {
            long result = 0;
            int shift = 0;
            while (true) {
                byte b = bytes[position++];
                result |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return result;
                }
                shift += 7;
            }
        }

        static long unzigzag(long v) {
            return (v >>> 1) ^ -(v & 1);
        }
    }
}
