package org.groundtruth.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.groundtruth.core.Coded;
import org.groundtruth.core.audit.AuditAction;
import org.groundtruth.core.audit.AuditEntry;
import org.groundtruth.core.audit.ChainCheck;
import org.groundtruth.core.audit.ChainVerifier;
import org.groundtruth.core.incident.Incident;

/**
 * The custody log in the database. Entries are only ever appended, inside the transaction of the change they
 * record, so the log and the data never disagree.
 */
public final class AuditLog {
    /** What is recorded about one change; states are any records (or null for none), written as JSON. */
    public record Change(String actor, AuditAction action, String entityType, String entityId, Object before,
            Object after, String reason) {
    }

    private AuditLog() {
    }

    static AuditEntry append(Connection c, Change change) throws SQLException {
        Head head = Sql.one(c, "SELECT sequence, hash FROM audit_head WHERE singleton = 1",
                rs -> new Head(rs.getLong(1), rs.getString(2))).orElseThrow();
        AuditEntry entry = AuditEntry.seal(head.sequence + 1, Instant.now(), change.actor(), change.action(),
                change.entityType(), change.entityId(), Json.write(change.before()), Json.write(change.after()),
                change.reason(), head.hash);
        Sql.update(c, "INSERT INTO audit_log (sequence, at, actor, action, entity_type, entity_id, before_json,"
                        + " after_json, reason, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                entry.sequence(), entry.at(), entry.actor(), entry.action(), entry.entityType(), entry.entityId(),
                entry.before(), entry.after(), entry.reason(), entry.previousHash(), entry.hash());
        Sql.update(c, "UPDATE audit_head SET sequence = ?, hash = ? WHERE singleton = 1", entry.sequence(),
                entry.hash());
        indexByIncident(c, entry);
        EntrySigning.signAppended(c, entry);
        return entry;
    }

    /**
     * Appends many entries in one transaction: the head is read once, each entry is chained onto the one before
     * in memory and inserted through one prepared statement, and {@link #finish} writes the head once. Each entry
     * row is exactly what {@link #append} writes, and anything {@link #append} does to an entry after inserting
     * it must be done in {@link #append(Change)} here too. Nothing else may append on the connection while it is
     * open (the head it holds would go stale); the caller's transaction makes it all or nothing.
     */
    static final class Appender implements AutoCloseable {
        private final Connection connection;
        private final PreparedStatement insert;
        private long sequence;
        private String hash;
        private boolean appended;

