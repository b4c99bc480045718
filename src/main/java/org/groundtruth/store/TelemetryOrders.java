package org.groundtruth.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.Require;
import org.groundtruth.core.audit.AuditAction;
import org.groundtruth.core.audit.AuditEntry;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.evidence.EvidenceKind;
import org.groundtruth.core.telemetry.OrderChoice;

/**
 * The investigator's override of the order of old DJI {@code GPS(a,b)} lines, per telemetry evidence item. The
 * custody log is the record: each change is one entry (entity {@value #ENTITY}, the item's id) and the current
 * choice is the last entry's state, so the override survives reopening without a table of its own and its whole
 * history (who, when, why) is in the log. An item never set is {@code auto}: the reasoning decides.
 */
public final class TelemetryOrders {
    public static final String ENTITY = "telemetry_order";
    private final Database db;

    TelemetryOrders(Database db) {
        this.db = db;
    }

    /** The current choice for an item, with who made it and when; {@code auto} with no entry when never set. */
    public record Current(OrderChoice choice, Optional<AuditEntry> entry) {
        public Current {
            Require.present(choice, "choice");
            Require.present(entry, "entry");
        }
    }

    /** What the custody log records: the item and the order chosen ({@code auto}, {@code lat-lon}, {@code lon-lat}). */
    record Logged(String evidenceId, String order) {
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
            return Optional.of(AuditLog.append(c, new AuditLog.Change(actor,
                    before.entry().isPresent() ? AuditAction.UPDATE : AuditAction.CREATE, ENTITY, evidenceId,
                    before.entry().isPresent() ? new Logged(evidenceId, before.choice().code()) : null,
                    new Logged(evidenceId, choice.code()), why)));
        });
    }

    static Current current(Connection c, String evidenceId) throws SQLException {
        List<AuditEntry> history = AuditLog.forEntity(c, ENTITY, evidenceId);
        if (history.isEmpty()) {
            return new Current(OrderChoice.AUTO, Optional.empty());
        }
        AuditEntry last = history.get(history.size() - 1);
        return new Current(parse(last), Optional.of(last));
    }

    private static OrderChoice parse(AuditEntry entry) {
        try {
            JsonNode state = Json.mapper().readTree(entry.after());
            return OrderChoice.parse(state.path("order").asText("")).orElseThrow(() -> new StoreException(
                    "custody entry " + entry.sequence() + " holds no GPS order: " + entry.after(), null));
        } catch (JsonProcessingException e) {
            throw new StoreException("custody entry " + entry.sequence() + " cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
