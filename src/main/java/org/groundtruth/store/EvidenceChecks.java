package org.groundtruth.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.audit.AuditAction;
import org.groundtruth.core.checks.CheckThresholds;
import org.groundtruth.core.checks.CheckedFlag;
import org.groundtruth.core.checks.Explanation;
import org.groundtruth.core.checks.IncidentClaim;
import org.groundtruth.core.checks.RedFlag;
import org.groundtruth.core.checks.RedFlagChecker;
import org.groundtruth.core.checks.RedFlagKind;
import org.groundtruth.core.incident.Incident;

/**
 * Red flags of an incident: its claim checked against each evidence item's metadata, recomputed on every call
 * (so new evidence or a moved pin is seen at once), with the analysts' explanations joined in. An explanation is
 * one transaction with its custody-log entry; a flag can be explained, never hidden.
 */
public final class EvidenceChecks {
    static final String ENTITY = "check_explanation";
    private final Database db;

    EvidenceChecks(Database db) {
        this.db = db;
    }

    public List<CheckedFlag> check(String incidentId) {
        return db.read(c -> check(c, incidentId));
    }

    /** Explains the flag {@code kind} on {@code evidenceId}; refused when the checks do not raise that flag now. */
    public CheckedFlag explain(String incidentId, RedFlagKind kind, String evidenceId, String rationale, String actor) {
        if (rationale == null || rationale.isBlank()) {
            throw new BadInputException("a rationale is required to explain a red flag");
        }
        return db.inTransaction(c -> {
            List<CheckedFlag> flags = check(c, incidentId);
            CheckedFlag flag = flags.stream().filter(f -> f.flag().kind() == kind
                    && f.flag().evidenceId().equals(evidenceId)).findFirst().orElseThrow(() -> new BadInputException(
                            "incident " + incidentId + " has no " + kind.kebab() + " flag on evidence " + evidenceId
                                    + (flags.isEmpty() ? " (it has no red flags)" : "; its flags: " + flags.stream()
                                            .map(f -> f.flag().kind().kebab() + " " + f.flag().evidenceId())
                                            .distinct().collect(Collectors.joining(", ")))));
            Explanation explanation = new Explanation(rationale, actor, Instant.now());
            Optional<Explanation> before = flag.explanation();
            Sql.update(c, "INSERT INTO evidence_check_explanation (incident_id, kind, evidence_id, rationale, analyst,"
                    + " explained_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (incident_id, kind, evidence_id) DO UPDATE"
                    + " SET rationale = excluded.rationale, analyst = excluded.analyst,"
                    + " explained_at = excluded.explained_at", incidentId, kind.kebab(), evidenceId,
                    explanation.rationale(), actor, Sql.instant(explanation.explainedAt()));
            AuditLog.append(c, new AuditLog.Change(actor, before.isPresent() ? AuditAction.UPDATE : AuditAction.CREATE,
                    ENTITY, incidentId + "/" + kind.kebab() + "/" + evidenceId,
                    before.map(b -> new Logged(incidentId, kind.kebab(), evidenceId, flag.flag().detail(),
                            b.rationale())).orElse(null),
                    new Logged(incidentId, kind.kebab(), evidenceId, flag.flag().detail(), explanation.rationale()),
                    explanation.rationale()));
            return new CheckedFlag(flag.flag(), Optional.of(explanation));
        });
    }

    /** What the custody log records about an explanation. */
    record Logged(String incidentId, String kind, String evidenceId, String detail, String rationale) {
    }

    /** The flags that stop {@code incidentId} being proposed as verified (blocking and unexplained). */
    static List<String> blocking(Connection c, String incidentId) throws SQLException {
        return CheckedFlag.blocking(check(c, incidentId));
    }

    static List<CheckedFlag> check(Connection c, String incidentId) throws SQLException {
        Incident incident = IncidentService.require(c, incidentId);
        IncidentClaim claim = new IncidentClaim(incident.id(), incident.location(), incident.occurredAt(),
                incident.timePrecision());
        List<RedFlag> flags = new RedFlagChecker(CheckThresholds.DEFAULT).check(claim,
                EvidenceFactsReader.forIncident(c, incidentId));
        Map<String, Explanation> explanations = Sql.query(c, "SELECT kind, evidence_id, rationale, analyst,"
                        + " explained_at FROM evidence_check_explanation WHERE incident_id = ?",
                rs -> Map.entry(rs.getString(1) + "/" + rs.getString(2), new Explanation(rs.getString(3),
                        rs.getString(4), Sql.instant(rs, "explained_at"))), incidentId)
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
        return flags.stream().map(f -> new CheckedFlag(f, Optional.ofNullable(explanations.get(f.key())))).toList();
    }

}
