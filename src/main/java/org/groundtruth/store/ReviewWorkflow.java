package org.groundtruth.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.Ids;
import org.groundtruth.core.audit.AuditAction;
import org.groundtruth.core.audit.AuditEntry;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.verify.Review;
import org.groundtruth.core.verify.ReviewDecision;
import org.groundtruth.core.verify.ReviewRules;
import org.groundtruth.core.verify.VerificationStatus;

/**
 * Status changes and the two-analyst review, each one transaction: the incident's new status, the review
 * record and their custody-log entries. The rules themselves are in {@link ReviewRules}.
 */
public final class ReviewWorkflow {
    private final Database db;

    ReviewWorkflow(Database db) {
        this.db = db;
    }

    /** Moves an incident to {@code target}; READY_FOR_REVIEW opens a review proposed by {@code actor}. */
    public Incident setStatus(String incidentId, VerificationStatus target, String rationale, String actor) {
        return db.inTransaction(c -> {
            Incident before = IncidentService.require(c, incidentId);
            ReviewRules.checkStatusChange(incidentId, before.status(), target, rationale, evidence(c, incidentId));
            if (target == VerificationStatus.READY_FOR_REVIEW) {
                refuseUnexplainedFlags(c, incidentId);
                record(c, new Review(Ids.next(Review.ID_PREFIX), incidentId, actor, Optional.empty(),
                        ReviewDecision.PROPOSED, rationale, Instant.now()), actor);
            }
            return changeStatus(c, before, target, rationale, actor);
        });
    }

    /** A second analyst approves the open proposal: the incident becomes VERIFIED. */
    public Incident approve(String incidentId, String reviewer, String rationale) {
        return decide(incidentId, reviewer, rationale, ReviewDecision.APPROVED, VerificationStatus.VERIFIED);
    }

    /** A second analyst rejects the open proposal: the incident goes back to IN_PROGRESS with the reason. */
    public Incident reject(String incidentId, String reviewer, String rationale) {
        return decide(incidentId, reviewer, rationale, ReviewDecision.REJECTED, VerificationStatus.IN_PROGRESS);
    }

    /**
     * Every custody-log entry about the incident: its own changes and those of its pins, observations,
     * chronolocations, reviews and evidence links, oldest first.
     */
    public List<AuditEntry> history(String incidentId) {
        return db.read(c -> {
            IncidentService.require(c, incidentId);
            return AuditLog.forIncident(c, incidentId);
        });
    }

    private Incident decide(String incidentId, String reviewer, String rationale, ReviewDecision decision,
            VerificationStatus outcome) {
        return db.inTransaction(c -> {
            Incident before = IncidentService.require(c, incidentId);
            Review proposal = ReviewRules.checkReview(incidentId, before.status(), ObservationRepository.latestReview(c, incidentId),
                    reviewer, rationale);
            if (decision == ReviewDecision.APPROVED) {
                refuseUnexplainedFlags(c, incidentId);
                EntrySigning.checkApproval(c, proposal.id(), reviewer);
            }
            record(c, new Review(Ids.next(Review.ID_PREFIX), incidentId, proposal.proposer(), Optional.of(reviewer),
                    decision, rationale, Instant.now()), reviewer);
            return changeStatus(c, before, outcome, rationale, reviewer);
        });
    }

    private static Incident changeStatus(Connection c, Incident before, VerificationStatus target, String rationale,
            String actor) throws SQLException {
        Incident after = before.toBuilder().status(target).build();
        IncidentRepository.update(c, after);
        AuditLog.append(c, new AuditLog.Change(actor, AuditAction.STATUS_CHANGE, IncidentService.ENTITY, before.id(),
                before, after, rationale));
        return after;
    }

    private static void record(Connection c, Review review, String actor) throws SQLException {
        ObservationRepository.insert(c, review);
        AuditLog.append(c, new AuditLog.Change(actor, AuditAction.CREATE, "review", review.id(), null, review,
                review.rationale()));
    }

    /** Proposing or approving "verified" with a red flag nobody explained is refused, with the list. */
    private static void refuseUnexplainedFlags(Connection c, String incidentId) throws SQLException {
        List<String> blocking = EvidenceChecks.blocking(c, incidentId);
        if (!blocking.isEmpty()) {
            throw new org.groundtruth.core.BadInputException("incident " + incidentId + " has " + blocking.size()
                    + " unexplained red flag(s); explain each (checks explain INCIDENT KIND EVIDENCE --rationale TEXT)"
                    + " before proposing it as verified: " + String.join("; ", blocking));
        }
    }

    private static ReviewRules.Evidence evidence(Connection c, String incidentId) throws SQLException {
        boolean accepted = Sql.count(c, "SELECT count(*) FROM geolocation_pin WHERE incident_id = ? AND accepted = 1",
                incidentId) > 0;
        int observations = (int) Sql.count(c, "SELECT count(*) FROM insignia_observation WHERE incident_id = ?",
                incidentId);
        return new ReviewRules.Evidence(accepted, observations);
    }
}
