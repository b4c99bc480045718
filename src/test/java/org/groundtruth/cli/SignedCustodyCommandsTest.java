package org.groundtruth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.groundtruth.store.team.KeyRing;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Analyst keys and signed custody entries through the command line (issue 17), without a team server: keys are
 * created once, entries are signed by their author's key, approving a signed proposal needs another analyst's
 * key, and audit verify checks every signature.
 */
class SignedCustodyCommandsTest {
    private static final String PHOTO = "../shared/data/media/jpg/Canon EOS 1000D.jpg";

    @TempDir
    Path tmp;
    private String olena;
    private String mykola;
    private String incident;

    private CliRun as(String analyst, String... args) {
        List<String> all = new ArrayList<>(List.of("--workspace", tmp.resolve("ws").toString(), "--analyst", analyst));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    @BeforeEach
    void names() {
        String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        olena = "Олена Ключ " + run;
        mykola = "Микола Ключ " + run;
        assertThat(CliRun.of("--workspace", tmp.resolve("ws").toString(), "init").exitCode()).isZero();
    }

    @Test
    void keysAreCreatedOncePrivateToTheUserAndShown() throws Exception {
        CliRun created = CliRun.of("keys", "create", olena, "--json");
        assertThat(created.exitCode()).as(created.err()).isZero();
        String fingerprint = created.json().get("fingerprint").asText();
        assertThat(fingerprint).hasSize(64);
        assertThat(created.json().get("privateKeyHere").asBoolean()).isTrue();

        Path dir = KeyRing.user().directory();
        try (var files = Files.list(dir)) {
            Path privateKey = files.filter(p -> p.getFileName().toString().endsWith(".key"))
                    .filter(p -> p.getFileName().toString().startsWith("олена-ключ")).findFirst().orElseThrow();
            assertThat(Files.getPosixFilePermissions(privateKey))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }

        CliRun again = CliRun.of("keys", "create", olena);
        assertThat(again.exitCode()).isEqualTo(Cli.BAD_INPUT);
        assertThat(again.err()).contains("already has a key pair").doesNotContain("\n\n");

        CliRun shown = CliRun.of("keys", "show", olena);
        assertThat(shown.exitCode()).isZero();
        assertThat(shown.out()).startsWith("-----BEGIN PUBLIC KEY-----").contains("fingerprint: " + fingerprint);

        CliRun unknown = CliRun.of("keys", "show", "Нікого Немає " + olena);
        assertThat(unknown.exitCode()).isEqualTo(Cli.BAD_INPUT);
        assertThat(unknown.err()).contains("no key for analyst");
    }

    @Test
    void entriesAreSignedAndASignedProposalNeedsAnotherAnalystsKey() throws Exception {
        assertThat(CliRun.of("keys", "create", olena).exitCode()).isZero();
        incident = as(olena, "incident", "add", "--title", "Удар по пожежній машині", "--json").json().get("id").asText();
        String photo = as(olena, "import", PHOTO, "--incident", incident, "--json").json().get(0).get("id").asText();
        assertThat(as(olena, "pin", "add", incident, "--at", "46.6425, 32.648", "--precision", "100", "--method", "дах",
                "--accept").exitCode()).isZero();
        assertThat(as(olena, "insignia", "add", incident, "--evidence", photo, "--box", "0,0,1,1", "--type",
                "none-visible").exitCode()).isZero();
        assertThat(as(olena, "status", "set", incident, "ready-for-review", "--rationale", "готово").exitCode()).isZero();

        // Renaming oneself changes nothing: without that analyst's private key the signed proposal cannot be approved.
        CliRun renamed = as(mykola, "review", "approve", incident, "--rationale", "ok");
        assertThat(renamed.exitCode()).isEqualTo(Cli.BAD_INPUT);
        assertThat(renamed.err()).contains("private key");

        assertThat(CliRun.of("keys", "create", mykola).exitCode()).isZero();
        CliRun approved = as(mykola, "review", "approve", incident, "--rationale", "перевірив", "--json");
        assertThat(approved.exitCode()).as(approved.err()).isZero();
        assertThat(approved.json().get("status").asText()).isEqualTo("verified");

        JsonNode check = as("будь-хто", "audit", "verify", "--json").json();
        assertThat(check.get("intact").asBoolean()).isTrue();
        JsonNode signatures = check.get("signatures");
        assertThat(signatures.get("valid").asBoolean()).isTrue();
        assertThat(signatures.get("signed").asLong()).isEqualTo(check.get("entries").asLong());
        assertThat(signatures.get("unsigned").asLong()).isZero();
    }

    @Test
    void anAnalystRenamedWithTheSameKeyStillCannotApproveTheirOwnWork() throws Exception {
        assertThat(CliRun.of("keys", "create", olena).exitCode()).isZero();
        incident = as(olena, "incident", "add", "--title", "Швидка під Куп'янськом", "--json").json().get("id").asText();
        String photo = as(olena, "import", PHOTO, "--incident", incident, "--json").json().get(0).get("id").asText();
        assertThat(as(olena, "pin", "add", incident, "--at", "49.7106, 37.6156", "--precision", "100", "--method", "дах",
                "--accept").exitCode()).isZero();
        assertThat(as(olena, "insignia", "add", incident, "--evidence", photo, "--box", "0,0,1,1", "--type",
                "none-visible").exitCode()).isZero();
        assertThat(as(olena, "status", "set", incident, "ready-for-review", "--rationale", "готово").exitCode()).isZero();

        // Олена renames herself to Микола and takes her own key pair along under the new name (files copied).
        KeyRing ring = KeyRing.user();
        Path olenaPub = ring.publicFile(olena);
        Path mykolaPub = ring.publicFile(mykola);
        Files.copy(olenaPub, mykolaPub);
        Files.copy(keyFile(olenaPub), keyFile(mykolaPub));
        try {
            assertThat(ring.publicKey(mykola).orElseThrow().fingerprint())
                    .isEqualTo(ring.publicKey(olena).orElseThrow().fingerprint());
            CliRun self = as(mykola, "review", "approve", incident, "--rationale", "сама себе");
            assertThat(self.exitCode()).isEqualTo(Cli.BAD_INPUT);
            assertThat(self.err()).contains("same key").contains("whatever name they use");
            assertThat(self.err().strip().lines()).hasSize(1);
            JsonNode shown = as(olena, "incident", "show", incident, "--json").json();
            assertThat(shown.get("status").asText()).isEqualTo("ready_for_review");
            JsonNode check = as("будь-хто", "audit", "verify", "--json").json();
            assertThat(check.get("intact").asBoolean()).isTrue();
            assertThat(check.get("signatures").get("valid").asBoolean()).isTrue();
        } finally {
            Files.deleteIfExists(keyFile(mykolaPub));
            Files.deleteIfExists(mykolaPub);
        }

        // Микола's own key (a different identity) may approve it.
        assertThat(CliRun.of("keys", "create", mykola).exitCode()).isZero();
        CliRun approved = as(mykola, "review", "approve", incident, "--rationale", "перевірив", "--json");
        assertThat(approved.exitCode()).as(approved.err()).isZero();
        assertThat(approved.json().get("status").asText()).isEqualTo("verified");
    }

    private static Path keyFile(Path publicFile) {
        String name = publicFile.getFileName().toString();
        return publicFile.resolveSibling(name.substring(0, name.length() - ".pub".length()) + ".key");
    }

    @Test
    void aForgedSignatureIsNamedByAuditVerify() throws Exception {
        assertThat(CliRun.of("keys", "create", olena).exitCode()).isZero();
        as(olena, "incident", "add", "--title", "Перший");
        as(olena, "incident", "add", "--title", "Другий");
        assertThat(as("x", "audit", "verify").exitCode()).isZero();

        // Someone edits the database around the triggers and swaps entry 2's signature for entry 1's.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("ws/investigation.db"));
             Statement st = c.createStatement()) {
            st.execute("DROP TRIGGER audit_signature_no_update");
            st.execute("UPDATE audit_signature SET signature = (SELECT signature FROM audit_signature WHERE sequence = 1)"
                    + " WHERE sequence = 2");
        }
        CliRun broken = as("x", "audit", "verify");
        assertThat(broken.exitCode()).isEqualTo(Cli.CHECK_FAILED);
        assertThat(broken.out()).contains("OK: custody log intact").contains("BAD SIGNATURE: entry 2 has an invalid signature");
    }

