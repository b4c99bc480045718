package org.groundtruth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import org.groundtruth.store.team.TeamServer;
import org.groundtruth.team.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code team init} and {@code team analyst add} through {@code main}, the administrator's password read from a
 * pgpass file (as from {@code ~/.pgpass}; never on the command line). Needs {@code GROUNDTRUTH_TEST_PG}.
 */
class TeamAdminCommandsTest {
    private static final String PGPASSFILE = "org.postgresql.pgpassfile";

    @TempDir
    Path tmp;

    @AfterEach
    void forget() {
        System.clearProperty(PGPASSFILE);
    }

    @Test
    void initAndAnalystAddWithThePasswordFromPgpass() throws Exception {
        try (TestServer server = TestServer.createEmpty()) {
            Path pgpass = tmp.resolve("pgpass");
            Files.writeString(pgpass, server.url.host() + ":" + server.url.port() + ":*:" + server.adminUrl().user()
                    .orElseThrow() + ":" + new String(server.adminPassword()) + "\n", StandardCharsets.UTF_8);
            System.setProperty(PGPASSFILE, pgpass.toString());
            String url = server.adminUrl().display();

            String name = server.name("Ірина Адмін");
            server.dropRoleAtClose(name);
            assertThat(CliRun.of("keys", "create", name).exitCode()).isZero();
            JsonNode key = CliRun.of("keys", "show", name, "--json").json();
            String keyFile = key.get("publicKeyFile").asText();
            CliRun beforeInit = CliRun.of("team", "analyst", "add", name, "--role", "editor", "--server", url, "--key",
                    keyFile);
            assertThat(beforeInit.exitCode()).isEqualTo(Cli.BAD_INPUT);
            assertThat(beforeInit.err()).contains("has no team schema yet: run team init first");

            CliRun init = CliRun.of("team", "init", "--server", url, "--json");
            assertThat(init.exitCode()).as(init.err()).isZero();
            int version = init.json().get("schemaVersion").asInt();
            assertThat(version).isPositive();
            CliRun again = CliRun.of("team", "init", "--server", url, "--json");
            assertThat(again.exitCode()).as(again.err()).isZero();
            assertThat(again.json().get("schemaVersion").asInt()).isEqualTo(version);

            CliRun badRole = CliRun.of("team", "analyst", "add", name, "--role", "boss", "--server", url, "--key", keyFile);
            assertThat(badRole.exitCode()).isEqualTo(Cli.BAD_INPUT);
            assertThat(badRole.err()).contains("role must be analyst, reviewer or editor, was: boss");
            Path notAKey = Files.writeString(tmp.resolve("ключ.pub"), "not a key", StandardCharsets.UTF_8);
            CliRun badKey = CliRun.of("team", "analyst", "add", name, "--role", "editor", "--server", url, "--key",
                    notAKey.toString());
            assertThat(badKey.exitCode()).isEqualTo(Cli.BAD_INPUT);
            assertThat(badKey.err().strip()).endsWith(notAKey + " is not an Ed25519 public key (PEM)");

            CliRun added = CliRun.of("team", "analyst", "add", name, "--role", "editor", "--server", url, "--key",
                    keyFile, "--json");
            assertThat(added.exitCode()).as(added.err()).isZero();
            JsonNode json = added.json();
            assertThat(json.get("name").asText()).isEqualTo(name);
            assertThat(json.get("role").asText()).isEqualTo("editor");
            assertThat(json.get("fingerprint").asText()).isEqualTo(key.get("fingerprint").asText());
            String password = json.get("password").asText();
            assertThat(password).hasSizeGreaterThanOrEqualTo(20);
            try (Connection c = TeamServer.connect(server.url, name, Optional.of(password.toCharArray()));
                 PreparedStatement st = c.prepareStatement("SELECT current_user");
                 ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(name);
            }

            CliRun twice = CliRun.of("team", "analyst", "add", name, "--role", "editor", "--server", url, "--key", keyFile);
            assertThat(twice.exitCode()).isEqualTo(Cli.BAD_INPUT);
            assertThat(twice.err()).contains("a server role named " + name + " exists already");
            assertThat(twice.err().strip().lines()).hasSize(1);
        }
    }
}
