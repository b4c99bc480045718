package org.groundtruth.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.audit.AuditAction;
import org.groundtruth.core.audit.AuditEntry;
import org.groundtruth.core.identity.FieldConflict;
import org.groundtruth.core.identity.SignedEntry;
import org.groundtruth.core.incident.Incident;

/**
 * Conflicts about whole records ({@code (pin ID)}, {@code (insignia ID)}, {@code (double_tap A>B)},
 * {@code (source ID)}…) rather than incident fields. The resolution is an entry of the record's own kind
 * ({@code update}, before = the value set aside, after = the value kept, reason {@code conflict on (kind id)
 * resolved: …}); keeping work on an incident that was deleted first restores the incident (an incident
 * {@code create} entry) with every record made for it. Other laptops apply the kept value and close their copy.
 */
final class RecordConflicts {
    private final ObjectMapper records;
    private final PulledRecords pulled;

    RecordConflicts(ObjectMapper records, PulledRecords pulled) {
        this.records = records;
        this.pulled = pulled;
    }

    static boolean isRecordField(String field) {
        return field.startsWith("(") && field.endsWith(")") && field.indexOf(' ') > 0;
    }

    /** Resolves a record conflict on this laptop; returns the resolution entry. */
    AuditEntry resolve(Connection c, FieldConflict k, boolean takeRemote, String actor) throws SQLException, IOException {
        String inner = k.field().substring(1, k.field().length() - 1);
        String kind = inner.substring(0, inner.indexOf(' '));
        String id = inner.substring(inner.indexOf(' ') + 1);
        if (takeRemote) {
            if (PulledRecords.INCIDENT_RECORDS.contains(kind) && IncidentRepository.find(c, k.incidentId()).isEmpty()) {
                restoreIncident(c, k, actor);
            }
            pulled.keepRemote(c, kind, k.remoteValue());
        }
        JsonNode kept = records.readTree(takeRemote ? k.remoteValue() : k.localValue());
        if (kind.equals(TelemetryOrders.ENTITY)) {
            kept = TelemetryOrders.resolutionState(c, kept);
        }
        JsonNode aside = records.readTree(takeRemote ? k.localValue() : k.remoteValue());
        String reason = TeamLocal.RESOLUTION + k.field() + " resolved: kept the " + (takeRemote ? "remote value by "
                + k.remoteActor() : "local value") + " (other value: " + aside + ")";
        return AuditLog.append(c, new AuditLog.Change(actor, AuditAction.UPDATE, kind, id, aside, kept, reason));
    }

    private void restoreIncident(Connection c, FieldConflict k, String actor) throws SQLException, IOException {
        String last = PulledRecords.lastStateOf(c, k.incidentId()).orElseThrow(() -> new BadInputException(
                "conflict " + k.id() + ": the last state of incident " + k.incidentId() + " is not known here"));
        Incident restored = records.readValue(last, Incident.class);
        IncidentRepository.insert(c, restored);
        SearchIndex.reindex(c, restored.id());
        AuditLog.append(c, new AuditLog.Change(actor, AuditAction.CREATE, IncidentService.ENTITY, restored.id(), null,
                restored, "restored: " + k.remoteActor() + "'s work on it was kept (conflict on " + k.field() + ")"));
        pulled.restoreRecords(c, restored.id());
    }

    /**
     * A pulled resolution of a record conflict: applies the value kept and closes this laptop's copy of the
     * conflict. Returns false when {@code s} is not such a resolution.
     */
    boolean applyResolution(Connection c, SignedEntry s) throws SQLException, IOException {
        AuditEntry e = s.entry();
        if (!e.reason().startsWith(TeamLocal.RESOLUTION + "(") || e.entityType().equals(IncidentService.ENTITY)
                || e.action() != AuditAction.UPDATE) {
            return false;
        }
        String field = "(" + e.entityType() + " " + e.entityId() + ")";
        if (!e.reason().startsWith(TeamLocal.RESOLUTION + field + " ")) {
            return false;
        }
        JsonNode kept = records.readTree(e.after());
        if (kept.isObject()) {
            boolean incidentGone = false;
            if (PulledRecords.INCIDENT_RECORDS.contains(e.entityType())) {
                String incident = kept.path("incidentId").asText("");
                incidentGone = IncidentRepository.find(c, incident).isEmpty();
            }
            if (!incidentGone) {
                pulled.keepRemote(c, e.entityType(), e.after());
            }
        }
        Sql.update(c, "UPDATE team_conflict SET resolved_by = ? WHERE field = ? AND resolved_by IS NULL",
                "device " + s.deviceId() + " entry " + e.sequence(), field);
        return true;
    }

    /** A pulled incident creation that brings back a deleted incident: its records come back with it. */
    void afterIncidentCreated(Connection c, AuditEntry e) throws SQLException, IOException {
        Optional<String> last = PulledRecords.lastStateOf(c, e.entityId());
        if (last.isPresent() && IncidentRepository.find(c, e.entityId()).isPresent()) {
            pulled.restoreRecords(c, e.entityId());
        }
    }
}