    @Test
    void teamCommandsRefuseAPasswordInTheAddressAndMissingLinks() {
        CliRun withPassword = CliRun.of("team", "init", "--server", "postgresql://admin:secret@127.0.0.1:5432/gt");
        assertThat(withPassword.exitCode()).isEqualTo(Cli.BAD_INPUT);
        assertThat(withPassword.err()).contains("contains a password").doesNotContain("secret");

        CliRun notAUrl = CliRun.of("team", "init", "--server", "mysql://host/db");
        assertThat(notAUrl.exitCode()).isEqualTo(Cli.BAD_INPUT);
        assertThat(notAUrl.err()).contains("postgresql://host:port/database");

        CliRun notLinked = as(olena, "sync");
        assertThat(notLinked.exitCode()).isEqualTo(Cli.BAD_INPUT);
        assertThat(notLinked.err()).contains("not linked to a team project");

        CliRun unreachable = CliRun.of("--analyst", olena, "team", "join", "--server", "postgresql://127.0.0.1:1/gt",
                "--project", "p", "--workspace", tmp.resolve("ws2").toString());
        assertThat(unreachable.exitCode()).isEqualTo(Cli.IO_FAILURE);
        assertThat(unreachable.err()).contains("127.0.0.1:1");
        assertThat(Set.of(unreachable.err().split("\n"))).hasSize(1);
    }
}
