package org.groundtruth.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.Ids;
import org.groundtruth.core.audit.AuditAction;
import org.groundtruth.core.evidence.FrameReference;
import org.groundtruth.core.geo.Geodesy;
import org.groundtruth.core.geo.GeolocationPin;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.geo.MatchedFeature;
import org.groundtruth.core.geolocate.CellFeatureCache;
import org.groundtruth.core.geolocate.CellFeatures;
import org.groundtruth.core.geolocate.CellKey;
import org.groundtruth.core.geolocate.MatchCandidate;
import org.groundtruth.core.geolocate.MatchDecision;
import org.groundtruth.core.geolocate.MatchFeatures;
import org.groundtruth.core.geolocate.MatchVerdict;
import org.groundtruth.core.geolocate.MatchedPoint;
import org.groundtruth.core.geolocate.SearchRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Image matching in the investigation: the cache of reference cell features, the custody-log record of each search,
 * and the analyst's decisions (an accept creates a pin with method "image match"; a reject is remembered for the frame).
 */
public final class ImageMatchRecords {
    public static final String METHOD = "image match";
    static final String SEARCH_ENTITY = "image_match_search";
    static final String DECISION_ENTITY = "image_match_decision";
    /** Matched points recorded with an accepted pin (the strongest spread over the frame). */
    static final int RECORDED_FEATURES = 12;
    private static final Logger LOG = LoggerFactory.getLogger(ImageMatchRecords.class);
    private final Database db;

    ImageMatchRecords(Database db) {
        this.db = db;
    }

    /** The cell-feature cache kept in this investigation. */
    public CellFeatureCache featureCache() {
        return new CellFeatureCache() {
            @Override
            public Optional<CellFeatures> get(CellKey key) {
                try {
                    return read(key);
                } catch (StoreException e) {
                    LOG.warn("could not read cached image features of cell {}: {}", key, e.getMessage());
                    return Optional.empty();
                }
            }

            private Optional<CellFeatures> read(CellKey key) {
                return db.read(c -> Sql.one(c, "SELECT feature_count, descriptor_length, points, descriptors FROM image_match_cell"
                        + " WHERE layer_key = ? AND extractor = ? AND zoom = ? AND cell_size = ? AND x = ? AND y = ?",
                        rs -> new CellFeatures(rs.getInt(1), floats(rs.getBytes(3)), rs.getBytes(4), rs.getInt(2)),
                        key.layerKey(), key.extractor(), key.zoom(), key.cellSize(), key.x(), key.y()));
            }

            @Override
            public void put(CellKey key, CellFeatures f) {
                try {
                    db.inTransaction(c -> Sql.update(c, "INSERT OR REPLACE INTO image_match_cell (layer_key, extractor, zoom,"
                            + " cell_size, x, y, feature_count, descriptor_length, points, descriptors)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", key.layerKey(), key.extractor(), key.zoom(),
                            key.cellSize(), key.x(), key.y(), f.count(), f.descriptorLength(), bytes(f.points()), f.descriptors()));
                } catch (StoreException e) {
                    LOG.warn("could not cache image features of cell {}: {}", key, e.getMessage());
                }
            }
        };
    }

    /** Logs a search (parameters, layer, area, candidates) in the custody log. */
    public void recordSearch(SearchRecord search, String actor) {
        db.inTransaction(c -> {
            String id = Ids.next("ims");
            AuditLog.append(c, new AuditLog.Change(actor, AuditAction.CREATE, SEARCH_ENTITY, id, null, search,
                    "image match search of " + search.layer()));
            return null;
        });
    }

    /**
     * Accepts a candidate for a frame of an incident's evidence: creates a pin (method "image match", precision from the
     * residuals, matched features with the evidence frame) and records the decision, in one transaction.
     */
    public GeolocationPin accept(String incidentId, FrameReference frame, MatchCandidate candidate, String layer, String actor) {
        return db.inTransaction(c -> {
            IncidentService.require(c, incidentId);
            requireEvidence(c, frame.evidenceId());
            List<MatchedFeature> features = new ArrayList<>();
            List<MatchedPoint> points = candidate.matchedPoints();
            int step = Math.max(1, points.size() / RECORDED_FEATURES);
            for (int i = 0; i < points.size() && features.size() < RECORDED_FEATURES; i += step) {
                MatchedPoint p = points.get(i);
                features.add(new MatchedFeature(MatchFeatures.describe(MatchFeatures.INLIER, p.frameX(), p.frameY()),
                        Optional.of(frame), p.ground()));
            }
            // the frame's corners on the ground, so the case file can redraw the footprint
            // (for a rectified oblique frame the footprint is the part of the frame used, not the whole frame)
            double[][] corners = footprintCorners(candidate);
            for (int k = 0; k < 4; k++) {
                features.add(new MatchedFeature(MatchFeatures.describe(MatchFeatures.CORNER, corners[k][0], corners[k][1]),
                        Optional.of(frame), candidate.footprint().get(k)));
            }
            String method = String.format(java.util.Locale.ROOT, "%s: %d inliers (spread %.0f%% of the frame),"
                    + " residual %.2f m, score %.1f, %s; reference %s at %.2f m/pixel", METHOD, candidate.inliers(),
                    100 * candidate.inlierSpread(), candidate.reprojectionErrorMeters(), candidate.score(),
                    candidate.confidence().words(), layer, candidate.groundResolutionMeters());
            GeolocationPin pin = new GeolocationPin(Ids.next(GeolocationPin.ID_PREFIX), incidentId, candidate.center(),
                    candidate.precisionMeters(), Optional.empty(), method, features, layer, Optional.empty(), actor, false,
                    Instant.now());
            PinRepository.insert(c, pin);
            AuditLog.append(c, new AuditLog.Change(actor, AuditAction.CREATE, "pin", pin.id(), null, pin, METHOD));
            insertDecision(c, decision(frame, candidate, layer, MatchVerdict.ACCEPTED, Optional.of(pin.id()), actor), actor);
            SearchIndex.reindex(c, incidentId);
            return PinRepository.find(c, pin.id()).orElseThrow();
        });
    }

