package org.groundtruth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.groundtruth.core.casefile.CaseFileLayout;
import org.groundtruth.core.casefile.CaseManifest;
import org.groundtruth.core.casefile.ManifestEntry;
import org.groundtruth.core.casefile.ManifestSignature;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.TestInvestigations;
import org.groundtruth.store.casefile.ManifestJson;
import org.groundtruth.store.demo.DemoInvestigation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: a case file re-signed with a stranger's key imported with status "verified" and no reviews. Forged
 * files are made here as a hostile colleague would: records or custody edited, the manifest rebuilt and signed
 * with a fresh Ed25519 key, signer.pub replaced.
 */
class ForgedCaseFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;
    static Path genuine;
    static String ownFingerprint;

    @TempDir
    Path tmp;

    @BeforeAll
    static void exportTheDemo() {
        Path source = shared.resolve("source");
        try (Investigation inv = TestInvestigations.open(source)) {
            DemoInvestigation.populateIfEmpty(inv);
        }
        genuine = shared.resolve("case.zip");
        CliRun export = CliRun.of("--workspace", source.toString(), "--analyst", "Олена Аналітик", "export", "--out",
                genuine.toString(), "--no-media", "--json");
        assertThat(export.exitCode()).as(export.err()).isZero();
        ownFingerprint = export.json().get("signerFingerprint").asText();
    }

    private CliRun in(Path workspace, String... args) {
        if (!Files.isDirectory(workspace)) {
            assertThat(CliRun.of("--workspace", workspace.toString(), "init").exitCode()).isZero();
        }
        List<String> all = new ArrayList<>(List.of("--workspace", workspace.toString(), "--analyst", "Петро Отримувач"));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    /** A copy of the genuine file with its entries edited, the manifest rebuilt and signed with {@code key}. */
    private static Path forge(Path target, KeyPair key, UnaryOperator<Map<String, byte[]>> edit) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(genuine); ZipInputStream z = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                entries.put(e.getName(), z.readAllBytes());
            }
        }
        entries = edit.apply(entries);
        CaseManifest old = ManifestJson.read(entries.get(CaseFileLayout.MANIFEST));
        List<ManifestEntry> files = new ArrayList<>();
        for (ManifestEntry f : old.files()) {
            byte[] bytes = entries.get(f.path());
            files.add(new ManifestEntry(f.path(), bytes.length,
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))));
        }
        byte[] manifest = ManifestJson.write(new CaseManifest(old.format(), old.formatVersion(), old.toolVersion(),
                old.createdBy(), old.createdAt(), old.publicVersion(), old.gridMeters(), old.incidentCount(), files));
        entries.put(CaseFileLayout.MANIFEST, manifest);
        entries.put(CaseFileLayout.SIGNATURE, ManifestSignature.sign(key.getPrivate(), manifest));
        entries.put(CaseFileLayout.PUBLIC_KEY, ManifestSignature.toPem(key.getPublic()));
        try (OutputStream out = Files.newOutputStream(target); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return target;
    }

    private static KeyPair strangerKey() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    /** Every rejected incident claims "verified" and has no reviews, in the records and in the custody extract. */
    private static Map<String, byte[]> promoteRejected(Map<String, byte[]> entries, boolean custodyToo) {
        Set<String> promoted = new HashSet<>();
        Set<String> reviews = new HashSet<>();
        StringBuilder records = new StringBuilder();
        try {
            for (String line : new String(entries.get(CaseFileLayout.RECORDS), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                ObjectNode node = (ObjectNode) JSON.readTree(line);
                ObjectNode incident = (ObjectNode) node.get("incident");
                if (incident.get("status").asText().equals("rejected")) {
                    incident.put("status", "verified");
                    promoted.add(incident.get("id").asText());
                    node.get("reviews").forEach(r -> reviews.add(r.get("id").asText()));
                    node.set("reviews", JSON.createArrayNode());
                }
                records.append(JSON.writeValueAsString(node)).append('\n');
            }
            entries.put(CaseFileLayout.RECORDS, records.toString().getBytes(StandardCharsets.UTF_8));
            if (custodyToo) {
                StringBuilder custody = new StringBuilder();
                for (String line : new String(entries.get(CaseFileLayout.CUSTODY), StandardCharsets.UTF_8).split("\n")) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode entry = JSON.readTree(line);
                    if (reviews.contains(entry.get("entity_id").asText())
                            || (promoted.contains(entry.get("entity_id").asText())
                                    && entry.get("action").asText().equals("status_change"))) {
                        continue; // gaps are allowed in an extract: the forger drops what would contradict the records
                    }
                    custody.append(line).append('\n');
                }
                // the promoted incidents' last state must say verified: forge one more, self-consistent entry
                entries.put(CaseFileLayout.CUSTODY, custody.toString().getBytes(StandardCharsets.UTF_8));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertThat(promoted).as("the demo has a rejected incident to promote").isNotEmpty();
        return entries;
    }

    private static ArrayNode incidents(CliRun list) {
        return (ArrayNode) list.json();
    }

    @Test
    void aFileReSignedByAStrangerIsRefusedNamingTheKeyAndImportsNothing() throws Exception {
        KeyPair stranger = strangerKey();
        String fingerprint = ManifestSignature.fingerprint(stranger.getPublic());
        Path forged = forge(tmp.resolve("forged.zip"), stranger, e -> e);
        Path target = tmp.resolve("target");
        assertThat(in(target, "init").exitCode()).isZero();
        long entries = in(target, "audit", "verify", "--json").json().get("entries").asLong();

        CliRun verify = CliRun.of("verify", forged.toString());
        assertThat(verify.exitCode()).isZero();
        assertThat(verify.out().lines().findFirst().orElseThrow()).startsWith("Signer key " + fingerprint);
        assertThat(verify.out()).contains("a claim").doesNotContain("OK: " + "signed by");

        CliRun refused = in(target, "import-case", forged.toString());
        assertThat(refused.exitCode()).isEqualTo(Cli.CHECK_FAILED);
        assertThat(refused.err().strip()).doesNotContain("\n").contains(fingerprint, "--trust-once", "signers trust");
        assertThat(incidents(in(target, "incident", "list", "--json"))).isEmpty();
        assertThat(in(target, "audit", "verify", "--json").json().get("entries").asLong()).isEqualTo(entries);

        CliRun once = in(target, "import-case", forged.toString(), "--trust-once", "--json");
        assertThat(once.exitCode()).as(once.err()).isZero();
        assertThat(once.json().get("signerTrusted").asBoolean()).isFalse();
        ArrayNode imported = incidents(in(target, "incident", "list", "--json"));
        assertThat(imported).hasSize(DemoInvestigation.incidentCount());
        imported.forEach(i -> assertThat(i.get("status").asText()).as(i.get("id").asText()).isEqualTo("unverified"));
        String id = imported.get(0).get("id").asText();
        JsonNode created = in(target, "audit", "log", "--entity", id, "--json").json().get(0);
        assertThat(created.get("reason").asText()).contains(fingerprint, "NOT trusted");
        assertThat(in(target, "audit", "verify").exitCode()).isZero();
    }

    @Test
    void trustedSignersAreListedRevokedAndImportAsTheFileSays() throws Exception {
        KeyPair colleague = strangerKey();
        Path pub = tmp.resolve("colleague.pub");
        Files.write(pub, ManifestSignature.toPem(colleague.getPublic()));
        String fingerprint = ManifestSignature.fingerprint(colleague.getPublic());
        Path signed = forge(tmp.resolve("colleague.zip"), colleague, e -> e);
        Path target = tmp.resolve("target");

        CliRun trust = in(target, "signers", "trust", pub.toString(), "--name", "Колега з Херсона", "--json");
        assertThat(trust.exitCode()).as(trust.err()).isZero();
        assertThat(trust.json().get("fingerprint").asText()).isEqualTo(fingerprint);
        JsonNode list = in(target, "signers", "list", "--json").json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("name").asText()).isEqualTo("Колега з Херсона");
        assertThat(list.get(0).get("implicit").asBoolean()).isFalse();

        CliRun imported = in(target, "import-case", signed.toString(), "--json");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.json().get("signerTrusted").asBoolean()).isTrue();
        assertThat(imported.json().get("statusesReset").asInt()).isZero();
        assertThat(incidents(in(target, "incident", "list", "--json"))).anyMatch(i -> i.get("status").asText().equals("verified"));

        assertThat(in(target, "signers", "revoke", fingerprint.toUpperCase()).exitCode()).isZero();
        assertThat(in(target, "signers", "list", "--json").json()).isEmpty();
        assertThat(in(target, "signers", "revoke", fingerprint).exitCode()).isEqualTo(Cli.BAD_INPUT);
        CliRun bad = in(target, "signers", "trust", "not-a-key");
        assertThat(bad.exitCode()).isEqualTo(Cli.BAD_INPUT);
        assertThat(bad.err()).contains("not-a-key", "fingerprint");
        CliRun audit = in(target, "audit", "verify");
        assertThat(audit.exitCode()).as(audit.out()).isZero();
    }

    @Test
    void theInvestigationsOwnKeyIsTrustedImplicitly() {
        Path source = shared.resolve("source");
        JsonNode list = in(source, "signers", "list", "--json").json();
        assertThat(list).anyMatch(s -> s.get("fingerprint").asText().equals(ownFingerprint) && s.get("implicit").asBoolean());
        CliRun revoke = in(source, "signers", "revoke", ownFingerprint);
        assertThat(revoke.exitCode()).isEqualTo(Cli.BAD_INPUT);
        assertThat(revoke.err()).contains("own export key");
        CliRun again = in(source, "import-case", genuine.toString(), "--json");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.json().get("signerTrusted").asBoolean()).isTrue();
        assertThat(again.json().get("incidentsAlreadyPresent").asInt()).isEqualTo(DemoInvestigation.incidentCount());
    }

    @Test
    void editedRecordsDisagreeWithTheCustodyExtract() throws Exception {
        Path forged = forge(tmp.resolve("promoted.zip"), strangerKey(), e -> promoteRejected(e, false));
        CliRun verify = CliRun.of("verify", forged.toString());
        assertThat(verify.exitCode()).isEqualTo(Cli.CHECK_FAILED);
        assertThat(verify.out()).contains("record_mismatch", "records.jsonl", "differs from its last custody entry", "status");
        JsonNode json = CliRun.of("verify", forged.toString(), "--json").json();
        assertThat(json.get("problems").toString()).contains("record_mismatch");

        Path target = tmp.resolve("target");
        CliRun refused = in(target, "import-case", forged.toString(), "--trust-once");
        assertThat(refused.exitCode()).isEqualTo(Cli.CHECK_FAILED);
        assertThat(incidents(in(target, "incident", "list", "--json"))).isEmpty();
    }

    @Test
    void aTrustedFileNeverCreatesVerifiedWithoutASecondAnalystsApproval() throws Exception {
        KeyPair colleague = strangerKey();
        String fingerprint = ManifestSignature.fingerprint(colleague.getPublic());
        Path forged = forge(tmp.resolve("no-reviews.zip"), colleague, e -> promoteRejected(e, true));
        CliRun verify = CliRun.of("verify", forged.toString());
        assertThat(verify.exitCode()).as(verify.out()).isEqualTo(Cli.CHECK_FAILED);
        // The custody extract still says "rejected" (the forger dropped the status change, not the creation):
        // the records disagree. Forced and trusted, it must still not arrive verified.
        Path target = tmp.resolve("target");
        assertThat(in(target, "signers", "trust", fingerprint, "--name", "Колега").exitCode()).isZero();
        CliRun imported = in(target, "import-case", forged.toString(), "--force", "--json");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.json().get("statusesReset").asInt()).isPositive();
        JsonNode all = in(target, "incident", "list", "--json").json();
        for (JsonNode incident : all) {
            if (incident.get("status").asText().equals("verified")) {
                JsonNode reviews = in(target, "history", incident.get("id").asText(), "--json").json();
                assertThat(reviews.toString()).as(incident.get("id").asText()).contains("approved");
            }
        }
    }
}
