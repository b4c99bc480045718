package org.groundtruth.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.analysis.DoubleTapDecision;
import org.groundtruth.core.audit.AuditAction;
import org.groundtruth.core.audit.AuditEntry;
import org.groundtruth.core.evidence.Source;
import org.groundtruth.core.geo.GeolocationPin;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.verify.Chronolocation;
import org.groundtruth.core.verify.Corroboration;
import org.groundtruth.core.verify.InsigniaObservation;

/**
 * Applies other analysts' verification records to this laptop's data on pull (issue 17): pins, insignia
 * observations, corroboration links, chronolocations, double-tap decisions and source edits. A record whose incident
 * or evidence no longer exists here (deleted on this laptop, or by a third analyst) is not dropped: it becomes a
 * conflict named {@code (kind id)} that an analyst resolves like a field conflict; keeping the remote side restores
 * the incident and its records. docs/decisions/1706-every-record-kind-on-pull.md.
 */
final class PulledRecords {
    /** Entity types of records that belong to one incident. */
    static final List<String> INCIDENT_RECORDS = List.of("pin", "insignia", "chronolocation", "review");

    /** The incident column of a conflict about a record that belongs to no incident. */
    static final String NO_INCIDENT = "(no incident)";

    private final ObjectMapper records;

    PulledRecords(ObjectMapper records) {
        this.records = records;
    }

    /** Whether this class applies entries of {@code e}'s kind. */
    static boolean handles(AuditEntry e) {
        return switch (e.entityType()) {
            case "pin", "insignia", "chronolocation", "corroboration" -> e.action() == AuditAction.CREATE;
            case PatternService.DECISION_ENTITY -> e.action() == AuditAction.CREATE || e.action() == AuditAction.UPDATE;
            case "source" -> e.action() == AuditAction.UPDATE;
            default -> false;
        };
    }

    /** Applies one pulled record; returns the number of conflicts recorded (0 or 1). */
    int apply(Connection c, String deviceId, AuditEntry e) throws SQLException, IOException {
        if (e.entityType().equals(PatternService.DECISION_ENTITY)) {
            return applyDecision(c, deviceId, e);
        }
        if (e.entityType().equals("source")) {
            return applySource(c, deviceId, e);
        }
        Optional<Missing> missing = insertRecord(c, e.entityType(), e.after());
        if (missing.isEmpty()) {
            return 0;
        }
        conflict(c, deviceId, e, missing.get().incidentId(), "(" + e.entityType() + " " + e.entityId() + ")",
                Json.mapper().writeValueAsString(missing.get().what()), e.after());
        return 1;
    }

    /** What a record refers to that is not here. */
    record Missing(String incidentId, String what) {
    }

