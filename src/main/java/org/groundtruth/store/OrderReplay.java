package org.groundtruth.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.audit.AuditEntry;
import org.groundtruth.core.identity.SignedEntry;
import org.groundtruth.core.telemetry.OrderChoice;

/**
 * The GPS(a,b) order of one telemetry item as this laptop holds it: its own custody entries and the entries pulled
 * from other analysts, replayed in the order this laptop met them (decision 1530). A local entry carries the server
 * position this laptop had pulled through when it was made, so it goes after every pulled entry up to that position
 * and before the rest; entries made before that position was recorded (or off a team) go before every pulled one.
 * A local entry always applies (it was made against the then-current choice). A pulled entry applies where the
 * choice here is still its "before" (no state = never set = {@code auto}); one that already matches changes
 * nothing; any other is set aside, which the pull records as a {@code (telemetry_order ID)} conflict. There is no
 * table to keep in step: the choice is a pure function of the two logs, so the pull, the CLI, the window and
 * {@code audit verify} all see the same one.
 */
final class OrderReplay {
    private final String evidenceId;
    private TelemetryOrders.Current current = new TelemetryOrders.Current(OrderChoice.AUTO, Optional.empty());
    private final List<SignedEntry> setAside = new ArrayList<>();

    private OrderReplay(String evidenceId) {
        this.evidenceId = evidenceId;
    }

    static OrderReplay of(Connection c, String evidenceId) throws SQLException {
        OrderReplay replay = new OrderReplay(evidenceId);
        List<AuditEntry> local = AuditLog.forEntity(c, TelemetryOrders.ENTITY, evidenceId);
        List<SignedEntry> pulled = Sql.query(c, "SELECT * FROM team_entry WHERE entity_type = ? AND entity_id = ?"
                + " ORDER BY project_seq, device_id, sequence", TeamLocal::mirrored, TelemetryOrders.ENTITY, evidenceId);
        int next = 0;
        for (SignedEntry remote : pulled) {
            while (next < local.size() && position(local.get(next)) < remote.projectSeq()) {
                replay.local(local.get(next++));
            }
            replay.pulled(remote);
        }
        while (next < local.size()) {
            replay.local(local.get(next++));
        }
        return replay;
    }

    TelemetryOrders.Current current() {
        return current;
    }

    /** Whether the pulled entry {@code sequence} of {@code device} was set aside (its "before" was not the choice here). */
    boolean setAside(String device, long sequence) {
        return setAside.stream().anyMatch(s -> s.deviceId().equals(device) && s.entry().sequence() == sequence);
    }

    /** The current choice as a logged state ({@code {"evidenceId", "order"}}), the local side of a conflict. */
    String currentState() {
        return Json.write(new TelemetryOrders.Logged(evidenceId, current.choice().code(), null));
    }

    private void local(AuditEntry e) {
        current = new TelemetryOrders.Current(TelemetryOrders.parse(e), Optional.of(e), Optional.empty());
    }

    private void pulled(SignedEntry s) {
        AuditEntry e = s.entry();
        String what = "device " + s.deviceId() + " entry " + e.sequence();
        OrderChoice after = TelemetryOrders.parse(e.after(), what).orElseThrow(() -> new StoreException(
                what + " holds no GPS order: " + e.after(), null));
        if (after == current.choice()) {
            return;
        }
        OrderChoice before = TelemetryOrders.parse(e.before(), what).orElse(OrderChoice.AUTO);
        if (before == current.choice()) {
            current = new TelemetryOrders.Current(after, Optional.of(e), Optional.of(s.deviceId()));
        } else {
            setAside.add(s);
        }
    }

    /** Where a local entry goes among the pulled ones: after those up to the position it records. */
    private static long position(AuditEntry e) {
        try {
            JsonNode state = Json.mapper().readTree(e.after());
            return state == null ? 0 : state.path("pulledThrough").asLong(0);
        } catch (JsonProcessingException ex) {
            throw new StoreException("custody entry " + e.sequence() + " cannot be read: " + ex.getOriginalMessage(), ex);
        }
    }
}
