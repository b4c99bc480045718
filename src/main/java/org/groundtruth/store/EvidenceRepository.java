package org.groundtruth.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.Sensitivity;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.evidence.EvidenceKind;
import org.groundtruth.core.evidence.FrameReference;
import org.groundtruth.core.evidence.MediaProperties;
import org.groundtruth.core.evidence.Sha256;
import org.groundtruth.core.evidence.Source;

/** Evidence items, their sources, and their links to incidents. */
final class EvidenceRepository {
    private EvidenceRepository() {
    }

    static void insert(Connection c, EvidenceItem e) throws SQLException {
        Sql.update(c, "INSERT INTO evidence_item (id, kind, original_name, media_type, size_bytes, sha256,"
                        + " perceptual_hash, collected_by, collected_at, acquisition_tool, metadata_json, duration_s,"
                        + " width, height, fps, sensitivity, source_id, derived_from_id, derived_frame)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.id(), e.kind(), e.originalName(), e.mediaType(), e.sizeBytes(), e.sha256().hex(),
                e.perceptualHash(), e.collectedBy(), e.collectedAt(), e.acquisitionTool(), e.metadataJson(),
                e.media().durationSeconds(), e.media().width(), e.media().height(), e.media().framesPerSecond(),
                e.sensitivity(), e.sourceId(), e.derivedFrom().map(FrameReference::evidenceId),
                e.derivedFrom().map(FrameReference::frameNumber));
    }

    static Optional<EvidenceItem> find(Connection c, String id) throws SQLException {
        return Sql.one(c, "SELECT * FROM evidence_item WHERE id = ?", EvidenceRepository::map, id);
    }

    static Optional<EvidenceItem> findBySha256(Connection c, Sha256 sha) throws SQLException {
        return Sql.one(c, "SELECT * FROM evidence_item WHERE sha256 = ?", EvidenceRepository::map, sha.hex());
    }

    static List<EvidenceItem> forIncident(Connection c, String incidentId) throws SQLException {
        return Sql.query(c, "SELECT e.* FROM evidence_item e JOIN incident_evidence ie ON ie.evidence_id = e.id"
                + " WHERE ie.incident_id = ? ORDER BY e.collected_at, e.original_name", EvidenceRepository::map,
                incidentId);
    }

    static List<EvidenceItem> all(Connection c) throws SQLException {
        return Sql.query(c, "SELECT * FROM evidence_item ORDER BY collected_at, original_name",
                EvidenceRepository::map);
    }

    static long count(Connection c) throws SQLException {
        return Sql.count(c, "SELECT count(*) FROM evidence_item");
    }

    /** Links an item to an incident; false when it was linked already. */
    static boolean link(Connection c, String incidentId, String evidenceId) throws SQLException {
        return Sql.update(c, "INSERT OR IGNORE INTO incident_evidence (incident_id, evidence_id) VALUES (?, ?)",
                incidentId, evidenceId) == 1;
    }

    static List<String> incidentsOf(Connection c, String evidenceId) throws SQLException {
        return Sql.query(c, "SELECT incident_id FROM incident_evidence WHERE evidence_id = ? ORDER BY incident_id",
                rs -> rs.getString(1), evidenceId);
    }

    static void insertSource(Connection c, Source s) throws SQLException {
        Sql.update(c, "INSERT INTO source (id, platform, account, post_url, post_id, posted_at, caption, language,"
                        + " translation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", s.id(), s.platform(), s.account(),
                s.postUrl(), s.postId(), s.postedAt(), s.caption(), s.language(), s.translation());
    }

    static void updateSource(Connection c, Source s) throws SQLException {
        Sql.update(c, "UPDATE source SET platform = ?, account = ?, post_url = ?, post_id = ?, posted_at = ?,"
                        + " caption = ?, language = ?, translation = ? WHERE id = ?", s.platform(), s.account(),
                s.postUrl(), s.postId(), s.postedAt(), s.caption(), s.language(), s.translation(), s.id());
    }

    static void setSource(Connection c, String evidenceId, String sourceId) throws SQLException {
        Sql.update(c, "UPDATE evidence_item SET source_id = ? WHERE id = ?", sourceId, evidenceId);
    }

    static Optional<Source> findSource(Connection c, String id) throws SQLException {
        return Sql.one(c, "SELECT * FROM source WHERE id = ?", rs -> new Source(rs.getString("id"),
                rs.getString("platform"), rs.getString("account"), rs.getString("post_url"), rs.getString("post_id"),
                Sql.optionalInstant(rs, "posted_at"), rs.getString("caption"), rs.getString("language"),
                rs.getString("translation")), id);
    }

    private static EvidenceItem map(ResultSet rs) throws SQLException {
        Optional<String> derivedId = Sql.optionalString(rs, "derived_from_id");
        Optional<FrameReference> derived = derivedId.isPresent()
                ? Optional.of(new FrameReference(derivedId.get(), rs.getLong("derived_frame"))) : Optional.empty();
        return new EvidenceItem(rs.getString("id"), Sql.coded(rs, "kind", EvidenceKind.class),
                rs.getString("original_name"), rs.getString("media_type"), rs.getLong("size_bytes"),
                new Sha256(rs.getString("sha256")), Sql.optionalString(rs, "perceptual_hash"),
                rs.getString("collected_by"), Sql.instant(rs, "collected_at"), rs.getString("acquisition_tool"),
                rs.getString("metadata_json"),
                new MediaProperties(Sql.optionalDouble(rs, "duration_s"), Sql.optionalInt(rs, "width"),
                        Sql.optionalInt(rs, "height"), Sql.optionalDouble(rs, "fps")),
                Sql.coded(rs, "sensitivity", Sensitivity.class), Sql.optionalString(rs, "source_id"), derived);
    }
}
