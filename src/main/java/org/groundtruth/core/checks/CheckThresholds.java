package org.groundtruth.core.checks;

import java.time.Duration;
import org.groundtruth.core.Require;
import org.groundtruth.core.incident.TimePrecision;

/**
 * When a difference becomes a red flag: GPS farther than {@code distanceMeters} from the claimed place, capture
 * time farther from the claimed time than the claim's precision allows plus {@code timeSlack}, the sun lower than
 * {@code nightSunAltitudeDegrees} (civil twilight) for footage shot in daylight.
 */
public record CheckThresholds(double distanceMeters, Duration timeSlack, double nightSunAltitudeDegrees) {
    public static final CheckThresholds DEFAULT = new CheckThresholds(2_000, Duration.ofHours(6), -6);
    /** A local clock without a zone can be this far from UTC (UTC−12 to UTC+14). */
    public static final Duration ZONE_UNCERTAINTY = Duration.ofHours(14);

    public CheckThresholds {
        Require.finiteInRange(distanceMeters, 1, 1e7, "distance threshold (metres)");
        Require.present(timeSlack, "time slack");
        Require.finiteInRange(nightSunAltitudeDegrees, -90, 90, "night sun altitude");
    }

    /** How far a capture time may be from the claimed time before it is flagged, given the claim's precision. */
    public Duration allowed(TimePrecision precision) {
        Duration unit = switch (precision) {
            case MINUTE -> Duration.ofMinutes(1);
            case HOUR -> Duration.ofHours(1);
            case DAY -> Duration.ofDays(1);
            case MONTH -> Duration.ofDays(31);
            case UNKNOWN -> Duration.ofDays(366);
        };
        return unit.plus(timeSlack);
    }
}
