package org.groundtruth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.TestInvestigations;
import org.groundtruth.store.demo.DemoInvestigation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12: edits made with plain JDBC (as the sqlite3 shell would make them) left {@code audit verify} at OK
 * and {@code export} signed the edited data. Each row type is edited, added or removed here; audit verify must
 * exit 1 naming the entity, export must refuse in one line naming the command that shows the problem.
 */
class AuditAroundTheProgramTest {
    @TempDir
    static Path shared;
    @TempDir
    Path tmp;
    Path workspace;

    /** The demo is made once and copied for each test: each test edits its own copy. */
    @BeforeAll
    static void demoOnce() {
        try (Investigation inv = TestInvestigations.open(shared.resolve("demo"))) {
            DemoInvestigation.populateIfEmpty(inv);
        }
    }

    @BeforeEach
    void copyOfTheDemo() throws IOException {
        workspace = tmp.resolve("ws");
        Path demo = shared.resolve("demo");
        try (Stream<Path> files = Files.walk(demo)) {
            for (Path from : files.toList()) {
                Path to = workspace.resolve(demo.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
    }

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of("--workspace", workspace.toString(), "--analyst", "Олена Аналітик"));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    private String sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + workspace.resolve(Investigation.DATABASE_FILE))) {
            TestInvestigations.registerFunctions(c);
            try (Statement st = c.createStatement()) {
                if (statement.strip().toLowerCase().startsWith("select")) {
                    try (ResultSet rs = st.executeQuery(statement)) {
                        assertThat(rs.next()).as("a row for " + statement).isTrue();
                        return rs.getString(1);
                    }
                }
                assertThat(st.executeUpdate(statement)).as(statement).isPositive();
                return "";
            }
        }
    }

    @Test
    void theUntouchedDemoVerifiesAndExports() {
        CliRun verify = run("audit", "verify", "--json");
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        JsonNode json = verify.json();
        assertThat(json.get("intact").asBoolean()).isTrue();
        assertThat(json.get("rowsIntact").asBoolean()).isTrue();
        assertThat(json.get("entitiesChecked").asLong()).isGreaterThan(DemoInvestigation.incidentCount());
        assertThat(run("export", "--out", tmp.resolve("case.zip").toString(), "--no-media").exitCode()).isZero();
    }

    static Stream<Arguments> edits() {
        return Stream.of(
                Arguments.of("incident title", "incident", "UPDATE incident SET title = 'x' WHERE id = (SELECT min(id) FROM incident)",
                        "SELECT min(id) FROM incident", "title"),
                Arguments.of("incident status", "incident",
                        "UPDATE incident SET status = 'verified' WHERE id = (SELECT min(id) FROM incident WHERE status <> 'verified')",
                        "SELECT min(id) FROM incident WHERE status <> 'verified'", "status"),
                Arguments.of("evidence name", "evidence", "UPDATE evidence_item SET original_name = 'x.mp4' WHERE id = (SELECT min(id) FROM evidence_item)",
                        "SELECT min(id) FROM evidence_item", "originalName"),
                Arguments.of("source caption", "source", "UPDATE source SET caption = 'x' WHERE id = (SELECT min(id) FROM source)",
                        "SELECT min(id) FROM source", "caption"),
                Arguments.of("pin position", "pin", "UPDATE geolocation_pin SET lat = lat + 0.01 WHERE id = (SELECT min(id) FROM geolocation_pin)",
                        "SELECT min(id) FROM geolocation_pin", "target"),
                Arguments.of("pin removed", "pin", "DELETE FROM geolocation_pin WHERE id = (SELECT min(id) FROM geolocation_pin)",
                        "", "missing from the database"),
                Arguments.of("insignia note", "insignia", "UPDATE insignia_observation SET note = 'x' WHERE id = (SELECT min(id) FROM insignia_observation)",
                        "SELECT min(id) FROM insignia_observation", "note"),
                Arguments.of("chronolocation note", "chronolocation", "UPDATE chronolocation SET note = 'x' WHERE id = (SELECT min(id) FROM chronolocation)",
                        "SELECT min(id) FROM chronolocation", "note"),
                Arguments.of("review rationale", "review", "UPDATE review SET rationale = 'x' WHERE id = (SELECT min(id) FROM review)",
                        "SELECT min(id) FROM review", "rationale"),
                Arguments.of("review added", "review", "INSERT INTO review (id, incident_id, proposer, reviewer, decision, rationale, at)"
                        + " SELECT 'rev-f0rged0001', min(id), 'A', 'B', 'approved', 'ok', '2025-07-07T00:00:00Z' FROM incident",
                        "SELECT 'rev-f0rged0001'", "no custody entry made it"),
                Arguments.of("corroboration note", "corroboration", "UPDATE corroboration SET note = 'x' WHERE id = (SELECT min(id) FROM corroboration)",
                        "SELECT min(id) FROM corroboration", "note"),
                Arguments.of("incident added", "incident", "INSERT INTO incident (id, title, time_precision, target_type, strike_type,"
                        + " strike_sequence, status, sensitivity, created_at, updated_at) VALUES ('inc-f0rged0001', 'x', 'day',"
                        + " 'ambulance', 'unknown', 'unknown', 'verified', 'normal', '2025-07-07T00:00:00Z', '2025-07-07T00:00:00Z')",
                        "SELECT 'inc-f0rged0001'", "no custody entry made it"),
                Arguments.of("evidence unlinked", "link", "DELETE FROM incident_evidence WHERE rowid = (SELECT min(rowid) FROM incident_evidence)",
                        "", "not in the database"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void anEditAroundTheProgramFailsAuditVerifyAndExport(String what, String type, String edit, String idQuery,
            String detail) throws Exception {
        String id = idQuery.isEmpty() ? "" : sql(idQuery);
        sql(edit);

        CliRun verify = run("audit", "verify");
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isEqualTo(Cli.CHECK_FAILED);
        assertThat(verify.out()).startsWith("BROKEN: " + type + " ").contains(id, detail);

        JsonNode json = run("audit", "verify", "--json").json();
        assertThat(json.get("intact").asBoolean()).isFalse();
        assertThat(json.get("chainIntact").asBoolean()).isTrue();
        assertThat(json.get("rowsIntact").asBoolean()).isFalse();
        assertThat(json.get("firstBadEntityType").asText()).isEqualTo(type);
        if (!id.isEmpty()) {
            assertThat(json.get("firstBadEntity").asText()).isEqualTo(id);
        }

        Path zip = tmp.resolve("case.zip");
        CliRun export = run("export", "--out", zip.toString(), "--no-media");
        assertThat(export.exitCode()).isEqualTo(Cli.CHECK_FAILED);
        assertThat(export.out()).isEmpty();
        assertThat(export.err().strip()).doesNotContain("\n").contains("groundtruth audit verify", type);
        assertThat(zip).doesNotExist();
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.filter(p -> p.getFileName().toString().contains("export"))).isEmpty();
        }
    }

    @Test
    void vaultCheckNamesMissingAndChangedFiles() throws Exception {
        assertThat(run("audit", "verify", "--vault").exitCode()).isZero();
        List<Path> originals;
        try (Stream<Path> files = Files.walk(workspace.resolve(Investigation.VAULT_DIR))) {
            originals = files.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(originals).hasSizeGreaterThanOrEqualTo(2);
        Path changed = originals.get(0);
        Path removed = originals.get(1);
        changed.toFile().setWritable(true);
        byte[] bytes = Files.readAllBytes(changed);
        bytes[bytes.length / 2] ^= 1;
        Files.write(changed, bytes);
        Files.delete(removed);

        assertThat(run("audit", "verify").exitCode()).as("without --vault the files are not read").isZero();
        CliRun verify = run("audit", "verify", "--vault");
        assertThat(verify.exitCode()).isEqualTo(Cli.CHECK_FAILED);
        assertThat(verify.out()).contains("missing: ", removed.getFileName().toString(),
                "changed: ", changed.getFileName().toString());
        JsonNode json = run("audit", "verify", "--vault", "--json").json();
        assertThat(json.get("intact").asBoolean()).isFalse();
        assertThat(json.get("rowsIntact").asBoolean()).isTrue();
        assertThat(json.get("vault").get("missing").toString()).contains(removed.getFileName().toString());
        assertThat(json.get("vault").get("changed").toString()).contains(changed.getFileName().toString());
    }
}
