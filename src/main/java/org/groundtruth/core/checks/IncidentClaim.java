package org.groundtruth.core.checks;

import java.time.Instant;
import java.util.Optional;
import org.groundtruth.core.Require;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.incident.TimePrecision;

/** What an incident claims: where (its location) and when (UTC, with the precision the time is known to). */
public record IncidentClaim(String incidentId, Optional<LatLon> location, Optional<Instant> occurredAt,
        TimePrecision timePrecision) {
    public IncidentClaim {
        incidentId = Require.nonBlank(incidentId, "incident id", 100);
        Require.present(location, "location");
        Require.present(occurredAt, "occurred at");
        Require.present(timePrecision, "time precision");
    }
}
