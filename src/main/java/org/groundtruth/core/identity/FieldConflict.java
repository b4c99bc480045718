package org.groundtruth.core.identity;

import java.time.Instant;
import java.util.Optional;
import org.groundtruth.core.Require;

/**
 * One field of an incident that two analysts changed differently while offline: both values (JSON) are kept and
 * the incident is flagged until an analyst picks one; the resolution is itself a custody entry.
 */
public record FieldConflict(long id, String incidentId, String field, String localValue, String remoteValue,
        String remoteActor, String remoteDevice, long remoteSequence, Instant detectedAt,
        Optional<String> resolvedBy) {

    public FieldConflict {
        Require.nonBlank(incidentId, "incident id", 200);
        Require.nonBlank(field, "field", 100);
        Require.present(localValue, "local value");
        Require.present(remoteValue, "remote value");
        Require.present(remoteActor, "remote actor");
        Require.present(remoteDevice, "remote device");
        Require.present(detectedAt, "detected at");
        Require.present(resolvedBy, "resolved by");
    }

    public boolean open() {
        return resolvedBy.isEmpty();
    }
}
