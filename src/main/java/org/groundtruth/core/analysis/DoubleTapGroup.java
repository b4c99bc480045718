package org.groundtruth.core.analysis;

import java.util.List;
import org.groundtruth.core.Require;

/**
 * Strikes linked by follow-up relations (directly or through each other), in time order: a pair, or a chain of
 * three or more at one place.
 */
public record DoubleTapGroup(List<String> incidentIds) {
    public DoubleTapGroup {
        incidentIds = List.copyOf(Require.present(incidentIds, "incident ids"));
        if (incidentIds.size() < 2) {
            throw new IllegalArgumentException("a double-tap group has at least two strikes");
        }
    }

    public boolean isChain() {
        return incidentIds.size() >= 3;
    }
}
