package org.groundtruth.core.verify;

import java.util.List;
import java.util.Optional;
import org.groundtruth.core.BadInputException;

/**
 * The rules of the status workflow. VERIFIED is reached only by a second analyst approving a proposal; a
 * proposal (READY_FOR_REVIEW) needs an accepted pin and at least one insignia observation, which may be an
 * explicit "none visible". Every change needs a rationale.
 */
public final class ReviewRules {
    private ReviewRules() {
    }

    /** What the rules need to know about an incident besides its id and status. */
    public record Evidence(boolean hasAcceptedPin, int insigniaObservations) {
    }

    /** Checks that incident {@code incidentId}, now {@code current}, may move to {@code target}. */
    public static void checkStatusChange(String incidentId, VerificationStatus current, VerificationStatus target,
            String rationale, Evidence evidence) {
        requireRationale(rationale);
        if (target == VerificationStatus.VERIFIED) {
            throw new BadInputException("status 'verified' needs a review: move the incident to ready-for-review and"
                    + " have a second analyst approve it");
        }
        if (target == current) {
            throw new BadInputException("incident " + incidentId + " is already " + target.code());
        }
        if (target == VerificationStatus.READY_FOR_REVIEW) {
            List<String> missing = new java.util.ArrayList<>();
            if (!evidence.hasAcceptedPin()) {
                missing.add("an accepted geolocation pin");
            }
            if (evidence.insigniaObservations() == 0) {
                missing.add("an insignia observation (or an explicit 'none visible' one)");
            }
            if (!missing.isEmpty()) {
                throw new BadInputException("incident " + incidentId + " cannot go to review yet: it needs "
                        + String.join(" and ", missing));
            }
        }
    }

    /** Checks that {@code reviewer} may decide on the open proposal and returns it. */
    public static Review checkReview(String incidentId, VerificationStatus current, Optional<Review> latest, String reviewer,
            String rationale) {
        requireRationale(rationale);
        if (current != VerificationStatus.READY_FOR_REVIEW) {
            throw new BadInputException("incident " + incidentId + " is " + current.code()
                    + ", not ready-for-review: there is nothing to review");
        }
        Review proposal = latest.filter(r -> r.decision() == ReviewDecision.PROPOSED).orElseThrow(
                () -> new BadInputException("incident " + incidentId + " has no open review proposal"));
        if (proposal.proposer().strip().equalsIgnoreCase(reviewer.strip())) {
            throw new BadInputException(reviewer + " proposed incident " + incidentId
                    + " for review and cannot review it: a different analyst must");
        }
        return proposal;
    }

    private static void requireRationale(String rationale) {
        if (rationale == null || rationale.isBlank()) {
            throw new BadInputException("a rationale is required for every status change");
        }
    }
}
