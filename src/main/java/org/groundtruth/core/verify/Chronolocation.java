package org.groundtruth.core.verify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.DateRange;
import org.groundtruth.core.Ids;
import org.groundtruth.core.Require;
import org.groundtruth.core.incident.Incident;

/**
 * A check of the claimed time against the sun: its azimuth and altitude (degrees) there and then, the shadow
 * bearing measured on the imagery (degrees from north) and the windows of the day that match it.
 */
public record Chronolocation(
        String id,
        String incidentId,
        Instant claimedAt,
        double sunAzimuthDegrees,
        double sunAltitudeDegrees,
        Optional<Double> shadowBearingDegrees,
        List<TimeWindow> matchingWindows,
        String note,
        String analyst,
        Instant createdAt) {

    public static final String ID_PREFIX = "chr";

    public Chronolocation {
        Ids.require(id, ID_PREFIX, "chronolocation id");
        Ids.require(incidentId, Incident.ID_PREFIX, "incident id");
        DateRange.require(claimedAt, "claimed time");
        Require.finiteInRange(sunAzimuthDegrees, 0, 360, "sun azimuth");
        Require.finiteInRange(sunAltitudeDegrees, -90, 90, "sun altitude");
        Require.present(shadowBearingDegrees, "shadow bearing")
                .ifPresent(b -> Require.finiteInRange(b, 0, 360, "shadow bearing"));
        matchingWindows = List.copyOf(Require.present(matchingWindows, "matching windows"));
        note = Require.text(note, "note", 100_000);
        analyst = Require.nonBlank(analyst, "analyst", 200);
        DateRange.require(createdAt, "created at");
    }
}