    /**
     * Inserts a pin, insignia observation, corroboration or chronolocation unless it is here already; returns what
     * it needs that is missing (then nothing is inserted). Pins arrive unaccepted: the accepted pin follows the
     * incident's location ({@link #followLocation}).
     */
    Optional<Missing> insertRecord(Connection c, String kind, String json) throws SQLException, IOException {
        switch (kind) {
            case "pin" -> {
                GeolocationPin p = records.readValue(json, GeolocationPin.class);
                if (PinRepository.find(c, p.id()).isPresent()) {
                    return Optional.empty();
                }
                Optional<Missing> gone = incidentGone(c, p.incidentId());
                for (var feature : p.matchedFeatures()) {
                    if (gone.isEmpty() && feature.frame().isPresent()) {
                        gone = evidenceGone(c, p.incidentId(), feature.frame().get().evidenceId());
                    }
                }
                if (gone.isEmpty()) {
                    PinRepository.insert(c, new GeolocationPin(p.id(), p.incidentId(), p.target(), p.precisionMeters(),
                            p.camera(), p.method(), p.matchedFeatures(), p.referenceLayer(), p.referenceCaptureDate(),
                            p.analyst(), false, p.createdAt()));
                    followLocation(c, p.incidentId());
                    SearchIndex.reindex(c, p.incidentId());
                }
                return gone;
            }
            case "insignia" -> {
                InsigniaObservation o = records.readValue(json, InsigniaObservation.class);
                if (Sql.count(c, "SELECT count(*) FROM insignia_observation WHERE id = ?", o.id()) > 0) {
                    return Optional.empty();
                }
                Optional<Missing> gone = incidentGone(c, o.incidentId())
                        .or(() -> evidenceGoneUnchecked(c, o.incidentId(), o.evidenceId()));
                if (gone.isEmpty()) {
                    ObservationRepository.insert(c, o);
                    SearchIndex.reindex(c, o.incidentId());
                }
                return gone;
            }
            case "corroboration" -> {
                Corroboration k = records.readValue(json, Corroboration.class);
                if (Sql.count(c, "SELECT count(*) FROM corroboration WHERE id = ?", k.id()) > 0) {
                    return Optional.empty();
                }
                String incident = EvidenceRepository.incidentsOf(c, k.evidenceA()).stream().findFirst()
                        .orElse(NO_INCIDENT);
                Optional<Missing> gone = evidenceGone(c, incident, k.evidenceA())
                        .or(() -> evidenceGoneUnchecked(c, incident, k.evidenceB()));
                if (gone.isEmpty()) {
                    ObservationRepository.insert(c, k);
                }
                return gone;
            }
            case "chronolocation" -> {
                Chronolocation t = records.readValue(json, Chronolocation.class);
                if (Sql.count(c, "SELECT count(*) FROM chronolocation WHERE id = ?", t.id()) > 0) {
                    return Optional.empty();
                }
                Optional<Missing> gone = incidentGone(c, t.incidentId());
                if (gone.isEmpty()) {
                    ObservationRepository.insert(c, t);
                    SearchIndex.reindex(c, t.incidentId());
                }
                return gone;
            }
            case "review" -> {
                org.groundtruth.core.verify.Review r = records.readValue(json, org.groundtruth.core.verify.Review.class);
                if (Sql.count(c, "SELECT count(*) FROM review WHERE id = ?", r.id()) > 0) {
                    return Optional.empty();
                }
                Optional<Missing> gone = incidentGone(c, r.incidentId());
                if (gone.isEmpty()) {
                    ObservationRepository.insert(c, r);
                }
                return gone;
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /**
     * The accepted pin follows the incident's location: when the location equals a pin's target, that pin becomes
     * the accepted one (a pulled "accepted pin" edit, or a resolved location conflict, carries the pin's target).
     */
    static void followLocation(Connection c, String incidentId) throws SQLException {
        Optional<Incident> incident = IncidentRepository.find(c, incidentId);
        if (incident.isEmpty() || incident.get().location().isEmpty()) {
            return;
        }
        var at = incident.get().location().get();
        for (GeolocationPin pin : PinRepository.forIncident(c, incidentId)) {
            if (pin.target().equals(at)) {
                if (!pin.accepted()) {
                    PinRepository.accept(c, incidentId, pin.id());
                }
                return;
            }
        }
    }

    /**
     * Puts back the records of an incident that was restored (a conflict resolved in favour of work on a deleted
     * incident): every pin, insignia observation, chronolocation, review and evidence link created for it, by this
     * device or pulled from others, in the order they were made.
     */
    void restoreRecords(Connection c, String incidentId) throws SQLException, IOException {
        String like = "%\"incidentId\":\"" + incidentId.replace("%", "").replace("_", "") + "\"%";
        List<String[]> rows = Sql.query(c, "SELECT entity_type, action, after_json FROM ("
                + " SELECT entity_type, action, after_json, at, 0 AS src, sequence FROM audit_log WHERE after_json LIKE ?"
                + " UNION ALL SELECT entity_type, action, after_json, at, 1, project_seq FROM team_entry"
                + " WHERE after_json LIKE ?) ORDER BY at, src, sequence",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, like, like);
        for (String[] row : rows) {
            if (row[1].equals(AuditAction.CREATE.code()) && INCIDENT_RECORDS.contains(row[0])) {
                insertRecord(c, row[0], row[2]);
            } else if (row[1].equals(AuditAction.LINK.code()) && row[0].equals(EvidenceService.ENTITY)) {
                String evidenceId = Json.mapper().readTree(row[2]).path("evidenceId").asText("");
                if (EvidenceRepository.find(c, evidenceId).isPresent()) {
                    EvidenceRepository.link(c, incidentId, evidenceId);
                }
            }
        }
        followLocation(c, incidentId);
        SearchIndex.reindex(c, incidentId);
    }

    /**
     * The last state of a deleted incident: the "before" of its latest delete entry, here or pulled.
     */
    static Optional<String> lastStateOf(Connection c, String incidentId) throws SQLException {
        return Sql.one(c, "SELECT before_json FROM (SELECT before_json, at FROM audit_log WHERE entity_type = 'incident'"
                + " AND entity_id = ? AND action = 'delete' UNION ALL SELECT before_json, at FROM team_entry"
                + " WHERE entity_type = 'incident' AND entity_id = ? AND action = 'delete') ORDER BY at DESC LIMIT 1",
                rs -> rs.getString(1), incidentId, incidentId);
    }

    // ---- decisions and sources: field-level merge of one record -------------------------------------------

    private int applyDecision(Connection c, String deviceId, AuditEntry e) throws SQLException, IOException {
        DoubleTapDecision remote = records.readValue(e.after(), DoubleTapDecision.class);
        JsonNode before = records.readTree(e.before());
        Optional<DoubleTapDecision> here = Sql.one(c, "SELECT * FROM double_tap_decision WHERE first_id = ?"
                + " AND second_id = ?", PulledRecords::decision, remote.first(), remote.second());
        if (here.isPresent() && here.get().equals(remote)) {
            return 0;
        }
        boolean unchangedHere = here.isEmpty() ? before.isNull()
                : !before.isNull() && records.readValue(before.traverse(records), DoubleTapDecision.class)
                        .equals(here.get());
        if (!unchangedHere && here.isPresent()) {
            conflict(c, deviceId, e, remote.second(), "(" + e.entityType() + " " + e.entityId() + ")",
                    Json.write(here.get()), e.after());
            return 1;
        }
        if (IncidentRepository.find(c, remote.first()).isEmpty() || IncidentRepository.find(c, remote.second()).isEmpty()) {
            conflict(c, deviceId, e, remote.second(), "(" + e.entityType() + " " + e.entityId() + ")",
                    Json.mapper().writeValueAsString("incident deleted here"), e.after());
            return 1;
        }
        upsertDecision(c, remote);
        return 0;
    }

    static void upsertDecision(Connection c, DoubleTapDecision d) throws SQLException {
        Sql.update(c, "INSERT INTO double_tap_decision (first_id, second_id, verdict, distance_m, gap_s,"
                + " sequence_before, analyst, reason, decided_at) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?)"
                + " ON CONFLICT (first_id, second_id) DO UPDATE SET verdict = excluded.verdict,"
                + " distance_m = excluded.distance_m, gap_s = excluded.gap_s, analyst = excluded.analyst,"
                + " reason = excluded.reason, decided_at = excluded.decided_at",
                d.first(), d.second(), d.verdict(), d.distanceMeters(), d.gapSeconds(), d.analyst(), d.reason(),
                d.decidedAt());
    }

    private int applySource(Connection c, String deviceId, AuditEntry e) throws SQLException, IOException {
        Source remote = records.readValue(e.after(), Source.class);
        Source was = records.readValue(e.before(), Source.class);
        Optional<Source> here = EvidenceRepository.findSource(c, remote.id());
        if (here.isEmpty()) {
            EvidenceRepository.insertSource(c, remote);
            return 0;
        }
        if (here.get().equals(remote)) {
            return 0;
        }
        if (here.get().equals(was)) {
            EvidenceRepository.updateSource(c, remote);
            reindexSource(c, remote.id());
            return 0;
        }
        String incident = Sql.one(c, "SELECT ie.incident_id FROM incident_evidence ie JOIN evidence_item ev"
                + " ON ev.id = ie.evidence_id WHERE ev.source_id = ? ORDER BY ie.incident_id LIMIT 1",
                rs -> rs.getString(1), remote.id()).orElse(NO_INCIDENT);
        conflict(c, deviceId, e, incident, "(source " + remote.id() + ")", Json.write(here.get()), e.after());
        return 1;
    }

    static void reindexSource(Connection c, String sourceId) throws SQLException {
        for (String evidenceId : Sql.query(c, "SELECT id FROM evidence_item WHERE source_id = ?", rs -> rs.getString(1),
                sourceId)) {
            SearchIndex.reindexForEvidence(c, evidenceId);
        }
    }

    /** Keeps the remote side of a {@code (kind id)} conflict: writes the record held in the conflict. */
    void keepRemote(Connection c, String kind, String json) throws SQLException, IOException {
        switch (kind) {
            case PatternService.DECISION_ENTITY -> upsertDecision(c, records.readValue(json, DoubleTapDecision.class));
            case "source" -> {
                Source s = records.readValue(json, Source.class);
                EvidenceRepository.updateSource(c, s);
                reindexSource(c, s.id());
            }
            default -> {
                Optional<Missing> still = insertRecord(c, kind, json);
                if (still.isPresent()) {
                    throw new org.groundtruth.core.BadInputException("cannot keep the remote " + kind + ": "
                            + still.get().what());
                }
            }
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private static Optional<Missing> incidentGone(Connection c, String incidentId) throws SQLException {
        return IncidentRepository.find(c, incidentId).isPresent() ? Optional.empty()
                : Optional.of(new Missing(incidentId, "incident " + incidentId + " is deleted here"));
    }

    private static Optional<Missing> evidenceGone(Connection c, String incidentId, String evidenceId)
            throws SQLException {
        return EvidenceRepository.find(c, evidenceId).isPresent() ? Optional.empty()
                : Optional.of(new Missing(incidentId, "evidence " + evidenceId + " is not here"));
    }

    private static Optional<Missing> evidenceGoneUnchecked(Connection c, String incidentId, String evidenceId) {
        try {
            return evidenceGone(c, incidentId, evidenceId);
        } catch (SQLException e) {
            throw new StoreException("cannot read evidence " + evidenceId + ": " + e.getMessage(), e);
        }
    }

    private static void conflict(Connection c, String deviceId, AuditEntry e, String incidentId, String field,
            String local, String remote) throws SQLException {
        Sql.update(c, "INSERT INTO team_conflict (incident_id, field, local_value, remote_value, remote_actor,"
                + " remote_device, remote_sequence, detected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", incidentId, field,
                local, remote, e.actor(), deviceId, e.sequence(), Instant.now());
    }

    private static DoubleTapDecision decision(java.sql.ResultSet rs) throws SQLException {
        return new DoubleTapDecision(rs.getString("first_id"), rs.getString("second_id"),
                Sql.coded(rs, "verdict", org.groundtruth.core.analysis.DoubleTapVerdict.class),
                rs.getDouble("distance_m"), rs.getLong("gap_s"), rs.getString("analyst"), rs.getString("reason"),
                Sql.instant(rs, "decided_at"));
    }
}
