package org.groundtruth.store.team;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.groundtruth.core.Coded;
import org.groundtruth.core.audit.AuditAction;
import org.groundtruth.core.audit.AuditEntry;
import org.groundtruth.core.identity.AnalystKey;
import org.groundtruth.core.identity.EntrySignature;
import org.groundtruth.core.identity.SignedEntry;
import org.groundtruth.store.TeamLocal;

/**
 * One analyst's connection to the team server: joining projects, the team's keys, pushing and pulling entries,
 * evidence blobs. Every call is one server transaction; the server's rules (gt.entry_rules) apply to all of it.
 */
public final class TeamClient implements AutoCloseable {
    /** Evidence blobs travel in chunks of this size; an interrupted upload resumes at the first missing chunk. */
    public static final int CHUNK_BYTES = 1 << 20;

    private final ServerUrl url;
    private final Connection c;

    private TeamClient(ServerUrl url, Connection c) {
        this.url = url;
        this.c = c;
    }

    public static TeamClient open(ServerUrl url, String analyst, Optional<char[]> password) {
        return new TeamClient(url, TeamServer.connect(url, analyst, password));
    }

    public ServerUrl url() {
        return url;
    }

    @FunctionalInterface
    interface Call<T> {
        T run() throws SQLException;
    }

    /** Runs {@code call} as one server transaction. */
    <T> T tx(Call<T> call) {
        try {
            c.setAutoCommit(false);
            T result = call.run();
            c.commit();
            return result;
        } catch (SQLException e) {
            TeamServer.rollback(c);
            throw TeamServer.failure(url, e);
        } catch (RuntimeException e) {
            TeamServer.rollback(c);
            throw e;
        }
    }

    /** Joins (or creates) the project; returns its id. */
    public long join(String project) {
        return tx(() -> {
            try (PreparedStatement st = c.prepareStatement("SELECT gt.join_project(?)")) {
                st.setString(1, project);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    public void invite(String project, String analyst) {
        tx(() -> {
            try (PreparedStatement st = c.prepareStatement("SELECT gt.invite(?, ?)")) {
                st.setString(1, project);
                st.setString(2, analyst);
                st.executeQuery().close();
            }
            return null;
        });
    }

    /** The project's id, when the caller may see it (row-level security hides other projects). */
    public Optional<Long> projectId(String project) {
        return tx(() -> {
            try (PreparedStatement st = c.prepareStatement("SELECT id FROM gt.project WHERE name = ?")) {
                st.setString(1, project);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
                }
            }
        });
    }

    /** Public keys and roles of the project's members. */
    public List<TeamLocal.KnownKey> memberKeys(long projectId) {
        return tx(() -> {
            List<TeamLocal.KnownKey> keys = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT a.name, a.public_key, a.role FROM gt.member m"
                    + " JOIN gt.analyst a ON a.name = m.analyst WHERE m.project_id = ? ORDER BY a.name")) {
                st.setLong(1, projectId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        String name = rs.getString(1);
                        String role = rs.getString(3);
                        AnalystKey.fromPem(name, rs.getString(2)).ifPresent(k -> keys.add(new TeamLocal.KnownKey(k, role)));
                    }
                }
            }
            return keys;
        });
    }

