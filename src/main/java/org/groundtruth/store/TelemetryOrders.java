package org.groundtruth.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.Require;
import org.groundtruth.core.audit.AuditAction;
import org.groundtruth.core.audit.AuditEntry;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.evidence.EvidenceKind;
import org.groundtruth.core.identity.SignedEntry;
import org.groundtruth.core.telemetry.OrderChoice;

/**
 * The investigator's override of the order of old DJI {@code GPS(a,b)} lines, per telemetry evidence item. The
 * custody log is the record: each change is one entry (entity {@value #ENTITY}, the item's id) and the current
 * choice is the last entry's state, so the override survives reopening without a table of its own and its whole
 * history (who, when, why) is in the log. An item never set is {@code auto}: the reasoning decides.
 *
 * <p>On a laptop linked to a team the current choice is the replay of this laptop's entries and the pulled entries
 * of other analysts ({@link OrderReplay}, decision 1530): a pulled choice applies where this laptop still has its
 * "before", otherwise the local choice stays and the pull records a {@code (telemetry_order ID)} conflict.
 */
public final class TelemetryOrders {
    public static final String ENTITY = "telemetry_order";
    private final Database db;

    TelemetryOrders(Database db) {
        this.db = db;
    }

    /**
     * The current choice for an item, with who made it and when; {@code auto} with no entry when never set.
     * {@code pulledFrom} names the device when the entry is another analyst's, pulled from the team (then the entry's
     * sequence is that device's).
     */
    public record Current(OrderChoice choice, Optional<AuditEntry> entry, Optional<String> pulledFrom) {
        public Current {
            Require.present(choice, "choice");
            Require.present(entry, "entry");
            Require.present(pulledFrom, "pulled from");
        }

        public Current(OrderChoice choice, Optional<AuditEntry> entry) {
            this(choice, entry, Optional.empty());
        }
    }

    /**
     * What the custody log records: the item and the order chosen ({@code auto}, {@code lat-lon}, {@code lon-lat}),
     * and on a laptop linked to a team the server position it had pulled through when the choice was made (places
     * the choice among the pulled entries on replay; absent when not linked).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Logged(String evidenceId, String order, Long pulledThrough) {
    }

    public Current current(String evidenceId) {
        return db.read(c -> current(c, evidenceId));
    }

    /**
     * Records {@code choice} for the telemetry item {@code evidenceId} with its custody entry, in one transaction.
     * Returns the entry, or empty when the choice is already the current one (nothing is written). Refused (bad
     * input) for an unknown item or one that is not telemetry.
     */
    public Optional<AuditEntry> set(String evidenceId, OrderChoice choice, String reason, String actor) {
        Require.present(choice, "choice");
        String why = reason == null || reason.isBlank() ? "GPS(a,b) order set to " + choice.code() : reason.strip();
        return db.inTransaction(c -> {
            EvidenceItem item = EvidenceRepository.find(c, evidenceId).orElseThrow(() -> new BadInputException(
                    "unknown evidence id: " + evidenceId));
            if (item.kind() != EvidenceKind.TELEMETRY) {
                throw new BadInputException(evidenceId + " (" + item.originalName() + ") is " + item.kind().code()
                        + ", not telemetry: the GPS order is set on the SRT item");
            }
            Current before = current(c, evidenceId);
            if (before.choice() == choice) {
                return Optional.empty();
            }
            Long position = pulledThrough(c).orElse(null);
            // a choice pulled from another analyst is the "before" of this one, so their laptop applies it
            boolean hadEntry = before.entry().isPresent();
            return Optional.of(AuditLog.append(c, new AuditLog.Change(actor,
                    hadEntry ? AuditAction.UPDATE : AuditAction.CREATE, ENTITY, evidenceId,
                    hadEntry ? new Logged(evidenceId, before.choice().code(), null) : null,
                    new Logged(evidenceId, choice.code(), position), why)));
        });
    }

    static Current current(Connection c, String evidenceId) throws SQLException {
        return OrderReplay.of(c, evidenceId).current();
    }

    /**
     * A pulled order entry, already stored in {@code team_entry}: replays the item's order and, when the entry was set
     * aside (this laptop changed the order since the value the other analyst changed), records a
     * {@code (telemetry_order ID)} conflict that an analyst resolves like any record conflict. Returns the
     * conflicts recorded (0 or 1).
     */
    static int applyPulled(Connection c, SignedEntry s) throws SQLException {
        AuditEntry e = s.entry();
        OrderReplay replay = OrderReplay.of(c, e.entityId());
        if (!replay.setAside(s.deviceId(), e.sequence())) {
            return 0;
        }
        String incident = EvidenceRepository.incidentsOf(c, e.entityId()).stream().findFirst()
                .orElse(PulledRecords.NO_INCIDENT);
        Sql.update(c, "INSERT INTO team_conflict (incident_id, field, local_value, remote_value, remote_actor,"
                + " remote_device, remote_sequence, detected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", incident,
                "(" + ENTITY + " " + e.entityId() + ")", replay.currentState(), e.after(), e.actor(), s.deviceId(),
                e.sequence(), Instant.now());
        return 1;
    }

    /** How far this laptop has pulled from its team's server; empty when it is not linked to a team. */
    static Optional<Long> pulledThrough(Connection c) throws SQLException {
        return Sql.one(c, "SELECT pulled_through FROM team_link", rs -> rs.getLong(1));
    }

    /**
     * The state to log when a {@code (telemetry_order ID)} conflict is resolved on this laptop: the value kept, placed
     * after everything pulled so far.
     */
    static JsonNode resolutionState(Connection c, JsonNode kept) throws SQLException {
        if (!kept.isObject()) {
            return kept;
        }
        ObjectNode state = ((ObjectNode) kept).deepCopy();
        state.remove("pulledThrough");
        pulledThrough(c).ifPresent(p -> state.put("pulledThrough", p));
        return state;
    }

    static OrderChoice parse(AuditEntry entry) {
        return parse(entry.after(), "custody entry " + entry.sequence()).orElseThrow(() -> new StoreException(
                "custody entry " + entry.sequence() + " holds no GPS order: " + entry.after(), null));
    }

    /** The order in a logged state; empty for {@code null} (no state: the item was never set there). */
    static Optional<OrderChoice> parse(String json, String what) {
        try {
            JsonNode state = Json.mapper().readTree(json);
            if (state == null || state.isNull()) {
                return Optional.empty();
            }
            return Optional.of(OrderChoice.parse(state.path("order").asText("")).orElseThrow(() -> new StoreException(
                    what + " holds no GPS order: " + json, null)));
        } catch (JsonProcessingException e) {
            throw new StoreException(what + " cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
