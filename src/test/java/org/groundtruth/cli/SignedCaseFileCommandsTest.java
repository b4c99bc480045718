package org.groundtruth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.groundtruth.core.identity.EntrySignature;
import org.groundtruth.core.identity.EntrySigner;
import org.groundtruth.store.team.KeyRing;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Case files carry the analysts' public keys and a signature per custody entry (issue 17): verify names who signed
 * what, and an approval signed by the proposer's own key — whatever name it carries — fails verify and is refused
 * by import-case.
 */
class SignedCaseFileCommandsTest {
    private static final String PHOTO = "../shared/data/media/jpg/Canon EOS 1000D.jpg";

    @TempDir
    Path tmp;
    private String olena;
    private String mykola;

    private CliRun as(String analyst, String... args) {
        List<String> all = new ArrayList<>(List.of("--workspace", tmp.resolve("ws").toString(), "--analyst", analyst));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    @BeforeEach
    void reviewedIncident() {
        String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        olena = "Олена Справа " + run;
        mykola = "Микола Справа " + run;
        assertThat(CliRun.of("keys", "create", olena).exitCode()).isZero();
        assertThat(CliRun.of("keys", "create", mykola).exitCode()).isZero();
        assertThat(CliRun.of("--workspace", tmp.resolve("ws").toString(), "init").exitCode()).isZero();
        String incident = as(olena, "incident", "add", "--title", "Удар по швидкій", "--json").json().get("id").asText();
        String photo = as(olena, "import", PHOTO, "--incident", incident, "--json").json().get(0).get("id").asText();
        assertThat(as(olena, "pin", "add", incident, "--at", "46.6425, 32.648", "--precision", "100", "--method", "дах",
                "--accept").exitCode()).isZero();
        assertThat(as(olena, "insignia", "add", incident, "--evidence", photo, "--box", "0,0,1,1", "--type",
                "none-visible").exitCode()).isZero();
        assertThat(as(olena, "status", "set", incident, "ready-for-review", "--rationale", "готово").exitCode()).isZero();
        CliRun approved = as(mykola, "review", "approve", incident, "--rationale", "перевірив");
        assertThat(approved.exitCode()).as(approved.err()).isZero();
    }

    @Test
    void verifyNamesWhoSignedEachCustodyEntry() {
        Path zip = tmp.resolve("справа.zip");
        assertThat(as(olena, "export", "--out", zip.toString()).exitCode()).isZero();

        JsonNode check = CliRun.of("verify", zip.toString(), "--json").json();
        assertThat(check.get("intact").asBoolean()).as(check.toString()).isTrue();
        JsonNode signers = check.get("entrySigners");
        assertThat(signers.get("unsignedEntries").asInt()).isZero();
        assertThat(signers.get("signedEntries").asInt()).isGreaterThanOrEqualTo(5);
        List<String> names = new ArrayList<>();
        signers.get("signers").forEach(s -> names.add(s.get("name").asText()));
        assertThat(names).containsExactlyInAnyOrder(olena, mykola);
        signers.get("signers").forEach(s -> assertThat(s.get("fingerprint").asText()).hasSize(64));

        CliRun human = CliRun.of("verify", zip.toString());
        assertThat(human.exitCode()).isZero();
        assertThat(human.out()).contains("signed, 0 unsigned").contains(olena).contains(mykola);
    }

    @Test
    void anApprovalSignedWithTheProposersKeyFailsVerifyAndImportWhateverItsName() throws Exception {
        // Olena re-signs Mykola's approval with her own key (editing her database around its triggers): the entry
        // still says Mykola, and its signature is valid — but it is her key.
        EntrySigner hers = KeyRing.user().signer(olena, Optional.empty()).orElseThrow();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("ws/investigation.db"));
             Statement st = c.createStatement()) {
            st.execute("DROP TRIGGER audit_signature_no_update");
            long sequence;
            String hash;
            try (ResultSet rs = st.executeQuery("SELECT sequence, hash FROM audit_log WHERE entity_type = 'review'"
                    + " AND after_json LIKE '%\"approved\"%'")) {
                assertThat(rs.next()).isTrue();
                sequence = rs.getLong(1);
                hash = rs.getString(2);
            }
            EntrySignature forged = hers.signEntry(hash);
            try (PreparedStatement up = c.prepareStatement("UPDATE audit_signature SET key_fingerprint = ?,"
                    + " signature = ? WHERE sequence = ?")) {
                up.setString(1, forged.keyFingerprint());
                up.setString(2, forged.signature());
                up.setLong(3, sequence);
                assertThat(up.executeUpdate()).isEqualTo(1);
            }
        }
        Path zip = tmp.resolve("сама-собі.zip");
        assertThat(as(olena, "export", "--out", zip.toString()).exitCode()).isZero();

        CliRun verify = CliRun.of("verify", zip.toString());
        assertThat(verify.exitCode()).isEqualTo(Cli.CHECK_FAILED);
        assertThat(verify.out()).contains("is signed by the key that signed proposal").contains(olena)
                .contains("acting as " + mykola);
        JsonNode json = CliRun.of("verify", zip.toString(), "--json").json();
        assertThat(json.get("intact").asBoolean()).isFalse();
        assertThat(json.get("problems").get(0).get("path").asText()).isEqualTo("custody-signatures.jsonl");

        // The window's Open case file shows the same problem and asks for Force before importing.
        var window = new org.groundtruth.ui.casefile.ImportCaseViewModel(
                org.groundtruth.ui.common.InlineBackground.INSTANCE, Optional::empty, () -> "Іван");
        window.verify(zip);
        assertThat(window.problems()).anyMatch(p -> p.contains("is signed by the key that signed proposal"));
        assertThat(window.needsForceProperty().get()).isTrue();

        Path other = tmp.resolve("other");
        assertThat(CliRun.of("--workspace", other.toString(), "init").exitCode()).isZero();
        CliRun refused = CliRun.of("--workspace", other.toString(), "--analyst", "Іван", "import-case", zip.toString());
        assertThat(refused.exitCode()).isEqualTo(Cli.CHECK_FAILED);
        assertThat(refused.err()).contains(zip.toString()).contains("signatures do not verify");
        JsonNode list = CliRun.of("--workspace", other.toString(), "incident", "list", "--json").json();
        assertThat(list.size()).isZero();

        CliRun forced = CliRun.of("--workspace", other.toString(), "--analyst", "Іван", "import-case", zip.toString(),
                "--force", "--trust-once");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.out()).contains("FORCED: imported despite 1 custody entry signature problems");
    }

    @Test
    void aTamperedSignatureLineIsNamed() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("ws/investigation.db"));
             Statement st = c.createStatement()) {
            st.execute("DROP TRIGGER audit_signature_no_update");
            st.execute("UPDATE audit_signature SET signature = (SELECT signature FROM audit_signature WHERE sequence = 1)"
                    + " WHERE sequence = 2");
        }
        Path zip = tmp.resolve("підмінена.zip");
        assertThat(as(olena, "export", "--out", zip.toString()).exitCode()).isZero();
        CliRun verify = CliRun.of("verify", zip.toString());
        assertThat(verify.exitCode()).isEqualTo(Cli.CHECK_FAILED);
        assertThat(verify.out()).contains("entry 2 has an invalid signature (claimed signer: " + olena + ")");
    }
}
