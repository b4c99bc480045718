package org.groundtruth.store.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.groundtruth.core.casefile.ReportFigures;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.casefile.CaseCheck;
import org.groundtruth.core.casefile.CaseFileLayout;
import org.groundtruth.core.casefile.CaseProblem;
import org.groundtruth.core.casefile.CaseProblem.Kind;
import org.groundtruth.core.casefile.ExportOptions;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.TestInvestigations;
import org.groundtruth.store.demo.DemoInvestigation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tampered and hostile case files: every problem is named, nothing is trusted. */
class CaseVerifierTest {
    @TempDir
    static Path tmp;
    static Investigation inv;
    static Path good;

    @BeforeAll
    static void export() {
        inv = TestInvestigations.open(tmp.resolve("ws"));
        DemoInvestigation.populateIfEmpty(inv);
        good = tmp.resolve("good.zip");
        new CaseExporter(inv, ReportFigures.NONE).export(ExportOptions.EVERYTHING, good, "Analyst A", ProgressMonitor.NONE);
    }

    @AfterAll
    static void close() {
        inv.close();
    }

    private static List<Kind> kinds(CaseCheck check) {
        return check.problems().stream().map(CaseProblem::kind).toList();
    }

    @Test
    void aChangedFileIsNamed() throws Exception {
        Path bad = CaseFiles.rewrite(good, tmp.resolve("changed.zip"), e -> {
            e.put(CaseFileLayout.CSV, (new String(e.get(CaseFileLayout.CSV), StandardCharsets.UTF_8)
                    .replace("verified", "rejected")).getBytes(StandardCharsets.UTF_8));
            return e;
        });
        CaseCheck check = new CaseVerifier().verify(bad);
        assertThat(check.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.CHANGED);
            assertThat(p.path()).isEqualTo(CaseFileLayout.CSV);
        });
    }

    @Test
    void aMissingAndAnUnlistedFileAreNamed() throws Exception {
        Path bad = CaseFiles.rewrite(good, tmp.resolve("missing.zip"), e -> {
            String evidence = e.keySet().stream().filter(k -> k.startsWith("evidence/")).findFirst().orElseThrow();
            e.remove(evidence);
            e.put("evidence/planted.png", new byte[] {1, 2, 3});
            return e;
        });
        assertThat(kinds(new CaseVerifier().verify(bad))).containsExactlyInAnyOrder(Kind.MISSING, Kind.UNLISTED);
    }

    @Test
    void anEditedManifestBreaksTheSignature() throws Exception {
        Path bad = CaseFiles.rewrite(good, tmp.resolve("manifest.zip"), e -> {
            e.put(CaseFileLayout.MANIFEST, new String(e.get(CaseFileLayout.MANIFEST), StandardCharsets.UTF_8)
                    .replace("Analyst A", "Analyst B").getBytes(StandardCharsets.UTF_8));
            return e;
        });
        assertThat(kinds(new CaseVerifier().verify(bad))).containsExactly(Kind.BAD_SIGNATURE);
    }

    @Test
    void aSignatureFromAnotherKeyIsRejected() throws Exception {
        Path other = tmp.resolve("other.zip");
        new CaseExporter(inv, ReportFigures.NONE).export(ExportOptions.EVERYTHING, other, "Analyst C", ProgressMonitor.NONE);
        byte[] otherKey = CaseFiles.read(other).get(CaseFileLayout.PUBLIC_KEY);
        Path bad = CaseFiles.rewrite(good, tmp.resolve("swapped-key.zip"), e -> {
            e.put(CaseFileLayout.PUBLIC_KEY, otherKey);
            return e;
        });
        assertThat(kinds(new CaseVerifier().verify(bad))).containsExactly(Kind.BAD_SIGNATURE);
        Path unsigned = CaseFiles.rewrite(good, tmp.resolve("unsigned.zip"), e -> {
            e.remove(CaseFileLayout.SIGNATURE);
            return e;
        });
        assertThat(kinds(new CaseVerifier().verify(unsigned))).containsExactly(Kind.BAD_SIGNATURE);
    }

    @Test
    void anEditedCustodyEntryBreaksTheChainAsWellAsTheHash() throws Exception {
        Path bad = CaseFiles.rewrite(good, tmp.resolve("custody.zip"), e -> {
            String custody = new String(e.get(CaseFileLayout.CUSTODY), StandardCharsets.UTF_8);
            e.put(CaseFileLayout.CUSTODY, custody.replaceFirst("demo geolocation", "no geolocation")
                    .getBytes(StandardCharsets.UTF_8));
            return e;
        });
        CaseCheck check = new CaseVerifier().verify(bad);
        assertThat(kinds(check)).containsExactlyInAnyOrder(Kind.CHANGED, Kind.BROKEN_CHAIN);
        assertThat(check.problems()).anyMatch(p -> p.detail().contains("was altered"));
    }

    @Test
    void zipSlipNamesAreRefused() throws Exception {
        for (String name : List.of("../evil.sh", "/etc/passwd", "evidence/../../x", "C:\\x", "a//b")) {
            Path bad = CaseFiles.rewrite(good, tmp.resolve("slip.zip"), e -> {
                e.put(name, "x".getBytes(StandardCharsets.UTF_8));
                return e;
            });
            CaseCheck check = new CaseVerifier().verify(bad);
            assertThat(kinds(check)).as(name).containsExactly(Kind.REFUSED);
        }
    }

    @Test
    void zipBombsStopAtTheBounds() throws Exception {
        Path bomb = tmp.resolve("bomb.zip");
        try (OutputStream out = Files.newOutputStream(bomb); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("incidents.csv"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(Files.size(bomb)).isLessThan(1 << 20);
        ZipLimits small = new ZipLimits(100, 1L << 40, 100, 1 << 20, 1 << 20);
        CaseCheck ratio = new CaseVerifier(small).verify(bomb);
        assertThat(ratio.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.REFUSED);
            assertThat(p.detail()).contains("compression ratio");
        });
        CaseCheck size = new CaseVerifier(new ZipLimits(100, 8 << 20, 1e9, 0, 1 << 20)).verify(bomb);
        assertThat(size.problems()).singleElement().satisfies(p -> assertThat(p.detail()).contains("bytes uncompressed"));

        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 150; i++) {
            many.put("evidence/f" + i, new byte[] {1});
        }
        Path crowd = tmp.resolve("crowd.zip");
        CaseFiles.write(crowd, many);
        assertThat(new CaseVerifier(small).verify(crowd).problems())
                .singleElement().satisfies(p -> assertThat(p.detail()).contains("more than 100 entries"));
    }

    @Test
    void notAZipIsUnreadable() throws Exception {
        Path text = tmp.resolve("not.zip");
        Files.writeString(text, "hello");
        assertThat(kinds(new CaseVerifier().verify(text))).containsExactly(Kind.UNREADABLE);
        Path truncated = tmp.resolve("truncated.zip");
        byte[] all = Files.readAllBytes(good);
        Files.write(truncated, java.util.Arrays.copyOf(all, all.length / 2));
        CaseCheck check = new CaseVerifier().verify(truncated);
        assertThat(check.isIntact()).isFalse();
    }
}
