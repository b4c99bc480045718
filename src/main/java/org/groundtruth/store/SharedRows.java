package org.groundtruth.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.groundtruth.core.audit.AuditAction;

/**
 * The row check for records shared with the team (decision 1710, superseding the gap left by 1230): a row is
 * compared with what replaying its entity's entries gives — this laptop's last custody state, then the pulled
 * entries of other analysts merged onto it by the same rules the pull applies (incident fields merge when the
 * value here is still the remote "before", otherwise the local value stays and a conflict is kept; records are
 * created once; source and double-tap edits apply when this laptop still has their "before"; a pulled
 * resolution sets its field only where it closed a conflict here). The laptop does not record when each pull came
 * between its own entries, so every point of the pulled sequence is tried; the row passes when one of them gives
 * it. A row edited around the program to a value no such replay gives is named, shared or not.
 */
final class SharedRows {
    private static final List<String> INCIDENT_FIELDS = List.of("incidentId", "first", "second");
    private static final List<String> CREATED_ONCE = List.of("pin", "insignia", "chronolocation", "review",
            "corroboration");

    /** One pulled entry, in the order pulls apply them (project sequence). */
    private record Pulled(String device, long sequence, String action, String before, String after, String reason) {
    }

    private final Map<String, List<Pulled>> byEntity = new HashMap<>();
    private final Set<String> shared = new HashSet<>();
    private final Set<String> teamLinks = new HashSet<>();
    private final Set<String> closedHere = new HashSet<>();
    private final Set<String> openRecordConflicts = new HashSet<>();
    private final Set<String> locallyDeleted = new HashSet<>();
    private final Set<String> incidentsHere = new HashSet<>();
    private final Set<String> evidenceSha = new HashSet<>();

    private SharedRows() {
    }

    static SharedRows read(Connection c) throws SQLException {
        SharedRows rows = new SharedRows();
        if (Sql.query(c, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'team_entry'",
                rs -> rs.getString(1)).isEmpty()) {
            return rows;
        }
        Sql.query(c, "SELECT device_id, sequence, action, entity_type, entity_id, before_json, after_json, reason"
                + " FROM team_entry ORDER BY project_seq, device_id, sequence", rs -> {
                    String type = rs.getString(4);
                    String id = rs.getString(5);
                    Pulled p = new Pulled(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(6),
                            rs.getString(7), rs.getString(8));
                    rows.shared.add(id);
                    for (String json : new String[] {p.before(), p.after()}) {
                        if (json != null && json.strip().startsWith("{")) {
                            JsonNode state = tree(json);
                            INCIDENT_FIELDS.stream().filter(state::hasNonNull).forEach(f -> rows.shared.add(state.get(f).asText()));
                        }
                    }
                    if (AuditAction.LINK.code().equals(p.action())) {
                        JsonNode link = tree(p.after());
                        rows.teamLinks.add(link.path("incidentId").asText() + " " + link.path("evidenceId").asText());
                    } else {
                        rows.byEntity.computeIfAbsent(type + " " + id, k -> new ArrayList<>()).add(p);
                    }
                    return null;
                });
        if (rows.shared.isEmpty()) {
            return rows;
        }
        Sql.query(c, "SELECT field, resolved_by FROM team_conflict", rs -> {
            String by = rs.getString(2);
            if (by == null) {
                rows.openRecordConflicts.add(rs.getString(1));
            } else if (by.startsWith("device ")) {
                rows.closedHere.add(by + " " + rs.getString(1));
            }
            return null;
        });
        rows.locallyDeleted.addAll(Sql.query(c, "SELECT entity_id FROM audit_log WHERE entity_type = 'incident'"
                + " AND action = 'delete'", rs -> rs.getString(1)));
        rows.incidentsHere.addAll(Sql.query(c, "SELECT id FROM incident", rs -> rs.getString(1)));
        rows.evidenceSha.addAll(Sql.query(c, "SELECT sha256 FROM evidence_item", rs -> rs.getString(1)));
        return rows;
    }

