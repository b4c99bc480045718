package org.groundtruth.core.verify;

import java.time.Instant;
import java.util.Optional;
import org.groundtruth.core.DateRange;
import org.groundtruth.core.Ids;
import org.groundtruth.core.InvalidInput;
import org.groundtruth.core.Require;
import org.groundtruth.core.incident.Incident;

/** One step of the two-analyst review that leads to VERIFIED. A reviewer may never approve their own proposal. */
public record Review(
        String id,
        String incidentId,
        String proposer,
        Optional<String> reviewer,
        ReviewDecision decision,
        String rationale,
        Instant at) {

    public static final String ID_PREFIX = "rev";

    public Review {
        Ids.require(id, ID_PREFIX, "review id");
        Ids.require(incidentId, Incident.ID_PREFIX, "incident id");
        proposer = Require.nonBlank(proposer, "proposer", 200);
        Require.present(reviewer, "reviewer");
        Require.present(decision, "decision");
        rationale = Require.nonBlank(rationale, "rationale", 100_000);
        DateRange.require(at, "review time");
        if (decision == ReviewDecision.PROPOSED && reviewer.isPresent()) {
            throw new InvalidInput("validation.proposalHasReviewer");
        }
        if (decision != ReviewDecision.PROPOSED) {
            String who = reviewer.orElseThrow(() -> new InvalidInput("validation.decisionNeedsReviewer"));
            if (decision == ReviewDecision.APPROVED && who.equalsIgnoreCase(proposer)) {
                throw new InvalidInput("validation.selfApproval");
            }
        }
    }
}
