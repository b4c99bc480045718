package org.groundtruth.store;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.verify.Chronolocation;
import org.groundtruth.core.verify.Confidence;
import org.groundtruth.core.verify.Corroboration;
import org.groundtruth.core.verify.CorroborationRelation;
import org.groundtruth.core.verify.InsigniaObservation;
import org.groundtruth.core.verify.InsigniaType;
import org.groundtruth.core.verify.NormalizedBox;
import org.groundtruth.core.verify.Review;
import org.groundtruth.core.verify.ReviewDecision;
import org.groundtruth.core.verify.TimeWindow;

/** The verification records: insignia observations, corroborations, chronolocations and reviews. */
final class ObservationRepository {
    private ObservationRepository() {
    }

    static void insert(Connection c, InsigniaObservation o) throws SQLException {
        Sql.update(c, "INSERT INTO insignia_observation (id, incident_id, evidence_id, frame, frame_time_s, box_x,"
                        + " box_y, box_w, box_h, type, other_text, confidence, note, analyst, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                o.id(), o.incidentId(), o.evidenceId(), o.frameNumber(), o.frameTimeSeconds(), o.box().x(),
                o.box().y(), o.box().width(), o.box().height(), o.type(), o.otherText(), o.confidence(), o.note(),
                o.analyst(), o.createdAt());
    }

    static List<InsigniaObservation> insigniaForIncident(Connection c, String incidentId) throws SQLException {
        return Sql.query(c, "SELECT * FROM insignia_observation WHERE incident_id = ? ORDER BY evidence_id, frame,"
                + " created_at", rs -> new InsigniaObservation(rs.getString("id"), rs.getString("incident_id"),
                        rs.getString("evidence_id"), Sql.optionalLong(rs, "frame"),
                        Sql.optionalDouble(rs, "frame_time_s"),
                        new NormalizedBox(rs.getDouble("box_x"), rs.getDouble("box_y"), rs.getDouble("box_w"),
                                rs.getDouble("box_h")),
                        Sql.coded(rs, "type", InsigniaType.class), rs.getString("other_text"),
                        Sql.coded(rs, "confidence", Confidence.class), rs.getString("note"), rs.getString("analyst"),
                        Sql.instant(rs, "created_at")), incidentId);
    }

    static void insert(Connection c, Corroboration k) throws SQLException {
        Sql.update(c, "INSERT INTO corroboration (id, evidence_a, evidence_b, relation, note, analyst, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)", k.id(), k.evidenceA(), k.evidenceB(), k.relation(),
                k.note(), k.analyst(), k.createdAt());
    }

    static List<Corroboration> corroborationsOf(Connection c, String evidenceId) throws SQLException {
        return Sql.query(c, "SELECT * FROM corroboration WHERE evidence_a = ? OR evidence_b = ? ORDER BY created_at",
                rs -> new Corroboration(rs.getString("id"), rs.getString("evidence_a"), rs.getString("evidence_b"),
                        Sql.coded(rs, "relation", CorroborationRelation.class), rs.getString("note"),
                        rs.getString("analyst"), Sql.instant(rs, "created_at")), evidenceId, evidenceId);
    }

    static void insert(Connection c, Chronolocation t) throws SQLException {
        Sql.update(c, "INSERT INTO chronolocation (id, incident_id, claimed_at, sun_azimuth_deg, sun_altitude_deg,"
                        + " shadow_bearing_deg, windows_json, note, analyst, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", t.id(), t.incidentId(), t.claimedAt(),
                t.sunAzimuthDegrees(), t.sunAltitudeDegrees(), t.shadowBearingDegrees(),
                Json.write(t.matchingWindows()), t.note(), t.analyst(), t.createdAt());
    }

    static List<Chronolocation> chronolocationsFor(Connection c, String incidentId) throws SQLException {
        return Sql.query(c, "SELECT * FROM chronolocation WHERE incident_id = ? ORDER BY created_at",
                rs -> new Chronolocation(rs.getString("id"), rs.getString("incident_id"),
                        Sql.instant(rs, "claimed_at"), rs.getDouble("sun_azimuth_deg"),
                        rs.getDouble("sun_altitude_deg"), Sql.optionalDouble(rs, "shadow_bearing_deg"),
                        windows(rs.getString("windows_json")), rs.getString("note"), rs.getString("analyst"),
                        Sql.instant(rs, "created_at")), incidentId);
    }

    static void insert(Connection c, Review r) throws SQLException {
        Sql.update(c, "INSERT INTO review (id, incident_id, proposer, reviewer, decision, rationale, at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", r.id(), r.incidentId(), r.proposer(), r.reviewer(), r.decision(),
                r.rationale(), r.at());
    }

    static List<Review> reviewsFor(Connection c, String incidentId) throws SQLException {
        return Sql.query(c, "SELECT * FROM review WHERE incident_id = ? ORDER BY at, rowid",
                rs -> new Review(rs.getString("id"), rs.getString("incident_id"), rs.getString("proposer"),
                        Sql.optionalString(rs, "reviewer"), Sql.coded(rs, "decision", ReviewDecision.class),
                        rs.getString("rationale"), Sql.instant(rs, "at")), incidentId);
    }

    static Optional<Review> latestReview(Connection c, String incidentId) throws SQLException {
        List<Review> reviews = reviewsFor(c, incidentId);
        return reviews.isEmpty() ? Optional.empty() : Optional.of(reviews.get(reviews.size() - 1));
    }

    private static List<TimeWindow> windows(String json) throws SQLException {
        try {
            return Json.mapper().readValue(json, new TypeReference<List<TimeWindow>>() { });
        } catch (IOException e) {
            throw new SQLException("chronolocation windows are not valid JSON: " + json, e);
        }
    }
}
