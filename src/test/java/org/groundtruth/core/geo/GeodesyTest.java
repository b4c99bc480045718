package org.groundtruth.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class GeodesyTest {

    @Test
    void oneDegreeAlongTheEquatorAndAlongAMeridianMatchTheWgs84Values() {
        // WGS84 reference values: equatorial degree 111319.49 m, meridian degree 0..1° 110574.39 m.
        assertThat(Geodesy.measure(new LatLon(0, 0), new LatLon(0, 1)).distanceMeters()).isCloseTo(111_319.49, within(0.01));
        Leg north = Geodesy.measure(new LatLon(0, 0), new LatLon(1, 0));
        assertThat(north.distanceMeters()).isCloseTo(110_574.39, within(0.01));
        assertThat(north.initialAzimuthDegrees()).isCloseTo(0, within(1e-9));
    }

    @Test
    void kyivToKhersonIsAbout451KilometresHeadingSouthSouthEast() {
        Leg leg = Geodesy.measure(new LatLon(50.4501, 30.5234), new LatLon(46.6354, 32.6169));
        assertThat(leg.distanceMeters()).isCloseTo(451_400, within(100.0));
        assertThat(leg.initialAzimuthDegrees()).isCloseTo(159.2, within(0.1));
        assertThat(leg.describe()).isEqualTo("451.4 km, azimuth 159.2°");
    }

    @Test
    void azimuthsWestwardAreBetween180And360() {
        Leg west = Geodesy.measure(new LatLon(46, 33), new LatLon(46, 32));
        assertThat(west.initialAzimuthDegrees()).isBetween(269.0, 271.0);
    }

    @Test
    void destinationInvertsMeasure() {
        LatLon from = new LatLon(48.0, 37.8);
        LatLon to = Geodesy.destination(from, 73.5, 12_345);
        Leg back = Geodesy.measure(from, to);
        assertThat(back.distanceMeters()).isCloseTo(12_345, within(0.001));
        assertThat(back.initialAzimuthDegrees()).isCloseTo(73.5, within(1e-6));
    }

    @Test
    void pathLengthIsTheSumOfItsLegsAndCopiesAsText() {
        List<LatLon> points = List.of(new LatLon(0, 0), new LatLon(0, 1), new LatLon(1, 1));
        PathMeasurement path = Geodesy.measurePath(points);
        assertThat(path.legs()).hasSize(2);
        assertThat(path.totalMeters()).isCloseTo(path.legs().get(0).distanceMeters() + path.legs().get(1).distanceMeters(), within(1e-6));
        assertThat(path.toClipboardText()).contains("0.000000, 1.000000", "Leg 2:", "Total: 221.");
    }

    @Test
    void densifiedGeodesicStaysOnTheGeodesic() {
        List<LatLon> line = Geodesy.densify(new LatLon(50, 0), new LatLon(50, 60), 8);
        assertThat(line).hasSize(9);
        // A geodesic between two points on the same parallel bulges poleward.
        assertThat(line.get(4).lat()).isGreaterThan(52);
    }

    @Test
    void distanceFormatting() {
        assertThat(Distances.format(12.34)).isEqualTo("12.3 m");
        assertThat(Distances.format(1234.5)).isEqualTo("1.235 km");
        assertThat(Distances.format(451_400)).isEqualTo("451.4 km");
    }
}
