package org.groundtruth.core.geo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.DateRange;
import org.groundtruth.core.Ids;
import org.groundtruth.core.Require;
import org.groundtruth.core.incident.Incident;

/**
 * A geolocation hypothesis for an incident: the target position with its precision radius in metres, the
 * optional camera view, the method in words and the features matched. One pin per incident may be accepted.
 */
public record GeolocationPin(
        String id,
        String incidentId,
        LatLon target,
        double precisionMeters,
        Optional<CameraView> camera,
        String method,
        List<MatchedFeature> matchedFeatures,
        String referenceLayer,
        Optional<LocalDate> referenceCaptureDate,
        String analyst,
        boolean accepted,
        Instant createdAt) {

    public static final String ID_PREFIX = "pin";

    public GeolocationPin {
        Ids.require(id, ID_PREFIX, "pin id");
        Ids.require(incidentId, Incident.ID_PREFIX, "incident id");
        Require.present(target, "target");
        Require.finiteInRange(precisionMeters, 0.1, 1_000_000, "precision (metres)");
        Require.present(camera, "camera");
        method = Require.text(method, "method", 100_000);
        matchedFeatures = List.copyOf(Require.present(matchedFeatures, "matched features"));
        referenceLayer = Require.text(referenceLayer, "reference layer", 500).strip();
        Require.present(referenceCaptureDate, "reference capture date")
                .ifPresent(d -> DateRange.requireDate(d, "reference capture date"));
        analyst = Require.nonBlank(analyst, "analyst", 200);
        DateRange.require(createdAt, "created at");
    }
}
