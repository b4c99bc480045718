package org.groundtruth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path tmp;

    private String ws() {
        return tmp.resolve("ws").toString();
    }

    private static final Path SHARED_MEDIA = Path.of("../shared/data/media");

    @Test
    void versionAndHelp() {
        CliRun version = CliRun.of("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("Groundtruth ");
        assertThat(CliRun.of("--help").out()).contains("import", "incident", "audit");
    }

    @Test
    void initIsIdempotentAndTakesTheWorkspaceBeforeOrAfterTheCommand() {
        CliRun first = CliRun.of("--workspace", ws(), "init", "--json");
        assertThat(first.exitCode()).isZero();
        assertThat(first.json().get("created").asBoolean()).isTrue();
        assertThat(first.json().get("schemaVersion").asInt()).isPositive();
        CliRun second = CliRun.of("init", "--workspace", ws(), "--json");
        assertThat(second.exitCode()).isZero();
        assertThat(second.json().get("created").asBoolean()).isFalse();
        assertThat(second.json().get("workspace").asText()).isEqualTo(Path.of(ws()).toAbsolutePath().toString());
    }

    @Test
    void incidentsAreAddedListedShownAndEditedWithUkrainianText() {
        CliRun.of("--workspace", ws(), "init");
        CliRun add = CliRun.of("--workspace", ws(), "--analyst", "Олена", "incident", "add", "--title",
                "Удар по швидкій у Херсоні", "--occurred-at", "2025-07-03T13:10+03:00", "--place", "Херсон", "--json");
        assertThat(add.exitCode()).as(add.err()).isZero();
        String id = add.json().get("id").asText();
        assertThat(add.json().get("occurredAt").asText()).isEqualTo("2025-07-03T10:10:00Z");
        assertThat(add.json().get("placeName").asText()).isEqualTo("Херсон");

        JsonNode list = CliRun.of("--workspace", ws(), "incident", "list", "--json").json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("title").asText()).isEqualTo("Удар по швидкій у Херсоні");
        assertThat(CliRun.of("--workspace", ws(), "incident", "list", "--search", "херсоні", "--json").json()).hasSize(1);
        assertThat(CliRun.of("--workspace", ws(), "incident", "list", "--status", "verified", "--json").json()).isEmpty();

        CliRun edit = CliRun.of("--workspace", ws(), "incident", "edit", id, "--target-type", "ambulance",
                "--lat", "46.6354", "--lon", "32.6169", "--tags", "швидка, fpv", "--reason", "уточнено", "--json");
        assertThat(edit.exitCode()).as(edit.err()).isZero();

        CliRun show = CliRun.of("--workspace", ws(), "incident", "show", id, "--json");
        assertThat(show.exitCode()).isZero();
        JsonNode shown = show.json();
        assertThat(shown.get("targetType").asText()).isEqualTo("ambulance");
        assertThat(shown.get("location").get("lat").asDouble()).isEqualTo(46.6354);
        assertThat(shown.get("tags")).hasSize(2);
        assertThat(shown.get("evidence")).isEmpty();
        assertThat(CliRun.of("--workspace", ws(), "incident", "show", id).out()).contains("Херсон", "ambulance");

        JsonNode log = CliRun.of("--workspace", ws(), "audit", "log", "--entity", id, "--json").json();
        assertThat(log).hasSize(2);
        assertThat(log.get(0).get("actor").asText()).isEqualTo("Олена");
        assertThat(log.get(1).get("reason").asText()).isEqualTo("уточнено");
    }

    @Test
    void importStoresRealMediaOnceSniffsTheTypeAndLinksToTheIncident() throws Exception {
        CliRun.of("--workspace", ws(), "init");
        Path photo = SHARED_MEDIA.resolve("jpg/Canon EOS 1000D.jpg");
        Path renamed = Files.copy(photo, tmp.resolve("photo-with-wrong-extension.mp4"));
        String id = CliRun.of("--workspace", ws(), "incident", "add", "--title", "t", "--json").json().get("id").asText();

        CliRun first = CliRun.of("--workspace", ws(), "import", photo.toString(), "--incident", id,
                "--source-url", "https://t.me/some_channel/123", "--source-name", "@some_channel",
                "--posted-at", "2025-07-03T12:00:00Z", "--json");
        assertThat(first.exitCode()).as(first.err()).isZero();
        JsonNode item = first.json().get(0);
        assertThat(item.get("mediaType").asText()).isEqualTo("image/jpeg");
        assertThat(item.get("size").asLong()).isEqualTo(Files.size(photo));
        assertThat(item.get("duplicate").asBoolean()).isFalse();
        assertThat(item.get("sha256").asText()).hasSize(64);

        CliRun again = CliRun.of("--workspace", ws(), "import", renamed.toString(), "--json");
        assertThat(again.json().get(0).get("duplicate").asBoolean()).isTrue();
        assertThat(again.json().get(0).get("id").asText()).isEqualTo(item.get("id").asText());
        assertThat(again.json().get(0).get("mediaType").asText()).as("sniffed, not from the name").isEqualTo("image/jpeg");
        try (Stream<Path> vault = Files.walk(Path.of(ws(), "vault"))) {
            assertThat(vault.filter(Files::isRegularFile)).hasSize(1);
        }
        JsonNode shown = CliRun.of("--workspace", ws(), "incident", "show", id, "--json").json();
        assertThat(shown.get("evidence")).hasSize(1);
        assertThat(shown.get("evidence").get(0).get("originalName").asText()).isEqualTo("Canon EOS 1000D.jpg");
    }

    @Test
    void badInputIsOneLineExitTwoAndWritesNothing() throws Exception {
        CliRun.of("--workspace", ws(), "init");
        Path empty = Files.createFile(tmp.resolve("empty.mp4"));
        Path good = Files.writeString(tmp.resolve("good.txt"), "good");
        assertBad(CliRun.of("--workspace", ws(), "import", tmp.resolve("missing.jpg").toString()), "missing.jpg");
        assertBad(CliRun.of("--workspace", ws(), "import", good.toString(), empty.toString()), "empty.mp4");
        assertBad(CliRun.of("--workspace", ws(), "import", tmp.toString()), "is a directory");
        assertBad(CliRun.of("--workspace", ws(), "import", good.toString(), "--incident", "inc-0000000000"),
                "unknown incident id: inc-0000000000");
        assertBad(CliRun.of("--workspace", ws(), "import", good.toString(), "--posted-at", "yesterday"),
                "--posted-at 'yesterday'");
        assertBad(CliRun.of("--workspace", ws(), "incident", "add", "--title", "x", "--occurred-at", "3 July"),
                "--occurred-at '3 July'");
        assertBad(CliRun.of("--workspace", ws(), "incident", "add", "--title", "x", "--lat", "95", "--lon", "30"),
                "latitude");
        assertBad(CliRun.of("--workspace", ws(), "incident", "show", "inc-zzzzzzzzzz"), "inc-zzzzzzzzzz");
        assertBad(CliRun.of("--workspace", ws(), "incident", "add", "--title", "x", "--target-type", "tank"), "tank");
        assertBad(CliRun.of("--workspace", ws(), "no-such-command"), "no-such-command");

        JsonNode audit = CliRun.of("--workspace", ws(), "audit", "verify", "--json").json();
        assertThat(audit.get("entries").asLong()).as("nothing logged").isZero();
        assertThat(CliRun.of("--workspace", ws(), "incident", "list", "--json").json()).isEmpty();
        try (Stream<Path> vault = Files.walk(Path.of(ws(), "vault"))) {
            assertThat(vault.filter(Files::isRegularFile)).isEmpty();
        }
    }

    private static void assertBad(CliRun run, String named) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(Cli.BAD_INPUT);
        assertThat(run.err().strip()).contains(named).doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void auditVerifyNamesTheFirstEntryEditedRemovedOrReorderedByHand() throws Exception {
        CliRun.of("--workspace", ws(), "init");
        for (int i = 1; i <= 4; i++) {
            CliRun.of("--workspace", ws(), "incident", "add", "--title", "Incident " + i);
        }
        CliRun ok = CliRun.of("--workspace", ws(), "audit", "verify");
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out()).contains("4 entries");

        tamper("UPDATE audit_log SET reason = 'rewritten' WHERE sequence = 2");
        CliRun edited = CliRun.of("--workspace", ws(), "audit", "verify", "--json");
        assertThat(edited.exitCode()).isEqualTo(Cli.CHECK_FAILED);
        assertThat(edited.json().get("firstBadSequence").asLong()).isEqualTo(2);
        assertThat(edited.json().get("problem").asText()).contains("entry 2");
    }

    @Test
    void auditVerifyDetectsRemovedAndReorderedEntries() throws Exception {
        CliRun.of("--workspace", ws(), "init");
        for (int i = 1; i <= 4; i++) {
            CliRun.of("--workspace", ws(), "incident", "add", "--title", "Incident " + i);
        }
        tamper("UPDATE audit_log SET sequence = 100 WHERE sequence = 2",
                "UPDATE audit_log SET sequence = 2 WHERE sequence = 3",
                "UPDATE audit_log SET sequence = 3 WHERE sequence = 100");
        CliRun reordered = CliRun.of("--workspace", ws(), "audit", "verify", "--json");
        assertThat(reordered.exitCode()).isEqualTo(Cli.CHECK_FAILED);
        assertThat(reordered.json().get("firstBadSequence").asLong()).isEqualTo(2);

        tamper("DELETE FROM audit_log WHERE sequence = 3");
        CliRun removed = CliRun.of("--workspace", ws(), "audit", "verify");
        assertThat(removed.exitCode()).isEqualTo(Cli.CHECK_FAILED);
        assertThat(removed.out()).contains("BROKEN");
    }

    @Test
    void auditVerifyDetectsARemovedLastEntry() throws Exception {
        CliRun.of("--workspace", ws(), "init");
        for (int i = 1; i <= 3; i++) {
            CliRun.of("--workspace", ws(), "incident", "add", "--title", "Incident " + i);
        }
        tamper("DELETE FROM audit_log WHERE sequence = 3");
        CliRun truncated = CliRun.of("--workspace", ws(), "audit", "verify", "--json");
        assertThat(truncated.exitCode()).isEqualTo(Cli.CHECK_FAILED);
        assertThat(truncated.json().get("firstBadSequence").asLong()).isEqualTo(3);
    }

    /** Edits the database the way someone with the sqlite3 shell would: around the append-only triggers. */
    private void tamper(String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + Path.of(ws(), "investigation.db"));
             Statement st = c.createStatement()) {
            st.executeUpdate("DROP TRIGGER IF EXISTS audit_log_no_update");
            st.executeUpdate("DROP TRIGGER IF EXISTS audit_log_no_delete");
            for (String sql : statements) {
                st.executeUpdate(sql);
            }
        }
    }
}
