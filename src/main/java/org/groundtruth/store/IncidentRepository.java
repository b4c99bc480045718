package org.groundtruth.store;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.Sensitivity;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.incident.Casualties;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.incident.IncidentQuery;
import org.groundtruth.core.incident.StrikeSequence;
import org.groundtruth.core.incident.StrikeType;
import org.groundtruth.core.incident.TargetType;
import org.groundtruth.core.incident.TimePrecision;
import org.groundtruth.core.verify.VerificationStatus;

/** Incidents and their row in the space-time index. */
final class IncidentRepository {
    private static final String COLUMNS = "id, title, description, occurred_at, time_precision, place_name, admin1,"
            + " lat, lon, target_type, strike_type, strike_sequence, killed_responders, injured_responders,"
            + " killed_civilians, injured_civilians, status, tags, sensitivity";

    private IncidentRepository() {
    }

    static final String INSERT = "INSERT INTO incident (" + COLUMNS + ", created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** The space-time row of the incident just inserted on the connection ({@link #spaceTime} binds the rest). */
    static final String INSERT_SPACE_TIME_OF_LAST = "INSERT INTO incident_space_time VALUES (last_insert_rowid(),"
            + " ?, ?, ?, ?, ?, ?)";

    static void insert(Connection c, Incident i) throws SQLException {
        Instant now = Instant.now();
        Sql.update(c, INSERT, values(i, now, now));
        indexSpaceTime(c, i);
    }

    /** The parameters of {@link #INSERT} for a new incident created at {@code now}. */
    static Object[] insertValues(Incident i, Instant now) {
        return values(i, now, now);
    }

    /** The parameters of {@link #INSERT_SPACE_TIME_OF_LAST}; empty when the incident has no place or no time. */
    static Optional<Object[]> spaceTime(Incident i) {
        if (i.location().isEmpty() || i.occurredAt().isEmpty()) {
            return Optional.empty();
        }
        LatLon p = i.location().get();
        long t = i.occurredAt().get().getEpochSecond();
        return Optional.of(new Object[] {p.lon(), p.lon(), p.lat(), p.lat(), t, t});
    }

    static void update(Connection c, Incident i) throws SQLException {
        Sql.update(c, "UPDATE incident SET title = ?, description = ?, occurred_at = ?, time_precision = ?,"
                        + " place_name = ?, admin1 = ?, lat = ?, lon = ?, target_type = ?, strike_type = ?,"
                        + " strike_sequence = ?, killed_responders = ?, injured_responders = ?, killed_civilians = ?,"
                        + " injured_civilians = ?, status = ?, tags = ?, sensitivity = ?, updated_at = ? WHERE id = ?",
                i.title(), i.description(), i.occurredAt(), i.timePrecision(), i.placeName(), i.admin1(),
                i.location().map(LatLon::lat), i.location().map(LatLon::lon), i.targetType(), i.strikeType(),
                i.strikeSequence(), i.casualties().killedResponders(), i.casualties().injuredResponders(),
                i.casualties().killedCivilians(), i.casualties().injuredCivilians(), i.status(),
                Json.write(i.tags()), i.sensitivity(), Instant.now(), i.id());
        indexSpaceTime(c, i);
    }

    static void delete(Connection c, String id) throws SQLException {
        Sql.update(c, "DELETE FROM incident_space_time WHERE id = (SELECT rowid_key FROM incident WHERE id = ?)", id);
        Sql.update(c, "DELETE FROM incident WHERE id = ?", id);
    }

    static Optional<Incident> find(Connection c, String id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM incident WHERE id = ?", IncidentRepository::map, id);
    }

    static List<Incident> list(Connection c, IncidentQuery query) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM incident WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        query.text().ifPresent(text -> {
            sql.append(" AND id IN (SELECT incident_id FROM incident_search WHERE incident_search MATCH ?)");
            params.add(SearchIndex.matchExpression(text));
        });
        if (!query.statuses().isEmpty()) {
            sql.append(" AND status IN (").append("?, ".repeat(query.statuses().size() - 1)).append("?)");
            params.addAll(query.statuses());
        }
        query.from().ifPresent(from -> {
            sql.append(" AND occurred_at >= ?");
            params.add(from);
        });
        query.until().ifPresent(until -> {
            sql.append(" AND occurred_at < ?");
            params.add(until);
        });
        sql.append(" ORDER BY occurred_at IS NULL, occurred_at DESC, title");
        return Sql.query(c, sql.toString(), IncidentRepository::map, params.toArray());
    }

    static long count(Connection c) throws SQLException {
        return Sql.count(c, "SELECT count(*) FROM incident");
    }

    private static Object[] values(Incident i, Instant created, Instant updated) {
        return new Object[] {i.id(), i.title(), i.description(), i.occurredAt(), i.timePrecision(), i.placeName(),
            i.admin1(), i.location().map(LatLon::lat), i.location().map(LatLon::lon), i.targetType(),
            i.strikeType(), i.strikeSequence(), i.casualties().killedResponders(),
            i.casualties().injuredResponders(), i.casualties().killedCivilians(),
            i.casualties().injuredCivilians(), i.status(), Json.write(i.tags()), i.sensitivity(), created, updated};
    }

    /** Incidents with both a place and a time are in the R*Tree; others are not spatially queryable. */
    private static void indexSpaceTime(Connection c, Incident i) throws SQLException {
        Sql.update(c, "DELETE FROM incident_space_time WHERE id = (SELECT rowid_key FROM incident WHERE id = ?)",
                i.id());
        if (i.location().isPresent() && i.occurredAt().isPresent()) {
            LatLon p = i.location().get();
            long t = i.occurredAt().get().getEpochSecond();
            Sql.update(c, "INSERT INTO incident_space_time SELECT rowid_key, ?, ?, ?, ?, ?, ? FROM incident"
                    + " WHERE id = ?", p.lon(), p.lon(), p.lat(), p.lat(), t, t, i.id());
        }
    }

    private static Incident map(ResultSet rs) throws SQLException {
        Optional<Double> lat = Sql.optionalDouble(rs, "lat");
        Optional<Double> lon = Sql.optionalDouble(rs, "lon");
        Optional<LatLon> location = lat.isPresent() && lon.isPresent()
                ? Optional.of(new LatLon(lat.get(), lon.get())) : Optional.empty();
        List<String> tags = readTags(rs.getString("tags"));
        return new Incident(rs.getString("id"), rs.getString("title"), rs.getString("description"),
                Sql.optionalInstant(rs, "occurred_at"), Sql.coded(rs, "time_precision", TimePrecision.class),
                rs.getString("place_name"), rs.getString("admin1"), location,
                Sql.coded(rs, "target_type", TargetType.class), Sql.coded(rs, "strike_type", StrikeType.class),
                Sql.coded(rs, "strike_sequence", StrikeSequence.class),
                new Casualties(rs.getInt("killed_responders"), rs.getInt("injured_responders"),
                        rs.getInt("killed_civilians"), rs.getInt("injured_civilians")),
                Sql.coded(rs, "status", VerificationStatus.class), tags,
                Sql.coded(rs, "sensitivity", Sensitivity.class));
    }

    private static List<String> readTags(String json) throws SQLException {
        try {
            return Json.mapper().readValue(json, new TypeReference<List<String>>() { });
        } catch (java.io.IOException e) {
            throw new SQLException("tags column is not a JSON array: " + json, e);
        }
    }
}
