package org.groundtruth.store.team;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.groundtruth.core.audit.AuditHashing;
import org.groundtruth.core.identity.AnalystKey;
import org.groundtruth.core.identity.SignedEntry;

/**
 * {@code team audit verify}: recomputes, independently of any laptop, the project's chain on the server
 * (project_hash = SHA-256(previous project hash + entry hash)), every device's own chain (sequence, previous
 * hash, content hash) and every entry's signature by the key of the analyst who pushed it. Names the first
 * problem of each kind: an edited entry, a forked or rewritten device history, a forged signature.
 */
public final class ServerAudit {
    /** The outcome for one project. */
    public record ProjectCheck(String project, long entries, int devices, boolean intact, List<String> problems) {
    }

    private ServerAudit() {
    }

    /** Connects as {@code user} (password from PGPASSWORD or ~/.pgpass) and checks as below. */
    public static List<ProjectCheck> verify(ServerUrl url, String user, Optional<String> project) {
        try (Connection c = TeamServer.connect(url, user, Optional.empty())) {
            return verify(url, c, project);
        } catch (SQLException e) {
            throw TeamServer.failure(url, e);
        }
    }

    /** Connects as {@code user} with {@code password} (empty: PGPASSWORD or ~/.pgpass) and checks as below. */
    public static List<ProjectCheck> verify(ServerUrl url, String user, Optional<char[]> password,
            Optional<String> project) {
        try (Connection c = TeamServer.connect(url, user, password)) {
            return verify(url, c, project);
        } catch (SQLException e) {
            throw TeamServer.failure(url, e);
        }
    }

    /** Checks {@code project}, or every project the caller can see. */
    public static List<ProjectCheck> verify(ServerUrl url, Connection c, Optional<String> project) {
        try {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            Map<String, AnalystKey> keys = new HashMap<>();
            Map<String, String> keyOwner = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement("SELECT name, public_key FROM gt.analyst");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    AnalystKey.fromPem(name, rs.getString(2)).ifPresent(k -> {
                        keys.put(k.fingerprint(), k);
                        keyOwner.put(k.fingerprint(), name);
                    });
                }
            }
            List<ProjectCheck> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT id, name, head_seq, head_hash FROM gt.project"
                    + (project.isPresent() ? " WHERE name = ?" : "") + " ORDER BY name")) {
                if (project.isPresent()) {
                    st.setString(1, project.get());
                }
                try (ResultSet rs = st.executeQuery()) {
                    List<Object[]> projects = new ArrayList<>();
                    while (rs.next()) {
                        projects.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)});
                    }
                    for (Object[] p : projects) {
                        out.add(check(c, (Long) p[0], (String) p[1], (Long) p[2], (String) p[3], keys, keyOwner));
                    }
                }
            }
            if (project.isPresent() && out.isEmpty()) {
                throw new TeamRefusal("project " + project.get() + " does not exist or is not visible to "
                        + c.getMetaData().getUserName(), "42501");
            }
            c.commit();
            return out;
        } catch (SQLException e) {
            TeamServer.rollback(c);
            throw TeamServer.failure(url, e);
        }
    }

    private static ProjectCheck check(Connection c, long id, String name, long headSeq, String headHash,
            Map<String, AnalystKey> keys, Map<String, String> keyOwner) throws SQLException {
        List<String> problems = new ArrayList<>();
        Map<String, long[]> deviceSeq = new HashMap<>();
        Map<String, String> deviceHash = new HashMap<>();
        long count = 0;
        String previous = AuditHashing.GENESIS;
        try (PreparedStatement st = c.prepareStatement("SELECT * FROM gt.entry WHERE project_id = ? ORDER BY project_seq")) {
            st.setLong(1, id);
            st.setFetchSize(1000);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next() && problems.size() < 20) {
                    count++;
                    long seq = rs.getLong("project_seq");
                    String projectPrevious = rs.getString("project_previous");
                    String projectHash = rs.getString("project_hash");
                    SignedEntry s;
                    try {
                        s = TeamClient.signedEntry(rs);
                    } catch (RuntimeException e) {
                        problems.add("project entry " + seq + " is unreadable: " + e.getMessage());
                        continue;
                    }
                    String where = "project entry " + seq + " (device " + s.deviceId() + " entry "
                            + s.entry().sequence() + ")";
                    if (seq != count) {
                        problems.add(where + " follows project entry " + (count - 1) + ": entries missing or reordered");
                        count = seq;
                    }
                    if (!projectPrevious.equals(previous) || !projectHash.equals(sha256(previous + s.entry().hash()))) {
                        problems.add(where + " breaks the project's chain (edited, removed or reordered on the server)");
                    }
                    previous = projectHash;
                    long[] dev = deviceSeq.computeIfAbsent(s.deviceId(), d -> new long[] {0});
                    String devPrevious = deviceHash.getOrDefault(s.deviceId(), AuditHashing.GENESIS);
                    if (s.entry().sequence() != dev[0] + 1 || !s.entry().previousHash().equals(devPrevious)) {
                        problems.add(where + ": fork — does not follow device entry " + dev[0]);
                    }
                    if (!s.entry().expectedHash().equals(s.entry().hash())) {
                        problems.add(where + " was altered: its content does not match its hash");
                    }
                    AnalystKey key = keys.get(s.signature().keyFingerprint());
                    if (key == null || !s.signatureValid(key)) {
                        problems.add(where + " has no valid signature by a registered key");
                    } else if (!keyOwner.get(key.fingerprint()).equals(rs.getString("analyst"))) {
                        problems.add(where + " was pushed by " + rs.getString("analyst") + " but signed by "
                                + keyOwner.get(key.fingerprint()));
                    }
                    dev[0] = s.entry().sequence();
                    deviceHash.put(s.deviceId(), s.entry().hash());
                }
            }
        }
        if (problems.isEmpty() && (count != headSeq || (count > 0 && !previous.equals(headHash)))) {
            problems.add("the project's chain ends at entry " + count + " but its recorded head is entry " + headSeq);
        }
        return new ProjectCheck(name, count, deviceSeq.size(), problems.isEmpty(), problems);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