    /**
     * The frame pixels of the candidate's footprint corners: the frame's own corners for a nadir match; for a rectified
     * oblique frame the corners of the part of the frame used (the footprint's corners mapped back through the
     * homography). A corner that does not map back inside the frame is taken as the frame's corner.
     */
    static double[][] footprintCorners(MatchCandidate candidate) {
        int w = candidate.frameWidth();
        int h = candidate.frameHeight();
        double[][] corners = {{0, 0}, {w, 0}, {w, h}, {0, h}};
        double[] worldToFrame;
        try {
            worldToFrame = org.groundtruth.core.geolocate.PlaneHomography.invert(candidate.frameToWorld());
        } catch (IllegalArgumentException e) {
            return corners;
        }
        for (int k = 0; k < 4; k++) {
            LatLon g = candidate.footprint().get(k);
            double[] p = org.groundtruth.core.geolocate.PlaneHomography.apply(worldToFrame,
                    org.groundtruth.core.geolocate.MercatorPixels.x(g.lon(), candidate.zoom()),
                    org.groundtruth.core.geolocate.MercatorPixels.y(g.lat(), candidate.zoom()));
            if (Double.isFinite(p[0]) && Double.isFinite(p[1]) && p[0] >= -1 && p[1] >= -1 && p[0] <= w + 1 && p[1] <= h + 1) {
                corners[k] = new double[] {Math.max(0, Math.min(w, p[0])), Math.max(0, Math.min(h, p[1]))};
            }
        }
        return corners;
    }

    /** Rejects a candidate for a frame; later searches of that frame leave the same place out. */
    public MatchDecision reject(FrameReference frame, MatchCandidate candidate, String layer, String actor) {
        return db.inTransaction(c -> {
            requireEvidence(c, frame.evidenceId());
            MatchDecision d = decision(frame, candidate, layer, MatchVerdict.REJECTED, Optional.empty(), actor);
            insertDecision(c, d, actor);
            return d;
        });
    }

    public List<MatchDecision> decisions(FrameReference frame) {
        return db.read(c -> Sql.query(c, "SELECT id, layer, lat, lon, score, inliers, verdict, pin_id, analyst, decided_at"
                + " FROM image_match_decision WHERE evidence_id = ? AND frame = ? ORDER BY decided_at, id",
                rs -> new MatchDecision(rs.getString("id"), frame, rs.getString("layer"),
                        new LatLon(rs.getDouble("lat"), rs.getDouble("lon")), rs.getDouble("score"), rs.getInt("inliers"),
                        Sql.coded(rs, "verdict", MatchVerdict.class), Sql.optionalString(rs, "pin_id"),
                        rs.getString("analyst"), Sql.instant(rs, "decided_at")),
                frame.evidenceId(), frame.frameNumber()));
    }

    /** The candidates minus those within {@code meters} of a place rejected for this frame. */
    public List<MatchCandidate> withoutRejected(FrameReference frame, List<MatchCandidate> candidates, double meters) {
        List<LatLon> rejected = decisions(frame).stream().filter(d -> d.verdict() == MatchVerdict.REJECTED)
                .map(MatchDecision::center).toList();
        return candidates.stream().filter(cand -> rejected.stream()
                .noneMatch(r -> Geodesy.measure(r, cand.center()).distanceMeters() <= meters)).toList();
    }

    private static MatchDecision decision(FrameReference frame, MatchCandidate c, String layer, MatchVerdict verdict,
            Optional<String> pin, String actor) {
        return new MatchDecision(Ids.next(MatchDecision.ID_PREFIX), frame, layer, c.center(), c.score(), c.inliers(), verdict,
                pin, actor, Instant.now());
    }

    private static void insertDecision(Connection c, MatchDecision d, String actor) throws SQLException {
        Sql.update(c, "INSERT INTO image_match_decision (id, evidence_id, frame, layer, lat, lon, score, inliers, verdict,"
                + " pin_id, analyst, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", d.id(), d.frame().evidenceId(),
                d.frame().frameNumber(), d.layer(), d.center().lat(), d.center().lon(), d.score(), d.inliers(), d.verdict(),
                d.pinId(), d.analyst(), d.decidedAt());
        AuditLog.append(c, new AuditLog.Change(actor, AuditAction.CREATE, DECISION_ENTITY, d.id(), null, d,
                "image match " + d.verdict().code()));
    }

    private static void requireEvidence(Connection c, String evidenceId) throws SQLException {
        if (Sql.count(c, "SELECT count(*) FROM evidence_item WHERE id = ?", evidenceId) == 0) {
            throw new BadInputException("unknown evidence id: " + evidenceId);
        }
    }

    static byte[] bytes(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return b.array();
    }

    static float[] floats(byte[] bytes) {
        float[] out = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }
}
