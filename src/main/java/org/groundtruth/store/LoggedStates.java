package org.groundtruth.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.groundtruth.core.audit.AuditAction;
import org.groundtruth.core.audit.StateCheck;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.verify.Chronolocation;
import org.groundtruth.core.verify.Corroboration;
import org.groundtruth.core.verify.InsigniaObservation;
import org.groundtruth.core.verify.Review;

/**
 * Makes the custody log the reference for the data: rebuilds each entity's current state from the log (the
 * {@code after} JSON of its last entry; none after a delete, and none for the records an incident's delete
 * cascades to) and compares it with its row. A row edited, added or removed around the program — with the
 * {@code sqlite3} shell, say — is named: the first entity (in a fixed order of types, then by id) whose row is
 * not its logged state. Fields a later version added to a record (absent from older entries) are not compared.
 */
final class LoggedStates {
    /** Audited entity types with rows, in the order they are compared; links (incident ↔ evidence) come last. */
    private static final List<String> TYPES = List.of(IncidentService.ENTITY, EvidenceService.ENTITY, "source", "pin",
            "insignia", "chronolocation", "review", "corroboration", PatternService.DECISION_ENTITY, SignerTrust.ENTITY);
    static final String LINK = "link";
    /** Fields of a logged state that name an incident: the record goes when that incident is deleted. */
    private static final List<String> INCIDENT_FIELDS = List.of("incidentId", "first", "second");

    private LoggedStates() {
    }

    private record Logged(long sequence, Optional<String> after) {
    }

    static StateCheck check(Connection c) throws SQLException {
        Map<String, Map<String, Logged>> logged = new HashMap<>();
        Map<String, Long> links = new HashMap<>();
        readLog(c, logged, links);
        SharedRows team = SharedRows.read(c);
        Set<String> deletedIncidents = new HashSet<>();
        logged.getOrDefault(IncidentService.ENTITY, Map.of()).forEach((id, state) -> {
            if (state.after().isEmpty()) {
                deletedIncidents.add(id);
            }
        });
        long checked = 0;
        for (String type : TYPES) {
            Map<String, Logged> expected = new TreeMap<>();
            for (Map.Entry<String, Logged> e : logged.getOrDefault(type, Map.of()).entrySet()) {
                if (e.getValue().after().isPresent() && !orphaned(e.getValue().after().get(), deletedIncidents)) {
                    expected.put(e.getKey(), e.getValue());
                }
            }
            Map<String, RowState> rows = rows(c, type);
            Set<String> ids = new TreeSet<>(expected.keySet());
            ids.addAll(rows.keySet());
            for (String id : ids) {
                checked++;
                Logged last = logged.getOrDefault(type, Map.of()).get(id);
                Optional<String> problem;
                if (team.touches(id, last == null ? Optional.empty() : last.after())) {
                    // its state is this log merged with the team's signed entries, replayed (decision 1710)
                    problem = shared(team, type, id, last, expected.get(id), rows.get(id));
                } else {
                    problem = compare(type, id, expected.get(id), rows.get(id));
                }
                if (problem.isPresent()) {
                    return StateCheck.differs(checked, type, id, problem.get());
                }
            }
        }
        Set<String> expectedLinks = new TreeSet<>();
        links.keySet().stream().filter(key -> !deletedIncidents.contains(key.substring(0, key.indexOf(' '))))
                .forEach(expectedLinks::add);
        Set<String> rowLinks = new TreeSet<>(Sql.query(c, "SELECT incident_id, evidence_id FROM incident_evidence",
                rs -> rs.getString(1) + " " + rs.getString(2)));
        Set<String> allLinks = new TreeSet<>(expectedLinks);
        allLinks.addAll(rowLinks);
        for (String key : allLinks) {
            checked++;
            String incident = key.substring(0, key.indexOf(' '));
            boolean sharedIncident = team.touchesIncident(incident);
            if (sharedIncident && !team.incidentHere(incident)) {
                continue; // the incident itself is checked against the replay, which says it is gone
            }
            String name = "link incident " + key.replace(" ", " ↔ evidence ");
            if (!rowLinks.contains(key)) {
                return StateCheck.differs(checked, LINK, key.replace(' ', '>'), name
                        + " is in the custody log (entry " + links.get(key) + ") but not in the database");
            }
            if (!expectedLinks.contains(key) && !(sharedIncident && team.teamLinked(key))) {
                return StateCheck.differs(checked, LINK, key.replace(' ', '>'), name
                        + " is in the database but no custody entry made it");
            }
        }
        return StateCheck.agrees(checked);
    }