    /** The device's last sequence and hash on the server (0 and the genesis hash when it has pushed nothing). */
    public DeviceHead deviceHead(long projectId, String deviceId) {
        return tx(() -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT head_seq, head_hash FROM gt.device WHERE project_id = ? AND device_id = ?")) {
                st.setLong(1, projectId);
                st.setString(2, deviceId);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? new DeviceHead(rs.getLong(1), rs.getString(2))
                            : new DeviceHead(0, "0".repeat(64));
                }
            }
        });
    }

    /** How many entries of other devices the server holds after {@code afterProjectSeq}, and its last project sequence. */
    public Pending pending(long projectId, long afterProjectSeq, String deviceId) {
        return tx(() -> {
            try (PreparedStatement st = c.prepareStatement("SELECT count(*) FILTER (WHERE project_seq > ?"
                    + " AND device_id <> ?), coalesce(max(project_seq), 0) FROM gt.entry WHERE project_id = ?")) {
                st.setLong(1, afterProjectSeq);
                st.setString(2, deviceId);
                st.setLong(3, projectId);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return new Pending(rs.getLong(1), rs.getLong(2));
                }
            }
        });
    }

    /** Entries waiting to be pulled, and the server's last project sequence. */
    public record Pending(long toPull, long projectHead) {
    }

    public record DeviceHead(long sequence, String hash) {
    }

    /** Pushes entries (with their signatures) in one transaction; entries the server already holds are skipped. */
    public int push(long projectId, String deviceId, List<TeamLocal.OwnEntry> entries) {
        return tx(() -> {
            int sent = 0;
            try (PreparedStatement st = c.prepareStatement("INSERT INTO gt.entry (project_id, device_id, sequence, at,"
                    + " actor, action, entity_type, entity_id, before_json, after_json, reason, previous_hash, hash,"
                    + " key_fingerprint, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (TeamLocal.OwnEntry o : entries) {
                    AuditEntry e = o.entry();
                    EntrySignature s = o.signature().orElseThrow();
                    int i = 1;
                    st.setLong(i++, projectId);
                    st.setString(i++, deviceId);
                    st.setLong(i++, e.sequence());
                    st.setString(i++, e.at().toString());
                    st.setString(i++, e.actor());
                    st.setString(i++, e.action().code());
                    st.setString(i++, e.entityType());
                    st.setString(i++, e.entityId());
                    st.setString(i++, e.before());
                    st.setString(i++, e.after());
                    st.setString(i++, e.reason());
                    st.setString(i++, e.previousHash());
                    st.setString(i++, e.hash());
                    st.setString(i++, s.keyFingerprint());
                    st.setString(i, s.signature());
                    sent += st.executeUpdate();
                }
            }
            return sent;
        });
    }

    /** Entries after {@code projectSeq} in project order, at most {@code limit}. */
    public List<SignedEntry> pull(long projectId, long afterProjectSeq, int limit) {
        return tx(() -> {
            List<SignedEntry> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT * FROM gt.entry WHERE project_id = ?"
                    + " AND project_seq > ? ORDER BY project_seq LIMIT ?")) {
                st.setLong(1, projectId);
                st.setLong(2, afterProjectSeq);
                st.setInt(3, limit);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(signedEntry(rs));
                    }
                }
            }
            return out;
        });
    }

    static SignedEntry signedEntry(ResultSet rs) throws SQLException {
        AuditEntry e = new AuditEntry(rs.getLong("sequence"), Instant.parse(rs.getString("at")), rs.getString("actor"),
                Coded.parse(AuditAction.class, rs.getString("action"), "action"), rs.getString("entity_type"),
                rs.getString("entity_id"), rs.getString("before_json"), rs.getString("after_json"),
                rs.getString("reason"), rs.getString("previous_hash"), rs.getString("hash"));
        return new SignedEntry(rs.getString("device_id"), rs.getLong("project_seq"), e,
                new EntrySignature(rs.getString("key_fingerprint"), rs.getString("signature")));
    }

    // ---- evidence blobs ----------------------------------------------------------------------------------

    /** True when the server holds the complete blob. */
    public boolean blobComplete(long projectId, String sha256) {
        return tx(() -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT complete FROM gt.blob WHERE project_id = ? AND sha256 = ?")) {
                st.setLong(1, projectId);
                st.setString(2, sha256);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        });
    }

    /** Announces a blob (idempotent) and returns the chunk indexes already on the server. */
    public Set<Integer> startBlob(long projectId, String sha256, long size) {
        return tx(() -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO gt.blob (project_id, sha256, size)"
                    + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                st.setLong(1, projectId);
                st.setString(2, sha256);
                st.setLong(3, size);
                st.executeUpdate();
            }
            Set<Integer> have = new HashSet<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT idx FROM gt.blob_chunk WHERE project_id = ? AND sha256 = ?")) {
                st.setLong(1, projectId);
                st.setString(2, sha256);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        have.add(rs.getInt(1));
                    }
                }
            }
            return have;
        });
    }

    public void uploadChunk(long projectId, String sha256, int index, byte[] data, int length) {
        tx(() -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO gt.blob_chunk (project_id, sha256, idx, data)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                st.setLong(1, projectId);
                st.setString(2, sha256);
                st.setInt(3, index);
                st.setBytes(4, length == data.length ? data : java.util.Arrays.copyOf(data, length));
                st.executeUpdate();
            }
            return null;
        });
    }

    public boolean completeBlob(long projectId, String sha256) {
        return tx(() -> {
            try (PreparedStatement st = c.prepareStatement("SELECT gt.complete_blob(?, ?)")) {
                st.setLong(1, projectId);
                st.setString(2, sha256);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getBoolean(1);
                }
            }
        });
    }

    /** The blob's chunks in order, written to {@code sink}. */
    public void download(long projectId, String sha256, java.io.OutputStream sink) {
        tx(() -> {
            try (PreparedStatement st = c.prepareStatement("SELECT data FROM gt.blob_chunk WHERE project_id = ?"
                    + " AND sha256 = ? ORDER BY idx")) {
                st.setLong(1, projectId);
                st.setString(2, sha256);
                st.setFetchSize(4);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        sink.write(rs.getBytes(1));
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        });
    }

    Connection connection() {
        return c;
    }

    @Override
    public void close() {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing a broken connection: nothing left to release
        }
    }
}
