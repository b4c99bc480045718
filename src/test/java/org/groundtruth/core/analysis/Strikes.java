package org.groundtruth.core.analysis;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.sis.referencing.CommonCRS;
import org.apache.sis.referencing.GeodeticCalculator;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.incident.TimePrecision;

/** Test incidents for the analyses: where, when, nothing else unless asked. */
public final class Strikes {
    private Strikes() {
    }

    public static Incident at(double lat, double lon, Instant when) {
        return Incident.titled("Strike").toBuilder().location(Optional.of(new LatLon(lat, lon)))
                .occurredAt(Optional.of(when)).timePrecision(TimePrecision.MINUTE).build();
    }

    public static Incident at(LatLon where, Instant when) {
        return at(where.lat(), where.lon(), when);
    }

    public static Incident withoutLocation(Instant when) {
        return Incident.titled("No place").toBuilder().occurredAt(Optional.of(when))
                .timePrecision(TimePrecision.MINUTE).build();
    }

    public static Incident withoutTime(double lat, double lon) {
        return Incident.titled("No time").toBuilder().location(Optional.of(new LatLon(lat, lon))).build();
    }

    public static Incident withNeither() {
        return Incident.titled("Nothing known");
    }

    /** The point {@code meters} from {@code from} on {@code azimuth}, on the WGS84 geodesic (Apache SIS). */
    public static LatLon destination(LatLon from, double azimuth, double meters) {
        GeodeticCalculator c = GeodeticCalculator.create(CommonCRS.WGS84.geographic());
        c.setStartGeographicPoint(from.lat(), from.lon());
        c.setStartingAzimuth(azimuth);
        c.setGeodesicDistance(meters);
        double[] end = c.getEndPoint().getCoordinate();
        double lon = ((end[1] + 180) % 360 + 360) % 360 - 180;
        return new LatLon(Math.max(-90, Math.min(90, end[0])), lon);
    }

    public static List<String> ids(List<Incident> incidents) {
        return incidents.stream().map(Incident::id).toList();
    }
}
