package org.groundtruth.ui.analysis;

import java.time.Instant;
import java.util.Optional;
import org.groundtruth.core.Require;
import org.groundtruth.core.analysis.DoubleTapPair;
import org.groundtruth.core.analysis.DoubleTapVerdict;
import org.groundtruth.core.geo.LatLon;

/**
 * One suspected follow-up strike as the dashboard lists it: the pair, its group (1-based; {@code groupSize} ≥ 3 is a
 * chain), what the two incidents are, where they are (for drawing the pair on the map), and the decision if any.
 */
public record DoubleTapRow(DoubleTapPair pair, int group, int groupSize, String firstLabel, String secondLabel,
        Optional<Instant> firstAt, Optional<Instant> secondAt, Optional<LatLon> firstPosition,
        Optional<LatLon> secondPosition, Optional<DoubleTapVerdict> decision) {
    public DoubleTapRow {
        Require.present(pair, "pair");
        if (group < 1 || groupSize < 2) {
            throw new IllegalArgumentException("group " + group + " of " + groupSize + " strikes");
        }
        Require.present(firstLabel, "first label");
        Require.present(secondLabel, "second label");
        Require.present(firstAt, "first time");
        Require.present(secondAt, "second time");
        Require.present(firstPosition, "first position");
        Require.present(secondPosition, "second position");
        Require.present(decision, "decision");
    }

    public boolean isChain() {
        return groupSize >= 3;
    }
}
