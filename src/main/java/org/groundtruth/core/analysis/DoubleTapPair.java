package org.groundtruth.core.analysis;

import org.groundtruth.core.Require;

/**
 * A suspected follow-up: {@code second} struck within the radius of {@code first} and after it by
 * {@code gapSeconds} (more than 0, at most the window). {@code first} is the closest earlier strike in time.
 */
public record DoubleTapPair(String first, String second, double distanceMeters, long gapSeconds) {
    public DoubleTapPair {
        Require.nonBlank(first, "first incident", 200);
        Require.nonBlank(second, "second incident", 200);
        if (first.equals(second)) {
            throw new IllegalArgumentException("a strike cannot follow itself: " + first);
        }
        Require.finiteInRange(distanceMeters, 0, 2.1e7, "distance (metres)");
        if (gapSeconds <= 0) {
            throw new IllegalArgumentException("the follow-up must come after the first strike, gap was "
                    + gapSeconds + " s");
        }
    }
}
