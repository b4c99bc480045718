package org.groundtruth.core.verify;

import java.time.Instant;
import java.util.Optional;
import org.groundtruth.core.DateRange;
import org.groundtruth.core.Ids;
import org.groundtruth.core.InvalidInput;
import org.groundtruth.core.Require;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.incident.Incident;

/**
 * Insignia seen in evidence: for a video the frame number and its time in seconds, for a photo neither.
 * {@code otherText} describes the insignia when the type is OTHER.
 */
public record InsigniaObservation(
        String id,
        String incidentId,
        String evidenceId,
        Optional<Long> frameNumber,
        Optional<Double> frameTimeSeconds,
        NormalizedBox box,
        InsigniaType type,
        String otherText,
        Confidence confidence,
        String note,
        String analyst,
        Instant createdAt) {

    public static final String ID_PREFIX = "obs";

    public InsigniaObservation {
        Ids.require(id, ID_PREFIX, "observation id");
        Ids.require(incidentId, Incident.ID_PREFIX, "incident id");
        Ids.require(evidenceId, EvidenceItem.ID_PREFIX, "evidence id");
        Require.present(frameNumber, "frame number").ifPresent(n -> Require.nonNegative(n, "frame number"));
        Require.present(frameTimeSeconds, "frame time")
                .ifPresent(t -> Require.finiteInRange(t, 0, 1e9, "frame time"));
        Require.present(box, "box");
        Require.present(type, "insignia type");
        otherText = Require.text(otherText, "insignia description", 500).strip();
        if (type == InsigniaType.OTHER && otherText.isEmpty()) {
            throw new InvalidInput("validation.otherNeedsDescription");
        }
        Require.present(confidence, "confidence");
        note = Require.text(note, "note", 100_000);
        analyst = Require.nonBlank(analyst, "analyst", 200);
        DateRange.require(createdAt, "created at");
    }
}
