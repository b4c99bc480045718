package org.groundtruth.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.evidence.FrameReference;
import org.groundtruth.core.geo.CameraView;
import org.groundtruth.core.geo.GeolocationPin;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.geo.MatchedFeature;

/** Geolocation pins with their matched features. */
final class PinRepository {
    private PinRepository() {
    }

    static final String INSERT = "INSERT INTO geolocation_pin (id, incident_id, lat, lon, precision_m, camera_lat,"
            + " camera_lon, bearing_deg, fov_deg, method, reference_layer, reference_capture_date, analyst, accepted,"
            + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String INSERT_FEATURE = "INSERT INTO matched_feature (pin_id, position, description, evidence_id,"
            + " frame, lat, lon) VALUES (?, ?, ?, ?, ?, ?, ?)";

    static void insert(Connection c, GeolocationPin p) throws SQLException {
        Sql.update(c, INSERT, values(p));
        for (Object[] feature : featureValues(p)) {
            Sql.update(c, INSERT_FEATURE, feature);
        }
    }

    /** The parameters of {@link #INSERT}. */
    static Object[] values(GeolocationPin p) {
        Optional<CameraView> cam = p.camera();
        return new Object[] {p.id(), p.incidentId(), p.target().lat(), p.target().lon(), p.precisionMeters(),
            cam.map(v -> v.position().lat()), cam.map(v -> v.position().lon()),
            cam.map(CameraView::bearingDegrees), cam.map(CameraView::fieldOfViewDegrees), p.method(),
            p.referenceLayer(), p.referenceCaptureDate(), p.analyst(), p.accepted(), p.createdAt()};
    }

    /** The parameters of {@link #INSERT_FEATURE}, one array per matched feature, in order. */
    static List<Object[]> featureValues(GeolocationPin p) {
        List<Object[]> rows = new java.util.ArrayList<>(p.matchedFeatures().size());
        int position = 0;
        for (MatchedFeature f : p.matchedFeatures()) {
            rows.add(new Object[] {p.id(), position++, f.description(), f.frame().map(FrameReference::evidenceId),
                f.frame().map(FrameReference::frameNumber), f.mapPoint().lat(), f.mapPoint().lon()});
        }
        return rows;
    }

    static Optional<GeolocationPin> find(Connection c, String id) throws SQLException {
        Optional<GeolocationPin> pin = Sql.one(c, "SELECT * FROM geolocation_pin WHERE id = ?", PinRepository::map, id);
        return pin.isPresent() ? Optional.of(withFeatures(c, pin.get())) : pin;
    }

    static List<GeolocationPin> forIncident(Connection c, String incidentId) throws SQLException {
        List<GeolocationPin> pins = Sql.query(c, "SELECT * FROM geolocation_pin WHERE incident_id = ?"
                + " ORDER BY created_at, id", PinRepository::map, incidentId);
        List<GeolocationPin> complete = new java.util.ArrayList<>();
        for (GeolocationPin pin : pins) {
            complete.add(withFeatures(c, pin));
        }
        return complete;
    }

    /** Makes {@code pinId} the incident's only accepted pin. */
    static void accept(Connection c, String incidentId, String pinId) throws SQLException {
        Sql.update(c, "UPDATE geolocation_pin SET accepted = 0 WHERE incident_id = ? AND accepted = 1", incidentId);
        Sql.update(c, "UPDATE geolocation_pin SET accepted = 1 WHERE id = ?", pinId);
    }

    private static GeolocationPin map(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        Optional<Double> camLat = Sql.optionalDouble(rs, "camera_lat");
        Optional<CameraView> camera = camLat.isPresent()
                ? Optional.of(new CameraView(new LatLon(camLat.get(), rs.getDouble("camera_lon")),
                        rs.getDouble("bearing_deg"), rs.getDouble("fov_deg")))
                : Optional.empty();
        Optional<LocalDate> captured = Sql.optionalString(rs, "reference_capture_date").map(LocalDate::parse);
        return new GeolocationPin(id, rs.getString("incident_id"),
                new LatLon(rs.getDouble("lat"), rs.getDouble("lon")), rs.getDouble("precision_m"), camera,
                rs.getString("method"), List.of(), rs.getString("reference_layer"), captured,
                rs.getString("analyst"), rs.getInt("accepted") == 1, Sql.instant(rs, "created_at"));
    }

    /** Pins are read in two steps so the feature query does not run while the pin cursor is open. */
    private static GeolocationPin withFeatures(Connection c, GeolocationPin pin) throws SQLException {
        List<MatchedFeature> features = Sql.query(c, "SELECT * FROM matched_feature WHERE pin_id = ? ORDER BY position",
                rs -> {
                    Optional<String> evidence = Sql.optionalString(rs, "evidence_id");
                    Optional<FrameReference> frame = evidence.isPresent()
                            ? Optional.of(new FrameReference(evidence.get(), rs.getLong("frame"))) : Optional.empty();
                    return new MatchedFeature(rs.getString("description"), frame,
                            new LatLon(rs.getDouble("lat"), rs.getDouble("lon")));
                }, pin.id());
        return new GeolocationPin(pin.id(), pin.incidentId(), pin.target(), pin.precisionMeters(), pin.camera(),
                pin.method(), features, pin.referenceLayer(), pin.referenceCaptureDate(), pin.analyst(),
                pin.accepted(), pin.createdAt());
    }
}
