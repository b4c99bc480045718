package org.groundtruth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.TestInvestigations;
import org.groundtruth.store.demo.DemoInvestigation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** export, verify and import-features through main: exit codes, one-line errors, --json parsed back. */
class CaseFileCommandsTest {
    @TempDir
    Path tmp;
    Path workspace;

    @BeforeEach
    void demo() {
        workspace = tmp.resolve("ws");
        try (Investigation inv = TestInvestigations.open(workspace)) {
            DemoInvestigation.populateIfEmpty(inv);
        }
    }

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of("--workspace", workspace.toString(), "--analyst", "Олена Аналітик"));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void exportThenVerifyIsOk() {
        Path zip = tmp.resolve("case.zip");
        CliRun export = run("export", "--out", zip.toString(), "--json");
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.err()).isEmpty();
        assertThat(export.json().get("incidents").asInt()).isEqualTo(DemoInvestigation.incidentCount());
        String fingerprint = export.json().get("signerFingerprint").asText();

        CliRun verify = CliRun.of("verify", zip.toString());
        assertThat(verify.exitCode()).isZero();
        assertThat(verify.out()).startsWith("Signer key " + fingerprint);
        assertThat(verify.out().lines().skip(1).findFirst().orElseThrow()).startsWith("OK");
        JsonNode json = CliRun.of("verify", zip.toString(), "--json").json();
        assertThat(json.get("intact").asBoolean()).isTrue();
        assertThat(json.get("createdBy").asText()).isEqualTo("Олена Аналітик");
    }

    @Test
    void verifyListsEachProblemWithExitOne() throws Exception {
        Path zip = tmp.resolve("case.zip");
        assertThat(run("export", "--out", zip.toString(), "--status", "verified,rejected").exitCode()).isZero();
        Path tampered = tmp.resolve("tampered.zip");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tampered))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals("incidents.kml")) {
                    continue;
                }
                if (e.getName().equals("incidents.csv")) {
                    bytes = new String(bytes, "UTF-8").replace("rejected", "verified").getBytes("UTF-8");
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("../escape.txt"));
            out.write('x');
            out.closeEntry();
        }
        CliRun verify = CliRun.of("verify", tampered.toString());
        assertThat(verify.exitCode()).isEqualTo(Cli.CHECK_FAILED);
        assertThat(verify.out().lines().skip(1).findFirst().orElseThrow()).startsWith("FAILED");
        assertThat(verify.out()).contains("missing: incidents.kml", "changed: incidents.csv",
                "refused: ../escape.txt");
        JsonNode json = CliRun.of("verify", tampered.toString(), "--json").json();
        assertThat(json.get("intact").asBoolean()).isFalse();
        assertThat(json.get("problems")).hasSize(3);
    }

    @Test
    void badInputIsOneLineWithExitTwo() {
        CliRun missing = CliRun.of("verify", tmp.resolve("nope.zip").toString());
        assertThat(missing.exitCode()).isEqualTo(Cli.BAD_INPUT);
        assertThat(missing.err().strip().lines()).hasSize(1);
        CliRun status = run("export", "--out", tmp.resolve("x.zip").toString(), "--status", "done");
        assertThat(status.exitCode()).isEqualTo(Cli.BAD_INPUT);
        assertThat(status.err()).contains("status 'done'");
        CliRun unknown = run("export", "--out", tmp.resolve("x.zip").toString(), "--incident", "inc-0000000000");
        assertThat(unknown.exitCode()).isEqualTo(Cli.BAD_INPUT);
        assertThat(Files.exists(tmp.resolve("x.zip"))).isFalse();
    }

    /** The real CLI draws the maps (shipped basemap) and writes the headings in the language asked for. */
    @Test
    void exportWritesTheReportInTheChosenLanguageWithMaps() throws Exception {
        Path zip = tmp.resolve("uk.zip");
        CliRun export = run("export", "--out", zip.toString(), "--lang", "uk");
        assertThat(export.exitCode()).as(export.err()).isZero();
        String html;
        try (var file = new java.util.zip.ZipFile(zip.toFile())) {
            html = new String(file.getInputStream(file.getEntry("report.html")).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(html).contains("<html lang=\"uk\"", "<h3>Геолокація</h3>");
        assertThat(html.split("<img class=\"map\" src=\"data:image/png;base64,", -1))
                .hasSize(DemoInvestigation.incidentCount() + 1);
        CliRun bad = run("export", "--out", tmp.resolve("x.zip").toString(), "--lang", "de");
        assertThat(bad.exitCode()).isEqualTo(Cli.BAD_INPUT);
        assertThat(bad.err()).contains("--lang 'de'");
    }

    @Test
    void importFeaturesPreviewsThenImports() {
        String gpx = Path.of("../shared/data/fixtures/gpx/gdal-gpx__ua-populated-places.gpx").toString();
        CliRun dry = run("import-features", gpx, "--dry-run", "--json");
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.json().get("features").asInt()).isEqualTo(49);
        assertThat(dry.json().get("incidentIds")).isEmpty();
        try (Investigation inv = TestInvestigations.open(workspace)) {
            assertThat(inv.counts().incidents()).isEqualTo(DemoInvestigation.incidentCount());
        }
        CliRun real = run("import-features", gpx);
        assertThat(real.exitCode()).isZero();
        assertThat(real.out()).contains("Imported 49 points");
        try (Investigation inv = TestInvestigations.open(workspace)) {
            assertThat(inv.counts().incidents()).isEqualTo(DemoInvestigation.incidentCount() + 49);
        }
        CliRun xxe = run("import-features", "src/test/resources/casefile/xxe.kml");
        assertThat(xxe.exitCode()).isEqualTo(Cli.BAD_INPUT);
        assertThat(xxe.err()).contains("xxe.kml").contains("DTD");
    }

    @Test
    void importCaseVerifiesFirst() throws Exception {
        Path zip = tmp.resolve("case.zip");
        CliRun export = run("export", "--out", zip.toString(), "--json");
        assertThat(export.exitCode()).isZero();
        String other = tmp.resolve("other").toString();
        assertThat(CliRun.of("--workspace", other, "init").exitCode()).isZero();
        assertThat(CliRun.of("--workspace", other, "--analyst", "B", "signers", "trust",
                export.json().get("signerFingerprint").asText(), "--name", "Олена").exitCode()).isZero();
        CliRun merged = CliRun.of("--workspace", other, "--analyst", "B", "import-case", zip.toString(), "--json");
        assertThat(merged.exitCode()).as(merged.err()).isZero();
        assertThat(merged.json().get("incidentsCreated").asInt()).isEqualTo(DemoInvestigation.incidentCount());

        Path broken = tmp.resolve("broken.zip");
        byte[] bytes = Files.readAllBytes(zip);
        Files.write(broken, java.util.Arrays.copyOf(bytes, bytes.length - 200));
        String third = tmp.resolve("third").toString();
        assertThat(CliRun.of("--workspace", third, "init").exitCode()).isZero();
        CliRun refused = CliRun.of("--workspace", third, "--analyst", "C", "import-case", broken.toString());
        assertThat(refused.exitCode()).isEqualTo(Cli.CHECK_FAILED);
        assertThat(refused.err()).contains("broken.zip", "nothing imported");
        try (Investigation inv = TestInvestigations.open(Path.of(third))) {
            assertThat(inv.counts().incidents()).isZero();
        }
    }
}