    boolean isEmpty() {
        return shared.isEmpty();
    }

    /** Whether the team's entries touch this entity, or the incident its state names. */
    boolean touches(String id, Optional<String> state) {
        if (shared.isEmpty()) {
            return false;
        }
        if (shared.contains(id)) {
            return true;
        }
        if (state.isEmpty()) {
            return false;
        }
        JsonNode s = tree(state.get());
        return INCIDENT_FIELDS.stream().anyMatch(f -> s.hasNonNull(f) && shared.contains(s.get(f).asText()));
    }

    boolean touchesIncident(String incidentId) {
        return shared.contains(incidentId);
    }

    boolean incidentHere(String incidentId) {
        return incidentsHere.contains(incidentId);
    }

    /** Whether another analyst's pulled entry links this incident and evidence (key "incident evidence"). */
    boolean teamLinked(String key) {
        return teamLinks.contains(key);
    }

    /**
     * Why the row of a shared entity is not what replaying its entries gives, or empty when it is. {@code local} is
     * the state of this laptop's last custody entry for it (empty: none, or deleted), {@code hasLocal} whether
     * there is such an entry; {@code row} the row's record as JSON (empty: no row).
     */
    Optional<String> problem(String type, String id, boolean hasLocal, Optional<String> local, long localSequence,
            Optional<String> row) {
        List<Pulled> pulled = byEntity.getOrDefault(type + " " + id, List.of());
        // A resolution that kept "the local value" of a record conflict holds the reason the record was missing here,
        // not a record: it states nothing about the row (the record may be back with its restored incident).
        Optional<JsonNode> start = local.map(SharedRows::tree).filter(JsonNode::isObject);
        Optional<JsonNode> have = row.map(SharedRows::tree);
        Set<String> ignored = type.equals("pin") ? Set.of("accepted") : Set.of();
        List<Optional<JsonNode>> candidates = new ArrayList<>();
        // Without an entry here every pulled entry came onto nothing; with one, any of them may have come before it.
        int lastCut = hasLocal ? pulled.size() : 0;
        for (int cut = 0; cut <= lastCut; cut++) {
            Optional<JsonNode> state = start;
            for (Pulled p : pulled.subList(cut, pulled.size())) {
                state = apply(type, id, state, p);
            }
            candidates.add(settle(type, id, state));
        }
        for (Optional<JsonNode> expected : candidates) {
            if (differs(expected, have, ignored).isEmpty()) {
                return Optional.empty();
            }
        }
        if (have.isEmpty() && acceptablyAbsent(type, id, candidates.get(0))) {
            return Optional.empty();
        }
        Optional<JsonNode> expected = candidates.get(0);
        String from = (hasLocal ? "its last custody entry (" + localSequence + ")" : "no custody entry here")
                + (pulled.isEmpty() ? "" : " merged with " + pulled.size() + " pulled team entries");
        if (expected.isEmpty()) {
            return Optional.of(type + " " + id + " is in the database but " + from + " does not make it");
        }
        if (have.isEmpty()) {
            return Optional.of(type + " " + id + " is missing from the database (" + from + " says it exists)");
        }
        return Optional.of(type + " " + id + " differs from " + from + ": " + differs(expected, have, ignored).get());
    }

    /** Records of an incident that is not here, or kept aside by an open conflict, are absent by design. */
    private Optional<JsonNode> settle(String type, String id, Optional<JsonNode> state) {
        if (state.isEmpty() || !CREATED_ONCE.contains(type) || type.equals("corroboration")) {
            return state;
        }
        String incident = state.get().path("incidentId").asText("");
        return incidentsHere.contains(incident) ? state : Optional.empty();
    }

    private boolean acceptablyAbsent(String type, String id, Optional<JsonNode> expected) {
        if (openRecordConflicts.contains("(" + type + " " + id + ")")) {
            return true;
        }
        // An evidence item pulled whose content this laptop already held under another id was not inserted.
        return type.equals(EvidenceService.ENTITY) && expected.isPresent()
                && evidenceSha.contains(expected.get().path("sha256").asText(""));
    }

