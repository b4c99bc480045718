package org.groundtruth.core.verify;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.groundtruth.core.Require;
import org.groundtruth.core.geo.LatLon;
import org.shredzone.commons.suncalc.SunPosition;

/**
 * Sun position for chronolocation (commons-suncalc), and its inverse: the times of a day at which shadows
 * point along a measured bearing.
 */
public final class SunCalculator {
    private static final Duration STEP = Duration.ofMinutes(1);

    private SunCalculator() {
    }

    public static SunAngles at(LatLon place, Instant time) {
        SunPosition p = SunPosition.compute().at(place.lat(), place.lon()).on(time).timezone(ZoneOffset.UTC)
                .execute();
        double azimuth = ((p.getAzimuth() % 360) + 360) % 360;
        return new SunAngles(azimuth == 360 ? 0 : azimuth, Math.max(-90, Math.min(90, p.getAltitude())));
    }

    /**
     * The windows of the UTC day {@code date} (extended by the place's longitude so the local day is covered)
     * during which the sun is up and the shadow bearing is within {@code toleranceDegrees} of
     * {@code shadowBearingDegrees}. Minute resolution.
     */
    public static List<TimeWindow> shadowWindows(LatLon place, LocalDate localDate, double shadowBearingDegrees,
            double toleranceDegrees) {
        Require.finiteInRange(shadowBearingDegrees, 0, 360, "shadow bearing");
        Require.finiteInRange(toleranceDegrees, 0, 90, "tolerance");
        // Local solar day: shift the UTC day by the longitude (15° per hour).
        Instant start = localDate.atStartOfDay().toInstant(ZoneOffset.UTC)
                .minusSeconds(Math.round(place.lon() / 15 * 3600));
        Instant end = start.plus(Duration.ofDays(1));
        List<TimeWindow> windows = new ArrayList<>();
        Instant open = null;
        Instant last = null;
        for (Instant t = start; t.isBefore(end); t = t.plus(STEP)) {
            SunAngles sun = at(place, t);
            boolean match = sun.isUp() && angleBetween(sun.shadowBearingDegrees(), shadowBearingDegrees) <= toleranceDegrees;
            if (match && open == null) {
                open = t;
            }
            if (!match && open != null) {
                windows.add(new TimeWindow(open, last));
                open = null;
            }
            last = t;
        }
        if (open != null) {
            windows.add(new TimeWindow(open, last));
        }
        return windows;
    }

    /** The smaller angle between two bearings, 0..180 degrees. */
    public static double angleBetween(double a, double b) {
        double d = Math.abs(a - b) % 360;
        return d > 180 ? 360 - d : d;
    }
}
