package org.groundtruth.core.verify;

import java.util.Optional;
import org.groundtruth.core.InvalidInput;

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
            throw new InvalidInput("validation.verifiedNeedsReview");
        }
        if (target == current) {
            throw new InvalidInput("validation.alreadyStatus", incidentId, target.code());
        }
        if (target == VerificationStatus.READY_FOR_REVIEW) {
            boolean noPin = !evidence.hasAcceptedPin();
            boolean noInsignia = evidence.insigniaObservations() == 0;
            if (noPin || noInsignia) {
                throw new InvalidInput(noPin && noInsignia ? "validation.reviewNeedsPinAndInsignia"
                        : noPin ? "validation.reviewNeedsPin" : "validation.reviewNeedsInsignia", incidentId);
            }
        }
    }

    /** Checks that {@code reviewer} may decide on the open proposal and returns it. */
    public static Review checkReview(String incidentId, VerificationStatus current, Optional<Review> latest, String reviewer,
            String rationale) {
        requireRationale(rationale);
        if (current != VerificationStatus.READY_FOR_REVIEW) {
            throw new InvalidInput("validation.nothingToReview", incidentId, current.code());
        }
        Review proposal = latest.filter(r -> r.decision() == ReviewDecision.PROPOSED).orElseThrow(
                () -> new InvalidInput("validation.noOpenProposal", incidentId));
        if (proposal.proposer().strip().equalsIgnoreCase(reviewer.strip())) {
            throw new InvalidInput("validation.ownProposal", reviewer, incidentId);
        }
        return proposal;
    }

    private static void requireRationale(String rationale) {
        if (rationale == null || rationale.isBlank()) {
            throw new InvalidInput("validation.rationaleRequired");
        }
    }
}