    private Optional<JsonNode> apply(String type, String id, Optional<JsonNode> state, Pulled p) {
        JsonNode after = tree(p.after());
        if (type.equals(IncidentService.ENTITY)) {
            return incident(id, state, p, tree(p.before()), after);
        }
        boolean resolution = p.reason().startsWith(TeamLocal.RESOLUTION + "(" + type + " " + id + ") ");
        if (resolution) {
            return after.isObject() ? Optional.of(after) : state;
        }
        if (CREATED_ONCE.contains(type)) {
            if (!AuditAction.CREATE.code().equals(p.action()) || state.isPresent()) {
                return state;
            }
            if (type.equals("pin")) {
                ObjectNode pin = after.deepCopy();
                pin.put("accepted", false);
                return Optional.of(pin);
            }
            return Optional.of(after);
        }
        if (type.equals(EvidenceService.ENTITY)) {
            return AuditAction.IMPORT.code().equals(p.action()) && state.isEmpty() ? Optional.of(after) : state;
        }
        if (type.equals("source") || type.equals(PatternService.DECISION_ENTITY)) {
            boolean applies = AuditAction.CREATE.code().equals(p.action()) || AuditAction.UPDATE.code().equals(p.action());
            if (!applies || !after.isObject()) {
                return state;
            }
            JsonNode before = tree(p.before());
            if (state.isEmpty()) {
                return type.equals("source") || before.isNull() ? Optional.of(after) : state;
            }
            return state.get().equals(after) || state.get().equals(before) ? Optional.of(after) : state;
        }
        return state;
    }

    /** As {@code TeamLocal.applyIncident}, without its side effects. */
    private Optional<JsonNode> incident(String id, Optional<JsonNode> state, Pulled p, JsonNode before, JsonNode after) {
        if (after.isNull()) {
            return state.isPresent() && state.get().equals(before) ? Optional.empty() : state;
        }
        if (state.isEmpty()) {
            return before.isNull() || !locallyDeleted.contains(id) ? Optional.of(after) : state;
        }
        ObjectNode merged = state.get().deepCopy();
        String resolved = p.reason().startsWith(TeamLocal.RESOLUTION)
                ? p.reason().substring(TeamLocal.RESOLUTION.length()).split(" ", 2)[0] : null;
        Set<String> fields = new LinkedHashSet<>();
        after.fieldNames().forEachRemaining(fields::add);
        for (String field : fields) {
            if (field.equals(resolved)) {
                continue;
            }
            JsonNode was = before.isNull() ? null : before.get(field);
            JsonNode now = after.get(field);
            JsonNode here = state.get().get(field);
            if (now.equals(was) || now.equals(here)) {
                continue;
            }
            if (here == null || (was != null && here.equals(was))) {
                merged.set(field, now);
            }
        }
        if (resolved != null && after.has(resolved)
                && closedHere.contains("device " + p.device() + " entry " + p.sequence() + " " + resolved)) {
            merged.set(resolved, after.get(resolved));
        }
        return Optional.of(merged);
    }

    private static Optional<String> differs(Optional<JsonNode> expected, Optional<JsonNode> have, Set<String> ignored) {
        if (expected.isEmpty() || have.isEmpty()) {
            return expected.isEmpty() == have.isEmpty() ? Optional.empty()
                    : Optional.of(expected.isEmpty() ? "no state expected" : "no row");
        }
        Iterator<String> fields = expected.get().fieldNames();
        while (fields.hasNext()) {
            String field = fields.next();
            if (ignored.contains(field)) {
                continue;
            }
            JsonNode want = expected.get().get(field);
            JsonNode got = have.get().path(field);
            if (!want.equals(got)) {
                return Optional.of(field + " is " + LoggedStates.shown(got) + " in the database, "
                        + LoggedStates.shown(want) + " by the entries");
            }
        }
        return Optional.empty();
    }

    private static JsonNode tree(String json) {
        return LoggedStates.tree(json == null ? "null" : json);
    }
}
