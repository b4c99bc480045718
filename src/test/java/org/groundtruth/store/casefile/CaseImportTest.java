package org.groundtruth.store.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.groundtruth.core.casefile.ReportFigures;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.casefile.CaseFileLayout;
import org.groundtruth.core.casefile.ExportOptions;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.incident.IncidentQuery;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.TestInvestigations;
import org.groundtruth.store.demo.DemoInvestigation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** import-case: verified first, merged with provenance, idempotent; a failing file changes nothing unless forced. */
class CaseImportTest {
    @TempDir
    Path tmp;
    Path zip;
    List<Incident> originals;
    List<String> hashes;

    @BeforeEach
    void export() {
        try (Investigation source = TestInvestigations.open(tmp.resolve("source"))) {
            DemoInvestigation.populateIfEmpty(source);
            originals = sorted(source.incidents().list(IncidentQuery.ALL));
            hashes = source.evidence().all().stream().map(e -> e.sha256().hex()).sorted().toList();
            zip = tmp.resolve("case.zip");
            new CaseExporter(source, ReportFigures.NONE).export(ExportOptions.EVERYTHING, zip, "Source analyst", ProgressMonitor.NONE);
        }
    }

    private static List<Incident> sorted(List<Incident> list) {
        return list.stream().sorted(Comparator.comparing(Incident::id)).toList();
    }

    /** An importer for a workspace that trusts the source analyst's key (compared out of band, as a person would). */
    private CaseImporter importer(Investigation inv) {
        new CaseVerifier().verify(zip).signerFingerprint()
                .ifPresent(fp -> inv.signers().trust(fp, "Source analyst", java.util.Optional.empty(), "Receiver"));
        return new CaseImporter(inv, ZipLimits.DEFAULT);
    }

    @Test
    void mergesEverythingWithProvenanceAndOnlyOnce() {
        try (Investigation target = TestInvestigations.open(tmp.resolve("target"))) {
            CaseImporter.Result result = importer(target).importCase(zip, false, "Receiver", ProgressMonitor.NONE);
            assertThat(result.forced()).isFalse();
            assertThat(result.incidentsCreated()).isEqualTo(originals.size());
            assertThat(sorted(target.incidents().list(IncidentQuery.ALL))).isEqualTo(originals);
            assertThat(target.evidence().all().stream().map(e -> e.sha256().hex()).sorted().toList()).isEqualTo(hashes);
            Incident verified = originals.stream().filter(i -> i.status().code().equals("verified")).findFirst()
                    .orElseThrow();
            assertThat(target.verification().pins(verified.id())).hasSize(1);
            assertThat(target.verification().observations(verified.id())).hasSize(1);
            assertThat(target.verification().reviews(verified.id())).hasSize(2);
            List<EvidenceItem> evidence = target.evidence().forIncident(verified.id());
            assertThat(evidence).isNotEmpty();
            assertThat(target.verification().observations(verified.id()).get(0).evidenceId())
                    .isIn(evidence.stream().map(EvidenceItem::id).toList());
            assertThat(target.custody().history("incident", verified.id()).get(0).reason())
                    .contains("case.zip", "Source analyst", "key ");
            assertThat(target.custody().verify().isIntact()).isTrue();
            assertThat(result.sources()).isPositive();
            assertThat(result.corroborations()).isPositive();
            assertThat(target.evidence().all()).filteredOn(e -> e.sourceId().isPresent()).hasSize(result.sources());
            long links = target.evidence().all().stream()
                    .mapToLong(e -> target.verification().corroborations(e.id()).size()).sum();
            assertThat(links).isEqualTo(2L * result.corroborations());

            CaseImporter.Result again = importer(target).importCase(zip, false, "Receiver", ProgressMonitor.NONE);
            assertThat(again.incidentsCreated()).isZero();
            assertThat(again.incidentsAlreadyPresent()).isEqualTo(originals.size());
            assertThat(again.pins()).isZero();
            assertThat(again.sources()).isZero();
            assertThat(again.corroborations()).isZero();
            assertThat(target.counts().incidents()).isEqualTo(originals.size());
        }
    }

    @Test
    void aFailingCaseFileIsRefusedAndChangesNothingUnlessForced() throws Exception {
        Path tampered = CaseFiles.rewrite(zip, tmp.resolve("tampered.zip"), e -> {
            e.put(CaseFileLayout.CSV, "changed".getBytes(StandardCharsets.UTF_8));
            return e;
        });
        try (Investigation target = TestInvestigations.open(tmp.resolve("target"))) {
            CaseImporter importer = importer(target);
            long entries = target.custody().size();
            assertThatThrownBy(() -> importer.importCase(tampered, false, "Receiver", ProgressMonitor.NONE))
                    .isInstanceOf(CaseImporter.RefusedException.class);
            assertThat(target.counts().incidents()).isZero();
            assertThat(target.custody().size()).isEqualTo(entries);

            CaseImporter.Result forced = importer(target).importCase(tampered, true, "Receiver", ProgressMonitor.NONE);
            assertThat(forced.forced()).isTrue();
            assertThat(target.counts().incidents()).isEqualTo(originals.size());
            assertThat(target.custody().history("incident", originals.get(0).id()).get(0).reason())
                    .contains("FORCED", "incidents.csv");
        }
    }

    @Test
    void aPublicVersionHasNoRecordsToImport() {
        try (Investigation source = TestInvestigations.open(tmp.resolve("source"));
                Investigation target = TestInvestigations.open(tmp.resolve("target"))) {
            Path pub = tmp.resolve("public.zip");
            new CaseExporter(source, ReportFigures.NONE).export(new ExportOptions(java.util.Set.of(), List.of(), false,
                    java.util.Optional.of(new org.groundtruth.core.casefile.GridSnap(500))), pub, "A",
                    ProgressMonitor.NONE);
            assertThatThrownBy(() -> importer(target).importCase(pub, false, "B", ProgressMonitor.NONE))
                    .hasMessageContaining("import-features");
            assertThat(target.counts().incidents()).isZero();
        }
    }
}
