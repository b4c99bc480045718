package org.groundtruth.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.Ids;
import org.groundtruth.core.audit.AuditAction;
import org.groundtruth.core.insignia.EmblemTemplate;
import org.groundtruth.core.insignia.RejectedCandidate;
import org.groundtruth.core.insignia.ScanCandidate;
import org.groundtruth.core.verify.InsigniaObservation;
import org.groundtruth.core.verify.InsigniaType;
import org.groundtruth.core.verify.NormalizedBox;

/**
 * The insignia scan's records: the investigation's emblem library (each template's picture kept as a PNG in the
 * database, with its name, insignia type and source), the candidates the analyst rejected, and accepting a candidate,
 * which creates its insignia observation. Every change is one transaction with its custody-log entry.
 */
public final class InsigniaScanStore {
    private final Database db;

    InsigniaScanStore(Database db) {
        this.db = db;
    }

    /**
     * Adds a template. The caller checks the picture can be scanned with (the media layer prepares it); the store
     * keeps the bytes and their SHA-256. A name already in the library is bad input.
     */
    public EmblemTemplate addTemplate(String name, InsigniaType type, String source, byte[] png, String actor) {
        if (png.length == 0) {
            throw new BadInputException("template " + name + ": the picture is empty");
        }
        EmblemTemplate template = new EmblemTemplate(Ids.next(EmblemTemplate.ID_PREFIX), name, type, source,
                sha256(png), actor, Instant.now());
        return db.inTransaction(c -> {
            if (Sql.count(c, "SELECT count(*) FROM insignia_template WHERE name = ?", template.name()) > 0) {
                throw new BadInputException("a template named " + template.name() + " is already in the library");
            }
            Sql.update(c, "INSERT INTO insignia_template (id, name, type, source, png_sha256, png, created_by, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", template.id(), template.name(), template.type(),
                    template.source(), template.pngSha256(), png, template.createdBy(), template.createdAt());
            AuditLog.append(c, new AuditLog.Change(actor, AuditAction.CREATE, "insignia_template", template.id(), null,
                    template, "added to the emblem library"));
            return template;
        });
    }

    public List<EmblemTemplate> templates() {
        return db.read(c -> Sql.query(c, "SELECT * FROM insignia_template ORDER BY name",
                rs -> new EmblemTemplate(rs.getString("id"), rs.getString("name"),
                        Sql.coded(rs, "type", InsigniaType.class), rs.getString("source"), rs.getString("png_sha256"),
                        rs.getString("created_by"), Sql.instant(rs, "created_at"))));
    }

    public Optional<EmblemTemplate> templateNamed(String name) {
        return templates().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The template's picture (PNG bytes). */
    public byte[] picture(String templateId) {
        return db.read(c -> Sql.one(c, "SELECT png FROM insignia_template WHERE id = ?", rs -> rs.getBytes(1), templateId))
                .orElseThrow(() -> new BadInputException("unknown template id: " + templateId));
    }

    /** Removes a template from the library; observations it helped create stay. */
    public void removeTemplate(String templateId, String actor, String reason) {
        db.inTransaction(c -> {
            EmblemTemplate before = templates(c).stream().filter(t -> t.id().equals(templateId)).findFirst()
                    .orElseThrow(() -> new BadInputException("unknown template id: " + templateId));
            Sql.update(c, "DELETE FROM insignia_template WHERE id = ?", templateId);
            AuditLog.append(c, new AuditLog.Change(actor, AuditAction.DELETE, "insignia_template", templateId, before,
                    null, reason));
            return null;
        });
    }

    /**
     * Accepts a candidate: creates the insignia observation with the candidate's box, frame (and its time from
     * {@code framesPerSecond}), {@code type}, the confidence its score implies and the note "found by scan (template
     * T, score S)", logged in the same transaction.
     */
    public InsigniaObservation accept(String incidentId, String evidenceId, ScanCandidate candidate, InsigniaType type,
            Optional<Double> framesPerSecond, String actor) {
        Optional<Double> time = candidate.frame().flatMap(n -> framesPerSecond.filter(f -> f > 0).map(f -> n / f));
        InsigniaObservation observation = new InsigniaObservation(Ids.next(InsigniaObservation.ID_PREFIX), incidentId,
                evidenceId, candidate.frame(), time, candidate.box(), type,
                type == InsigniaType.OTHER ? candidate.template() : "", candidate.confidence(), candidate.provenance(),
                actor, Instant.now());
        return db.inTransaction(c -> {
            IncidentService.require(c, incidentId);
            requireEvidence(c, evidenceId);
            ObservationRepository.insert(c, observation);
            SearchIndex.reindex(c, incidentId);
            AuditLog.append(c, new AuditLog.Change(actor, AuditAction.CREATE, "insignia", observation.id(), null,
                    observation, candidate.provenance()));
            return observation;
        });
    }

    /** Remembers that the analyst rejected {@code candidate} in {@code evidenceId}. */
    public RejectedCandidate reject(String evidenceId, ScanCandidate candidate, String actor) {
        RejectedCandidate rejection = RejectedCandidate.of(evidenceId, candidate, actor, Instant.now());
        return db.inTransaction(c -> {
            requireEvidence(c, evidenceId);
            NormalizedBox b = rejection.box();
            Sql.update(c, "INSERT INTO insignia_scan_rejection (id, evidence_id, template, first_frame, last_frame, box_x,"
                    + " box_y, box_w, box_h, analyst, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    rejection.id(), evidenceId, rejection.template(), rejection.firstFrame(), rejection.lastFrame(),
                    b.x(), b.y(), b.width(), b.height(), actor, rejection.createdAt());
            AuditLog.append(c, new AuditLog.Change(actor, AuditAction.CREATE, "insignia_scan_rejection", rejection.id(),
                    null, rejection, "scan candidate rejected"));
            return rejection;
        });
    }

    public List<RejectedCandidate> rejections(String evidenceId) {
        return db.read(c -> Sql.query(c, "SELECT * FROM insignia_scan_rejection WHERE evidence_id = ? ORDER BY created_at",
                rs -> new RejectedCandidate(rs.getString("id"), rs.getString("evidence_id"), rs.getString("template"),
                        Sql.optionalLong(rs, "first_frame"), Sql.optionalLong(rs, "last_frame"),
                        new NormalizedBox(rs.getDouble("box_x"), rs.getDouble("box_y"), rs.getDouble("box_w"),
                                rs.getDouble("box_h")), rs.getString("analyst"), Sql.instant(rs, "created_at")),
                evidenceId));
    }

    /** Whether a rejection already covers {@code candidate} (so a rescan leaves it out). */
    public boolean rejected(String evidenceId, ScanCandidate candidate) {
        return rejections(evidenceId).stream().anyMatch(r -> r.covers(evidenceId, candidate));
    }

    private static List<EmblemTemplate> templates(Connection c) throws SQLException {
        return Sql.query(c, "SELECT * FROM insignia_template ORDER BY name",
                rs -> new EmblemTemplate(rs.getString("id"), rs.getString("name"),
                        Sql.coded(rs, "type", InsigniaType.class), rs.getString("source"), rs.getString("png_sha256"),
                        rs.getString("created_by"), Sql.instant(rs, "created_at")));
    }

    private static void requireEvidence(Connection c, String evidenceId) throws SQLException {
        if (EvidenceRepository.find(c, evidenceId).isEmpty()) {
            throw new BadInputException("unknown evidence id: " + evidenceId);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