        Appender(Connection c) throws SQLException {
            this.connection = c;
            Head head = Sql.one(c, "SELECT sequence, hash FROM audit_head WHERE singleton = 1",
                    rs -> new Head(rs.getLong(1), rs.getString(2))).orElseThrow();
            this.sequence = head.sequence;
            this.hash = head.hash;
            this.insert = c.prepareStatement("INSERT INTO audit_log (sequence, at, actor, action, entity_type,"
                    + " entity_id, before_json, after_json, reason, previous_hash, hash)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }

        AuditEntry append(Change change) throws SQLException {
            AuditEntry entry = AuditEntry.seal(sequence + 1, Instant.now(), change.actor(), change.action(),
                    change.entityType(), change.entityId(), Json.write(change.before()), Json.write(change.after()),
                    change.reason(), hash);
            Sql.bind(insert, entry.sequence(), entry.at(), entry.actor(), entry.action(), entry.entityType(),
                    entry.entityId(), entry.before(), entry.after(), entry.reason(), entry.previousHash(),
                    entry.hash());
            insert.executeUpdate();
            indexByIncident(connection, entry);
            EntrySigning.signAppended(connection, entry);
            sequence = entry.sequence();
            hash = entry.hash();
            appended = true;
            return entry;
        }

        /** Writes the head: the last entry appended. Call once, after the last {@link #append}. */
        void finish() throws SQLException {
            if (appended) {
                Sql.update(connection, "UPDATE audit_head SET sequence = ?, hash = ? WHERE singleton = 1", sequence,
                        hash);
            }
        }

        @Override
        public void close() throws SQLException {
            insert.close();
        }
    }

    /**
     * Keys the entry by the incidents it is about ({@code audit_incident}): its entity when that is an incident, and
     * every {@code incidentId} its before and after states name, at any depth. The history of an incident is read
     * through this index.
     */
    private static void indexByIncident(Connection c, AuditEntry entry) throws SQLException {
        Set<String> incidents = new LinkedHashSet<>();
        if (entry.entityId().startsWith(Incident.ID_PREFIX + "-")) {
            incidents.add(entry.entityId());
        }
        namedIncidents(entry.before(), incidents);
        namedIncidents(entry.after(), incidents);
        for (String incident : incidents) {
            Sql.update(c, "INSERT OR IGNORE INTO audit_incident (incident_id, sequence) VALUES (?, ?)", incident,
                    entry.sequence());
        }
    }

    private static void namedIncidents(String json, Set<String> into) {
        if (json == null || !json.contains("\"incidentId\"")) {
            return; // most entries: no parsing
        }
        try {
            for (JsonNode value : Json.mapper().readTree(json).findValues("incidentId")) {
                if (value.isTextual()) {
                    into.add(value.asText());
                }
            }
        } catch (JsonProcessingException e) {
            throw new StoreException("custody entry state is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Every entry about the incident (see {@link #indexByIncident}), oldest first. */
    static List<AuditEntry> forIncident(Connection c, String incidentId) throws SQLException {
        return Sql.query(c, "SELECT a.* FROM audit_incident i JOIN audit_log a ON a.sequence = i.sequence"
                + " WHERE i.incident_id = ? ORDER BY a.sequence", AuditLog::entry, incidentId);
    }

    static List<AuditEntry> forEntity(Connection c, String entityType, String entityId) throws SQLException {
        return Sql.query(c, "SELECT * FROM audit_log WHERE entity_type = ? AND entity_id = ? ORDER BY sequence",
                AuditLog::entry, entityType, entityId);
    }

    static List<AuditEntry> all(Connection c) throws SQLException {
        return Sql.query(c, "SELECT * FROM audit_log ORDER BY sequence", AuditLog::entry);
    }

    static long count(Connection c) throws SQLException {
        return Sql.count(c, "SELECT count(*) FROM audit_log");
    }

    /** Recomputes the whole chain, streaming rows in sequence order. */
    static ChainCheck verify(Connection c) throws SQLException {
        Head head = Sql.one(c, "SELECT sequence, hash FROM audit_head WHERE singleton = 1",
                rs -> new Head(rs.getLong(1), rs.getString(2))).orElse(new Head(-1, ""));
        try (PreparedStatement st = c.prepareStatement("SELECT * FROM audit_log ORDER BY sequence");
             ResultSet rs = st.executeQuery()) {
            return ChainVerifier.verify(new RowIterator(rs), head.sequence, head.hash);
        } catch (UnreadableRow e) {
            return ChainCheck.broken(0, e.sequence, "entry " + e.sequence + " is unreadable: " + e.getMessage());
        }
    }

    static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("sequence"), Instant.parse(rs.getString("at")), rs.getString("actor"),
                Coded.parse(AuditAction.class, rs.getString("action"), "action"), rs.getString("entity_type"),
                rs.getString("entity_id"), rs.getString("before_json"), rs.getString("after_json"),
                rs.getString("reason"), rs.getString("previous_hash"), rs.getString("hash"));
    }

    private record Head(long sequence, String hash) {
    }

    /** A row edited into something that is not even a valid entry (bad time, blank actor…). */
    private static final class UnreadableRow extends RuntimeException {
        private final long sequence;

        UnreadableRow(long sequence, String message) {
            super(message);
            this.sequence = sequence;
        }
    }

    private static final class RowIterator implements Iterator<AuditEntry> {
        private final ResultSet rs;
        private Boolean ready;

        RowIterator(ResultSet rs) {
            this.rs = rs;
        }

        @Override
        public boolean hasNext() {
            if (ready == null) {
                try {
                    ready = rs.next();
                } catch (SQLException e) {
                    throw new StoreException("cannot read the custody log: " + e.getMessage(), e);
                }
            }
            return ready;
        }

        @Override
        public AuditEntry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ready = null;
            long sequence = -1;
            try {
                sequence = rs.getLong("sequence");
                return entry(rs);
            } catch (SQLException | RuntimeException e) {
                throw new UnreadableRow(sequence, e.getMessage());
            }
        }
    }
}
