package org.groundtruth.core.incident;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.groundtruth.core.Require;
import org.groundtruth.core.verify.VerificationStatus;

/**
 * Which incidents to list: full-text words (all must match, prefixes allowed), any of the statuses (none = all),
 * occurred at or after {@code from} and before {@code until} (UTC).
 */
public record IncidentQuery(Optional<String> text, Set<VerificationStatus> statuses, Optional<Instant> from,
        Optional<Instant> until) {
    public static final IncidentQuery ALL = new IncidentQuery(Optional.empty(), Set.of(), Optional.empty(),
            Optional.empty());

    public IncidentQuery {
        text = Require.present(text, "search text").map(String::strip).filter(t -> !t.isEmpty());
        statuses = Set.copyOf(Require.present(statuses, "statuses"));
        Require.present(from, "from");
        Require.present(until, "until");
    }

    public static IncidentQuery text(String text) {
        return new IncidentQuery(Optional.of(text), Set.of(), Optional.empty(), Optional.empty());
    }
}
