package org.groundtruth.core.analysis;

import java.util.Optional;
import org.groundtruth.core.Require;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.incident.Incident;

/** A strike as the double-tap search sees it: an incident id, where (WGS84) and when (UTC epoch seconds). */
public record StrikePoint(String incidentId, LatLon position, long epochSecond) {
    public StrikePoint {
        Require.nonBlank(incidentId, "incident id", 200);
        Require.present(position, "position");
    }

    /** The incident as a strike, or empty when it has no location or no time. */
    public static Optional<StrikePoint> of(Incident incident) {
        if (incident.location().isEmpty() || incident.occurredAt().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StrikePoint(incident.id(), incident.location().get(),
                incident.occurredAt().get().getEpochSecond()));
    }
}
