package org.groundtruth.core.geo;

import java.util.ArrayList;
import java.util.List;
import org.apache.sis.referencing.CommonCRS;
import org.apache.sis.referencing.GeodeticCalculator;
import org.groundtruth.core.Require;

/**
 * Distances and directions on the WGS84 ellipsoid (Apache SIS {@link GeodeticCalculator}, Karney's algorithm).
 * A calculator holds state and is not thread-safe, so each call makes its own.
 */
public final class Geodesy {
    private Geodesy() {
    }

    /** Geodesic distance and the azimuth to set off on, from {@code from} to {@code to}. */
    public static Leg measure(LatLon from, LatLon to) {
        GeodeticCalculator calculator = calculator();
        calculator.setStartGeographicPoint(from.lat(), from.lon());
        calculator.setEndGeographicPoint(to.lat(), to.lon());
        double distance = calculator.getGeodesicDistance();
        double azimuth = distance == 0 ? 0 : normalizeAzimuth(calculator.getStartingAzimuth());
        return new Leg(from, to, distance, azimuth);
    }

    /** Each leg of a path and the total length. */
    public static PathMeasurement measurePath(List<LatLon> points) {
        Require.present(points, "path points");
        List<Leg> legs = new ArrayList<>();
        for (int i = 1; i < points.size(); i++) {
            legs.add(measure(points.get(i - 1), points.get(i)));
        }
        return new PathMeasurement(points, legs);
    }

    /** The point reached by travelling {@code distanceMeters} from {@code from} on azimuth {@code azimuthDegrees}. */
    public static LatLon destination(LatLon from, double azimuthDegrees, double distanceMeters) {
        Require.finiteInRange(distanceMeters, 0, 20_100_000, "distance (metres)");
        GeodeticCalculator calculator = calculator();
        calculator.setStartGeographicPoint(from.lat(), from.lon());
        calculator.setStartingAzimuth(azimuthDegrees);
        calculator.setGeodesicDistance(distanceMeters);
        double[] end = calculator.getEndPoint().getCoordinate();
        return new LatLon(end[0], wrapLongitude(end[1]));
    }

    /** Points along the geodesic, for drawing it: straight lines in Mercator drift from it over long distances. */
    public static List<LatLon> densify(LatLon from, LatLon to, int segments) {
        Leg leg = measure(from, to);
        List<LatLon> points = new ArrayList<>(segments + 1);
        points.add(from);
        for (int i = 1; i < segments; i++) {
            points.add(destination(from, leg.initialAzimuthDegrees(), leg.distanceMeters() * i / segments));
        }
        points.add(to);
        return points;
    }

    private static GeodeticCalculator calculator() {
        return GeodeticCalculator.create(CommonCRS.WGS84.geographic());
    }

    private static double normalizeAzimuth(double degrees) {
        double a = degrees % 360;
        return a < 0 ? a + 360 : a;
    }

    static double wrapLongitude(double lon) {
        double wrapped = ((lon + 180) % 360 + 360) % 360 - 180;
        return wrapped == -180 && lon > 0 ? 180 : wrapped;
    }
}
