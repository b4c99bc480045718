package org.groundtruth.core.checks;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.Require;
import org.groundtruth.core.geo.LatLon;

/**
 * What one evidence item's metadata and source say, as the checks need it: its name, whether it is a picture
 * (photo, video or frame: something that shows light), its GPS position and where that came from, its capture time
 * (UTC when the file says so, else the device's local clock with no zone), the post time of its source, its light
 * value when the exposure is known (EV at ISO 100: daylight is about 12–16, night below 5), whether its metadata
 * looks stripped, and the other incidents holding a perceptual duplicate of it.
 */
public record EvidenceFacts(String evidenceId, String name, boolean picture, Optional<LatLon> gps, String gpsSource,
        Optional<Instant> captureUtc, Optional<LocalDateTime> captureLocal, Optional<Instant> postedAt,
        Optional<Double> lightValue, boolean metadataStripped, List<Duplicate> duplicatesElsewhere) {
    public EvidenceFacts {
        evidenceId = Require.nonBlank(evidenceId, "evidence id", 100);
        name = Require.nonBlank(name, "name", 1000);
        Require.present(gps, "GPS");
        gpsSource = Require.text(gpsSource, "GPS source", 200);
        Require.present(captureUtc, "capture time (UTC)");
        Require.present(captureLocal, "capture time (local)");
        Require.present(postedAt, "posted at");
        Require.present(lightValue, "light value");
        duplicatesElsewhere = List.copyOf(Require.present(duplicatesElsewhere, "duplicates"));
    }

    /** A perceptual duplicate of this item held by another incident: that incident, that item, the bit distance. */
    public record Duplicate(String incidentId, String evidenceId, int distanceBits) {
        public Duplicate {
            Require.nonBlank(incidentId, "incident id", 100);
            Require.nonBlank(evidenceId, "evidence id", 100);
            Require.nonNegative(distanceBits, "distance");
        }
    }
}
