package org.groundtruth.store.team;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.identity.AnalystKey;
import org.groundtruth.store.StoreException;
import org.postgresql.PGConnection;

/**
 * Connections to the team server and its administration: schema migrations ({@code db/team}), analysts (one
 * login role each, in group role {@code gt_analyst}, {@code gt_reviewer} or {@code gt_editor}, bound to their
 * public key). docs/decisions/1704-team-server-schema.md.
 */
public final class TeamServer {
    public static final String PASSWORD_ENV = "PGPASSWORD";
    private static final String FOLDER = "/db/team/";

    private TeamServer() {
    }

    /**
     * Opens a connection as {@code user}. The password is {@code password} when given (the window asks for it),
     * else {@code PGPASSWORD}, else the driver looks in {@code ~/.pgpass} ({@code PGPASSFILE}).
     */
    public static Connection connect(ServerUrl url, String user, Optional<char[]> password) {
        Properties p = new Properties();
        p.setProperty("user", user);
        Optional<String> secret = password.map(String::new)
                .or(() -> Optional.ofNullable(System.getenv(PASSWORD_ENV)).filter(s -> !s.isEmpty()));
        secret.ifPresent(s -> p.setProperty("password", s));
        p.setProperty("ApplicationName", "groundtruth");
        p.setProperty("connectTimeout", "15");
        p.setProperty("socketTimeout", "300");
        p.setProperty("tcpKeepAlive", "true");
        try {
            return DriverManager.getConnection(url.jdbc(), p);
        } catch (SQLException e) {
            throw failure(url, e);
        }
    }

    /** A clear one-line error for a failed server call. */
    public static RuntimeException failure(ServerUrl url, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = e.getMessage() == null ? e.toString() : e.getMessage().replaceAll("\\s+", " ");
        if (state.startsWith("28")) {
            return new BadInputException("server " + url.display() + " refused the login: " + message);
        }
        if (state.equals("42501") || state.startsWith("23") || state.equals("22023") || state.equals("P0001")) {
            return new TeamRefusal(message.replaceFirst("^ERROR: ", "").replaceFirst(" Where: .*$", ""), state);
        }
        return new StoreException("server " + url.display() + ": " + message, e);
    }

    /** Connects as {@code user} (password from PGPASSWORD or ~/.pgpass) and creates or upgrades the schema. */
    public static int init(ServerUrl url, String user) {
        return init(url, user, Optional.empty());
    }

    /** Connects as {@code user} with {@code password} (else PGPASSWORD or ~/.pgpass) and creates or upgrades the schema. */
    public static int init(ServerUrl url, String user, Optional<char[]> password) {
        try (Connection c = connect(url, user, password)) {
            return init(url, c);
        } catch (SQLException e) {
            throw failure(url, e);
        }
    }

    /** Connects as administrator {@code user} and registers an analyst (see below). */
    public static Registered addAnalyst(ServerUrl url, String user, AnalystKey key, String role, char[] password,
            boolean generated) {
        return addAnalyst(url, user, Optional.empty(), key, role, password, generated);
    }

    /** As above, the administrator's password given ({@code adminPassword}; else PGPASSWORD or ~/.pgpass). */
    public static Registered addAnalyst(ServerUrl url, String user, Optional<char[]> adminPassword, AnalystKey key,
            String role, char[] password, boolean generated) {
        try (Connection c = connect(url, user, adminPassword)) {
            return addAnalyst(url, c, key, role, password, generated);
        } catch (SQLException e) {
            throw failure(url, e);
        }
    }

    /** Creates or upgrades the schema; returns the schema version. Run as the database owner. */
    public static int init(ServerUrl url, Connection c) {
        List<String> scripts = scripts();
        try {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("SELECT pg_advisory_xact_lock(hashtext('groundtruth team init'))");
                st.execute("CREATE TABLE IF NOT EXISTS public.gt_schema_version (version integer PRIMARY KEY,"
                        + " name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
            }
            int current;
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM public.gt_schema_version")) {
                rs.next();
                current = rs.getInt(1);
            }
            if (current > scripts.size()) {
                throw new BadInputException("server schema version " + current + " is newer than this Groundtruth ("
                        + scripts.size() + "); update Groundtruth");
            }
            for (int v = current + 1; v <= scripts.size(); v++) {
                String name = scripts.get(v - 1);
                try (Statement st = c.createStatement()) {
                    st.execute(read(name));
                }
                try (PreparedStatement st = c.prepareStatement(
                        "INSERT INTO public.gt_schema_version (version, name) VALUES (?, ?)")) {
                    st.setInt(1, v);
                    st.setString(2, name);
                    st.executeUpdate();
                }
            }
            c.commit();
            return scripts.size();
        } catch (SQLException e) {
            rollback(c);
            throw failure(url, e);
        }
    }

    /** The result of registering an analyst. */
    public record Registered(String name, String role, String fingerprint, boolean passwordGenerated) {
    }

    /**
     * Registers an analyst: a login role with {@code password} (hashed with SCRAM by the driver, so the server
     * never logs it), a member of the group role for {@code role}, bound to {@code key}. Run as an administrator.
     */
    public static Registered addAnalyst(ServerUrl url, Connection c, AnalystKey key, String role, char[] password,
            boolean generated) {
        if (!List.of("analyst", "reviewer", "editor").contains(role)) {
            throw new BadInputException("role must be analyst, reviewer or editor, was: " + role);
        }
        try {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT to_regclass('gt.analyst') IS NOT NULL")) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    throw new BadInputException("server " + url.display() + " has no team schema yet: run team init"
                            + " first (File ▸ Team ▸ Set up the team server…)");
                }
            }
            try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
                st.setString(1, key.name());
                if (st.executeQuery().next()) {
                    throw new BadInputException("a server role named " + key.name() + " exists already");
                }
            }
            String create;
            try (PreparedStatement st = c.prepareStatement("SELECT format('CREATE ROLE %I LOGIN IN ROLE %I', ?, ?),"
                    + " format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), ?)")) {
                st.setString(1, key.name());
                st.setString(2, "gt_" + role);
                st.setString(3, key.name());
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    create = rs.getString(1);
                    try (Statement s = c.createStatement()) {
                        s.execute(create);
                        s.execute(rs.getString(2));
                    }
                }
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO gt.analyst (name, login, role, fingerprint,"
                    + " public_key) VALUES (?, ?, ?, ?, ?)")) {
                st.setString(1, key.name());
                st.setString(2, key.name());
                st.setString(3, role);
                st.setString(4, key.fingerprint());
                st.setString(5, key.pem());
                st.executeUpdate();
            }
            c.unwrap(PGConnection.class).alterUserPassword(key.name(), password, null);
            c.commit();
            return new Registered(key.name(), role, key.fingerprint(), generated);
        } catch (SQLException e) {
            rollback(c);
            throw failure(url, e);
        }
    }

    static List<String> scripts() {
        try (InputStream in = resource("migrations.txt")) {
            List<String> names = new ArrayList<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(names::add);
            return names;
        } catch (IOException e) {
            throw new IllegalStateException("team schema index is unreadable", e);
        }
    }

    private static String read(String name) {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("team schema script " + name + " is unreadable", e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = TeamServer.class.getResourceAsStream(FOLDER + name);
        if (in == null) {
            throw new IOException("missing resource " + FOLDER + name);
        }
        return in;
    }

    static void rollback(Connection c) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException ignored) {
            // the connection is gone; the server rolls the transaction back itself
        }
    }
}
