package org.groundtruth.core.analysis;

import java.time.Instant;
import org.groundtruth.core.Require;

/**
 * An analyst's decision that {@code second} is (confirmed) or is not (dismissed) a follow-up strike on
 * {@code first}, with the distance and gap measured when it was taken. Recorded in the custody log.
 */
public record DoubleTapDecision(String first, String second, DoubleTapVerdict verdict, double distanceMeters,
        long gapSeconds, String analyst, String reason, Instant decidedAt) {
    public DoubleTapDecision {
        Require.nonBlank(first, "first incident", 200);
        Require.nonBlank(second, "second incident", 200);
        if (first.equals(second)) {
            throw new IllegalArgumentException("a strike cannot follow itself: " + first);
        }
        Require.present(verdict, "verdict");
        Require.finiteInRange(distanceMeters, 0, 2.1e7, "distance (metres)");
        if (gapSeconds <= 0) {
            throw new IllegalArgumentException("the second strike must come after the first");
        }
        analyst = Require.nonBlank(analyst, "analyst", 200);
        Require.text(reason, "reason", 10_000);
        Require.present(decidedAt, "decided at");
    }

    /** The custody log's entity id of a pair: both incident ids, first strike first. */
    public static String pairKey(String first, String second) {
        return first + ">" + second;
    }

    public String pairKey() {
        return pairKey(first, second);
    }
}
