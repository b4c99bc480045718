package org.groundtruth.team;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.groundtruth.core.identity.AnalystKey;
import org.groundtruth.store.team.KeyRing;
import org.groundtruth.store.team.ServerUrl;
import org.groundtruth.store.team.TeamServer;

/**
 * A throwaway database on the PostgreSQL/PostGIS server named by {@code GROUNDTRUTH_TEST_PG}
 * ({@code postgresql://user:password@host:port/db}, an administrator; .ci/run starts one). Tests that need it
 * are skipped when the variable is not set; when it is set and the server cannot be reached, they fail.
 */
public final class TestServer implements AutoCloseable {
    public static final String ENV = "GROUNDTRUTH_TEST_PG";

    public final ServerUrl admin;
    public final ServerUrl url;
    private final String adminUser;
    private final char[] adminPassword;
    private final String database;
    private final String suffix;
    private final List<String> roles = new ArrayList<>();

    private TestServer(ServerUrl admin, String user, char[] password) throws SQLException {
        this.admin = admin;
        this.adminUser = user;
        this.adminPassword = password;
        this.suffix = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        this.database = "gt_test_" + suffix;
        try (Connection c = adminConnection(admin); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + database);
        }
        this.url = new ServerUrl(admin.host(), admin.port(), database, Optional.empty());
    }

    /** The test server, or the test is skipped when none is configured. */
    public static TestServer create() throws SQLException {
        TestServer server = createEmpty();
        try (Connection c = server.adminConnection()) {
            TeamServer.init(server.url, c);
        }
        return server;
    }

    /** A new empty database on the test server (no team schema yet), or the test is skipped without a server. */
    public static TestServer createEmpty() throws SQLException {
        String spec = System.getenv(ENV);
        assumeTrue(spec != null && !spec.isBlank(), ENV + " is not set: no PostgreSQL test server");
        URI uri = URI.create(spec);
        String[] info = Optional.ofNullable(uri.getRawUserInfo()).orElse("postgres:").split(":", 2);
        String user = URLDecoder.decode(info[0], StandardCharsets.UTF_8);
        char[] password = URLDecoder.decode(info.length > 1 ? info[1] : "", StandardCharsets.UTF_8).toCharArray();
        ServerUrl admin = new ServerUrl(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(),
                uri.getPath().replaceFirst("^/", ""), Optional.empty());
        return new TestServer(admin, user, password);
    }

    /** The test database's address with the administrator's login (no password), as typed into the window. */
    public ServerUrl adminUrl() {
        return new ServerUrl(url.host(), url.port(), url.database(), Optional.of(adminUser));
    }

    /** The administrator's password (a copy). */
    public char[] adminPassword() {
        return adminPassword.clone();
    }

    /** Drops the login role {@code name} when the test server closes (roles are cluster-wide). */
    public void dropRoleAtClose(String name) {
        roles.add(name);
    }

    public Connection adminConnection() {
        return adminConnection(url);
    }

    private Connection adminConnection(ServerUrl where) {
        return TeamServer.connect(where, adminUser, Optional.of(adminPassword));
    }

    /** A unique analyst name for this test run (server roles are cluster-wide). */
    public String name(String base) {
        return base + "-" + suffix;
    }

    /** Creates {@code name}'s key in {@code ring} and registers it with {@code role}; password = name reversed. */
    public AnalystKey register(KeyRing ring, String name, String role) {
        AnalystKey key = ring.create(name, Optional.empty());
        try (Connection c = adminConnection()) {
            TeamServer.addAnalyst(url, c, key, role, password(name), false);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        roles.add(name);
        return key;
    }

    public static char[] password(String name) {
        return ("pw-" + new StringBuilder(name).reverse()).toLowerCase(Locale.ROOT).toCharArray();
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = adminConnection(admin); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            for (String role : roles) {
                st.execute("DROP ROLE IF EXISTS \"" + role.replace("\"", "\"\"") + "\"");
            }
        }
    }
}
