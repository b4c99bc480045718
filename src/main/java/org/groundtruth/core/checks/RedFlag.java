package org.groundtruth.core.checks;

import java.util.Optional;
import org.groundtruth.core.Require;

/**
 * One contradiction between an incident's claim and one evidence item: the kind, the evidence item, a sentence
 * saying what was found, and the measured figures when the kind has them (distance in metres, time difference
 * in seconds).
 */
public record RedFlag(RedFlagKind kind, String evidenceId, String detail, Optional<Double> distanceMeters,
        Optional<Long> differenceSeconds) {
    public RedFlag {
        Require.present(kind, "kind");
        evidenceId = Require.nonBlank(evidenceId, "evidence id", 100);
        detail = Require.nonBlank(detail, "detail", 2000);
        Require.present(distanceMeters, "distance").ifPresent(d -> Require.finiteInRange(d, 0, 1e8, "distance"));
        Require.present(differenceSeconds, "difference");
    }

    public static RedFlag of(RedFlagKind kind, String evidenceId, String detail) {
        return new RedFlag(kind, evidenceId, detail, Optional.empty(), Optional.empty());
    }

    /** The key an explanation is stored under. */
    public String key() {
        return kind.kebab() + "/" + evidenceId;
    }
}
