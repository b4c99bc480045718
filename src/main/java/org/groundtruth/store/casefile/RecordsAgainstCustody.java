package org.groundtruth.store.casefile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.groundtruth.core.audit.AuditAction;
import org.groundtruth.core.audit.AuditEntry;
import org.groundtruth.core.casefile.CaseFileLayout;

/**
 * Checks that {@code records.jsonl} says what {@code custody.jsonl} says: the last custody state ({@code after})
 * of every entity equals its record, and every record has a custody entry. The custody lines are each sealed by
 * their hash chain; the records are not, so a record edited (and the manifest re-signed by someone else) is
 * caught here. Fields a later version added to a record are not compared when an older entry lacks them.
 */
final class RecordsAgainstCustody {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Where each kind of record sits in a records line, and its custody entity type. */
    private static final Map<String, String> LISTS = Map.of("pins", "pin", "observations", "insignia",
            "chronolocations", "chronolocation", "reviews", "review", "corroborations", "corroboration");

    private static final java.util.List<String> INCIDENT_FIELDS = java.util.List.of("incidentId", "first", "second");

    private record Logged(long sequence, Optional<String> after) {
    }

    private final Map<String, Logged> custody = new HashMap<>();
    private final Map<String, JsonNode> records = new LinkedHashMap<>();
    private Optional<String> unreadable = Optional.empty();
    private boolean sawRecords;
    /** Ids other analysts' entries (team-custody.jsonl) touch, with their incidents: see {@link #teamLine}. */
    private final java.util.Set<String> shared = new java.util.HashSet<>();

    void custody(AuditEntry entry) {
        if (entry.action() == AuditAction.LINK || entry.action() == AuditAction.UNLINK
                || entry.action() == AuditAction.EXPORT) {
            return;
        }
        String after = entry.after();
        boolean gone = after == null || after.isBlank() || "null".equals(after.strip());
        custody.put(entry.entityType() + " " + entry.entityId(),
                new Logged(entry.sequence(), gone ? Optional.empty() : Optional.of(after)));
    }

    /**
     * An entry of another analyst (team mode): the records it touches are the merge of this custody log with the
     * team's signed entries, so this log alone does not vouch for them; their signatures are checked apart
     * (CaseSignatureCheck). Decision 1230.
     */
    void teamLine(Optional<byte[]> line) {
        if (line.isEmpty()) {
            return;
        }
        try {
            JsonNode entry = MAPPER.readTree(line.get());
            if (entry == null || !entry.hasNonNull("entity_id")) {
                return;
            }
            shared.add(entry.get("entity_id").asText());
            for (String side : new String[] {"before", "after"}) {
                String json = entry.path(side).asText("");
                if (json.strip().startsWith("{")) {
                    JsonNode state = MAPPER.readTree(json);
                    for (String field : INCIDENT_FIELDS) {
                        if (state.hasNonNull(field)) {
                            shared.add(state.get(field).asText());
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable team line is reported by the signature check, which reads the same file
        }
    }

    private boolean sharedWithTeam(String id, JsonNode record) {
        return shared.contains(id)
                || INCIDENT_FIELDS.stream().anyMatch(f -> record.hasNonNull(f) && shared.contains(record.get(f).asText()));
    }

    void recordLine(long number, Optional<byte[]> line) {
        sawRecords = true;
        if (line.isEmpty()) {
            unreadable = unreadable.or(() -> Optional.of("line " + number + " is too long"));
            return;
        }
        try {
            JsonNode node = MAPPER.readTree(line.get());
            if (node == null || node.isMissingNode()) {
                return;
            }
            put("incident", node.get("incident"));
            for (Map.Entry<String, String> list : LISTS.entrySet()) {
                for (JsonNode record : node.path(list.getKey())) {
                    put(list.getValue(), record);
                }
            }
            for (JsonNode evidence : node.path("evidence")) {
                put("evidence", evidence.get("item"));
                if (evidence.hasNonNull("source")) {
                    put("source", evidence.get("source"));
                }
            }
        } catch (IOException | RuntimeException e) {
            unreadable = unreadable.or(() -> Optional.of("line " + number + " is not a record: " + e.getMessage()));
        }
    }

    private void put(String type, JsonNode record) {
        if (record == null || !record.hasNonNull("id")) {
            throw new IllegalArgumentException("a " + type + " record has no id");
        }
        records.putIfAbsent(type + " " + record.get("id").asText(), record);
    }

    /** The first record that its custody entries do not vouch for, or empty (also when the file has no records). */
    Optional<String> firstMismatch() {
        if (!sawRecords) {
            return Optional.empty();
        }
        if (unreadable.isPresent()) {
            return Optional.of(CaseFileLayout.RECORDS + " " + unreadable.get());
        }
        for (Map.Entry<String, JsonNode> e : records.entrySet()) {
            String name = e.getKey();
            if (sharedWithTeam(name.substring(name.indexOf(' ') + 1), e.getValue())) {
                continue;
            }
            Logged logged = custody.get(name);
            if (logged == null) {
                return Optional.of(name + " is in " + CaseFileLayout.RECORDS + " but has no entry in " + CaseFileLayout.CUSTODY);
            }
            if (logged.after().isEmpty()) {
                return Optional.of(name + " is in " + CaseFileLayout.RECORDS + " but its last custody entry ("
                        + logged.sequence() + ") deleted it");
            }
            JsonNode expected;
            try {
                expected = MAPPER.readTree(logged.after().get());
            } catch (IOException ex) {
                return Optional.of(name + ": custody entry " + logged.sequence() + " holds invalid JSON");
            }
            Iterator<String> fields = expected.fieldNames();
            while (fields.hasNext()) {
                String field = fields.next();
                if (!expected.get(field).equals(e.getValue().path(field))) {
                    return Optional.of(name + " in " + CaseFileLayout.RECORDS + " differs from its last custody entry ("
                            + logged.sequence() + "): " + field);
                }
            }
        }
        return Optional.empty();
    }
}
