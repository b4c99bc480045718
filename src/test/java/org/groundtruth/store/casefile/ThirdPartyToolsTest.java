package org.groundtruth.store.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.groundtruth.core.casefile.ReportFigures;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.casefile.CaseFileLayout;
import org.groundtruth.core.casefile.ExportOptions;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.TestInvestigations;
import org.groundtruth.store.demo.DemoInvestigation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Someone without Groundtruth can check a case file: OpenSSL verifies the manifest signature, GDAL's ogrinfo
 * opens the GeoJSON, KML and GeoPackage with the right feature counts. Each check is skipped when its tool is absent.
 */
class ThirdPartyToolsTest {
    @TempDir
    Path tmp;

    private Path extract() throws Exception {
        Path dir = tmp.resolve("case");
        Files.createDirectories(dir);
        try (Investigation inv = TestInvestigations.open(tmp.resolve("ws"))) {
            DemoInvestigation.populateIfEmpty(inv);
            Path zip = tmp.resolve("case.zip");
            new CaseExporter(inv, ReportFigures.NONE).export(ExportOptions.EVERYTHING, zip, "A", ProgressMonitor.NONE);
            for (Map.Entry<String, byte[]> e : CaseFiles.read(zip).entrySet()) {
                if (!e.getKey().contains("/")) {
                    Files.write(dir.resolve(e.getKey()), e.getValue());
                }
            }
        }
        return dir;
    }

    private static boolean installed(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    @Test
    void opensslVerifiesTheManifestSignature() throws Exception {
        assumeTrue(installed("openssl"), "openssl is not installed");
        Path dir = extract();
        byte[] sig = Base64.getMimeDecoder().decode(Files.readString(dir.resolve(CaseFileLayout.SIGNATURE)).strip());
        Files.write(dir.resolve("sig.bin"), sig);
        String out = run(dir, "openssl", "pkeyutl", "-verify", "-pubin", "-inkey", CaseFileLayout.PUBLIC_KEY, "-rawin",
                "-in", CaseFileLayout.MANIFEST, "-sigfile", "sig.bin");
        assertThat(out).contains("Signature Verified Successfully");
    }

    @Test
    void ogrinfoSeesEveryIncident() throws Exception {
        assumeTrue(installed("ogrinfo"), "GDAL's ogrinfo is not installed (.ci/run installs gdal-bin)");
        Path dir = extract();
        String geojson = run(dir, "ogrinfo", "-ro", "-al", "-so", CaseFileLayout.GEOJSON);
        assertThat(geojson).contains("Feature Count: " + DemoInvestigation.incidentCount());
        String kml = run(dir, "ogrinfo", "-ro", "-so", CaseFileLayout.KML, "Incidents");
        assertThat(kml).contains("Feature Count: " + DemoInvestigation.incidentCount());
        String gpkg = run(dir, "ogrinfo", "-ro", "-al", "-so", CaseFileLayout.GEOPACKAGE);
        assertThat(gpkg).contains("Feature Count: " + DemoInvestigation.incidentCount(), "Geometry: Point", "EPSG", "4326");
        List<String> layers = new ArrayList<>(run(dir, "ogrinfo", "-ro", "-q", CaseFileLayout.KML).lines().toList());
        assertThat(layers).anyMatch(l -> l.contains("Camera views"));
    }
}
