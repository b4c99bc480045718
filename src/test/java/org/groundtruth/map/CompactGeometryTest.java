package org.groundtruth.map;

import static org.assertj.core.api.Assertions.assertThat;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;
import org.junit.jupiter.api.Test;

class CompactGeometryTest {
    private final GeometryFactory factory = new GeometryFactory();

    @Test
    void roundTripsPointsLinesAndPolygonsWithHolesAtMicrodegreePrecision() throws Exception {
        for (String wkt : new String[] {
                "POINT (32.616901 46.635401)",
                "LINESTRING (-179.999999 -85, 0 0, 179.999999 85)",
                "POLYGON ((30 50, 31 50, 31 51, 30 51, 30 50), (30.2 50.2, 30.4 50.2, 30.4 50.4, 30.2 50.2))",
                "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((10 10, 11 10, 11 11, 10 10)))",
                "GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (3 4, 5 6))"}) {
            Geometry original = new WKTReader(factory).read(wkt);
            Geometry decoded = CompactGeometry.decode(CompactGeometry.encode(original), factory);
            assertThat(decoded.getNumPoints()).as(wkt).isEqualTo(original.getNumPoints());
            assertThat(decoded.equalsExact(original, 1e-6)).as(wkt).isTrue();
        }
    }

    @Test
    void isMuchSmallerThanWkb() throws Exception {
        Geometry line = new WKTReader(factory).read(
                "LINESTRING (30.0001 50.0001, 30.0102 50.0053, 30.0204 50.0091, 30.0311 50.0142, 30.0405 50.0188)");
        assertThat(CompactGeometry.encode(line).length).isLessThan(new org.locationtech.jts.io.WKBWriter().write(line).length / 2);
    }
}