    private static void readLog(Connection c, Map<String, Map<String, Logged>> logged, Map<String, Long> links)
            throws SQLException {
        Set<String> audited = new HashSet<>(TYPES);
        try (PreparedStatement st = c.prepareStatement(
                "SELECT sequence, action, entity_type, entity_id, after_json, before_json FROM audit_log ORDER BY sequence");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                long sequence = rs.getLong(1);
                String action = rs.getString(2);
                String type = rs.getString(3);
                String after = rs.getString(5);
                if (AuditAction.LINK.code().equals(action) || AuditAction.UNLINK.code().equals(action)) {
                    JsonNode link = tree(AuditAction.LINK.code().equals(action) ? after : rs.getString(6));
                    String key = link.path("incidentId").asText() + " " + link.path("evidenceId").asText();
                    if (AuditAction.LINK.code().equals(action)) {
                        links.put(key, sequence);
                    } else {
                        links.remove(key);
                    }
                } else if (audited.contains(type)) {
                    boolean gone = after == null || after.isBlank() || "null".equals(after.strip());
                    logged.computeIfAbsent(type, t -> new HashMap<>()).put(rs.getString(4),
                            new Logged(sequence, gone ? Optional.empty() : Optional.of(after)));
                }
            }
        }
    }

    /** The check of a record the team shares: the replay of this log and the pulled entries ({@link SharedRows}). */
    private static Optional<String> shared(SharedRows team, String type, String id, Logged last, Logged expected,
            RowState row) {
        if (row != null && row.json().isEmpty()) {
            return Optional.of(type + " " + id + " cannot be read from the database: " + row.unreadable());
        }
        return team.problem(type, id, last != null, expected == null ? Optional.empty() : expected.after(),
                last == null ? 0 : last.sequence(), row == null ? Optional.empty() : row.json());
    }

    private static boolean orphaned(String after, Set<String> deletedIncidents) {
        if (deletedIncidents.isEmpty()) {
            return false;
        }
        JsonNode state = tree(after);
        return INCIDENT_FIELDS.stream().anyMatch(f -> state.hasNonNull(f) && deletedIncidents.contains(state.get(f).asText()));
    }

    /** A row as the domain record it maps to (its JSON), or why it cannot be read. */
    private record RowState(Optional<String> json, String unreadable) {
    }

    private static Optional<String> compare(String type, String id, Logged logged, RowState row) {
        if (logged == null) {
            return Optional.of(type + " " + id + " is in the database but no custody entry made it");
        }
        if (row == null) {
            return Optional.of(type + " " + id + " is missing from the database (its last custody entry, "
                    + logged.sequence() + ", says it exists)");
        }
        if (row.json().isEmpty()) {
            return Optional.of(type + " " + id + " cannot be read from the database: " + row.unreadable());
        }
        JsonNode expected = tree(logged.after().orElseThrow());
        JsonNode actual = tree(row.json().get());
        Iterator<String> fields = expected.fieldNames();
        while (fields.hasNext()) {
            String field = fields.next();
            JsonNode want = expected.get(field);
            JsonNode have = actual.path(field);
            if (!want.equals(have)) {
                return Optional.of(type + " " + id + " differs from its last custody entry (" + logged.sequence()
                        + "): " + field + " is " + shown(have) + " in the database, " + shown(want) + " in the log");
            }
        }
        return Optional.empty();
    }

    /** A field's value for a one-line message, cut to 60 characters. */
    static String shown(JsonNode value) {
        String text = value.isMissingNode() ? "absent" : value.toString();
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    static JsonNode tree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new StoreException("a custody entry holds invalid JSON: " + e.getMessage(), e);
        }
    }

    private static Map<String, RowState> rows(Connection c, String type) throws SQLException {
        Map<String, RowState> rows = new LinkedHashMap<>();
        switch (type) {
            case IncidentService.ENTITY -> each(c, "SELECT id FROM incident", rows, id -> IncidentRepository.find(c, id));
            case EvidenceService.ENTITY -> each(c, "SELECT id FROM evidence_item", rows, id -> EvidenceRepository.find(c, id));
            case "source" -> each(c, "SELECT id FROM source", rows, id -> EvidenceRepository.findSource(c, id));
            case "pin" -> each(c, "SELECT id FROM geolocation_pin", rows, id -> PinRepository.find(c, id));
            case "insignia" -> grouped(c, "insignia_observation", "incident_id", rows,
                    k -> ObservationRepository.insigniaForIncident(c, k), InsigniaObservation::id);
            case "chronolocation" -> grouped(c, "chronolocation", "incident_id", rows,
                    k -> ObservationRepository.chronolocationsFor(c, k), Chronolocation::id);
            case "review" -> grouped(c, "review", "incident_id", rows,
                    k -> ObservationRepository.reviewsFor(c, k), Review::id);
            case "corroboration" -> grouped(c, "corroboration", "evidence_a", rows,
                    k -> ObservationRepository.corroborationsOf(c, k), Corroboration::id);
            case PatternService.DECISION_ENTITY -> {
                for (var d : Sql.query(c, "SELECT * FROM double_tap_decision", PatternService::decision)) {
                    rows.put(d.pairKey(), new RowState(Optional.of(Json.write(d)), ""));
                }
            }
            case SignerTrust.ENTITY -> {
                for (String fingerprint : Sql.query(c, "SELECT fingerprint FROM trusted_signer", rs -> rs.getString(1))) {
                    rows.put(fingerprint, read(() -> SignerTrust.find(c, fingerprint).map(Json::write)));
                }
            }
            default -> throw new IllegalStateException("no rows for " + type);
        }
        return rows;
    }

    @FunctionalInterface
    private interface Finder<T> {
        Optional<T> find(String id) throws SQLException;
    }

    @FunctionalInterface
    private interface Lister<T> {
        List<T> list(String key) throws SQLException;
    }

    private static <T> void each(Connection c, String idQuery, Map<String, RowState> rows, Finder<T> finder)
            throws SQLException {
        for (String id : Sql.query(c, idQuery, rs -> rs.getString(1))) {
            rows.put(id, read(() -> finder.find(id).map(Json::write)));
        }
    }

    private static <T> void grouped(Connection c, String table, String keyColumn, Map<String, RowState> rows,
            Lister<T> lister, java.util.function.Function<T, String> idOf) throws SQLException {
        List<String> ids = Sql.query(c, "SELECT id FROM " + table, rs -> rs.getString(1));
        Map<String, String> found = new HashMap<>();
        Map<String, String> unreadable = new HashMap<>();
        for (String key : Sql.query(c, "SELECT DISTINCT " + keyColumn + " FROM " + table, rs -> rs.getString(1))) {
            try {
                for (T record : lister.list(key)) {
                    found.put(idOf.apply(record), Json.write(record));
                }
            } catch (RuntimeException e) {
                // One bad row spoils the list of its group: every id of the group is reported with the reason.
                for (String id : Sql.query(c, "SELECT id FROM " + table + " WHERE " + keyColumn + " = ?",
                        rs -> rs.getString(1), key)) {
                    unreadable.put(id, "the " + table + " rows of " + key + " do not map to records: " + e.getMessage());
                }
            }
        }
        for (String id : ids) {
            String json = found.get(id);
            rows.put(id, json != null ? new RowState(Optional.of(json), "")
                    : new RowState(Optional.empty(), unreadable.getOrDefault(id, "its row does not map to a record")));
        }
    }

    @FunctionalInterface
    private interface RowRead {
        Optional<String> json() throws SQLException;
    }

    private static RowState read(RowRead reader) throws SQLException {
        try {
            Optional<String> json = reader.json();
            return json.isPresent() ? new RowState(json, "") : new RowState(Optional.empty(), "its row does not map to a record");
        } catch (RuntimeException e) {
            return new RowState(Optional.empty(), String.valueOf(e.getMessage()));
        }
    }
}
