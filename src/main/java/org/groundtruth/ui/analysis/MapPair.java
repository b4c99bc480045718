package org.groundtruth.ui.analysis;

import org.groundtruth.core.Require;
import org.groundtruth.core.geo.LatLon;

/**
 * A suspected double tap for the map to draw: a line from the first strike to the follow-up, labelled with the
 * distance and gap, styled by the decision ({@code confirmed}, {@code dismissed} or {@code undecided}).
 */
public record MapPair(String firstId, String secondId, LatLon first, LatLon second, String label, String state) {
    public MapPair {
        Require.nonBlank(firstId, "first id", 200);
        Require.nonBlank(secondId, "second id", 200);
        Require.present(first, "first position");
        Require.present(second, "second position");
        Require.present(label, "label");
        Require.nonBlank(state, "state", 20);
    }
}
