package org.groundtruth.ui.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.casefile.ExportOptions;
import org.groundtruth.core.casefile.GridSnap;
import org.groundtruth.core.casefile.ReportFigures;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.TestInvestigations;
import org.groundtruth.store.casefile.CaseExporter;
import org.groundtruth.store.demo.DemoInvestigation;
import org.groundtruth.ui.common.InlineBackground;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File ▸ Open case file without a toolkit: verdict first, import on request, forcing only for a failed file. */
class ImportCaseViewModelTest {
    @TempDir
    static Path shared;
    static Path good;

    @TempDir
    Path tmp;

    /** One export for all tests: rendering the report takes seconds. */
    @BeforeAll
    static void export() {
        try (Investigation source = TestInvestigations.open(shared.resolve("source"))) {
            DemoInvestigation.populateIfEmpty(source);
            good = shared.resolve("case.zip");
            new CaseExporter(source, ReportFigures.NONE).export(ExportOptions.EVERYTHING, good, "Source", ProgressMonitor.NONE);
        }
    }

    @Test
    void anIntactFileIsVerifiedThenImported() {
        try (Investigation target = TestInvestigations.open(tmp.resolve("target"))) {
            ImportCaseViewModel vm = new ImportCaseViewModel(InlineBackground.INSTANCE, () -> Optional.of(target),
                    () -> "Receiver");
            vm.verify(good);
            assertThat(vm.problems()).isEmpty();
            assertThat(vm.needsForceProperty().get()).isFalse();
            assertThat(vm.canImportProperty().get()).isTrue();
            assertThat(vm.verdictProperty().get()).contains("case.zip", "intact", "Source");
            assertThat(target.counts().incidents()).as("verifying changes nothing").isZero();
            assertThat(vm.untrustedProperty().get()).isTrue();
            assertThat(vm.canTrustKeyProperty().get()).isTrue();
            assertThat(vm.verdictProperty().get()).startsWith("Signing key ").contains("NOT trusted");

            AtomicInteger refreshed = new AtomicInteger();
            vm.importChecked(refreshed::incrementAndGet);
            assertThat(target.counts().incidents()).as("an untrusted signer needs a choice first").isZero();
            vm.trustChoiceProperty().set(ImportCaseViewModel.TrustChoice.TRUST_KEY);
            assertThat(vm.trustDecided()).as("trusting needs a name").isFalse();
            vm.signerNameProperty().set("Колега з Херсона");
            assertThat(vm.trustDecided()).isTrue();
            vm.importChecked(refreshed::incrementAndGet);
            assertThat(target.counts().incidents()).isEqualTo(DemoInvestigation.incidentCount());
            assertThat(refreshed).hasValue(1);
            assertThat(vm.verdictProperty().get()).contains("Imported " + DemoInvestigation.incidentCount());
            assertThat(vm.canImportProperty().get()).isFalse();
            assertThat(target.signers().list()).anyMatch(s -> s.name().equals("Колега з Херсона"));

            vm.verify(good);
            assertThat(vm.untrustedProperty().get()).as("trusted from now on").isFalse();
            assertThat(vm.verdictProperty().get()).contains("trusted in this investigation as Колега з Херсона");
        }
    }

    @Test
    void importedOnceEveryIncidentArrivesUnverified() {
        try (Investigation target = TestInvestigations.open(tmp.resolve("target"))) {
            ImportCaseViewModel vm = new ImportCaseViewModel(InlineBackground.INSTANCE, () -> Optional.of(target),
                    () -> "Receiver");
            vm.verify(good);
            vm.trustChoiceProperty().set(ImportCaseViewModel.TrustChoice.ONCE);
            vm.importChecked(() -> { });
            assertThat(target.incidents().list(org.groundtruth.core.incident.IncidentQuery.ALL))
                    .hasSize(DemoInvestigation.incidentCount())
                    .allSatisfy(i -> assertThat(i.status().code()).isEqualTo("unverified"));
            assertThat(vm.verdictProperty().get()).contains("arrived as unverified");
            assertThat(target.signers().list()).isEmpty();
        }
    }

    @Test
    void aTamperedFileListsItsProblemsAndNeedsForcing() throws Exception {
        Path tampered = tmp.resolve("tampered.zip");
        byte[] bytes = Files.readAllBytes(good);
        Files.write(tampered, bytes);
        try (var zip = java.nio.file.FileSystems.newFileSystem(tampered)) {
            Files.writeString(zip.getPath("incidents.csv"), "changed");
        }
        try (Investigation target = TestInvestigations.open(tmp.resolve("target"))) {
            ImportCaseViewModel vm = new ImportCaseViewModel(InlineBackground.INSTANCE, () -> Optional.of(target),
                    () -> "Receiver");
            vm.verify(tampered);
            assertThat(vm.problems()).anyMatch(p -> p.contains("incidents.csv"));
            assertThat(vm.needsForceProperty().get()).isTrue();
            assertThat(vm.verdictProperty().get()).contains("FAILED");

            vm.trustChoiceProperty().set(ImportCaseViewModel.TrustChoice.ONCE);
            vm.importChecked(() -> { });
            assertThat(vm.verdictProperty().get()).contains("forced");
            assertThat(target.custody().all()).anyMatch(e -> e.reason().contains("FORCED"));
        }
    }

    @Test
    void aPublicVersionIsVerifiedButPointsToImportFeatures() {
        Path pub = tmp.resolve("public.zip");
        try (Investigation source = TestInvestigations.open(tmp.resolve("source"))) {
            new CaseExporter(source, ReportFigures.NONE).export(new ExportOptions(Set.of(), List.of(), true, Optional.of(new GridSnap(500))),
                    pub, "Source", ProgressMonitor.NONE);
        }
        try (Investigation target = TestInvestigations.open(tmp.resolve("target"))) {
            ImportCaseViewModel vm = new ImportCaseViewModel(InlineBackground.INSTANCE, () -> Optional.of(target),
                    () -> "Receiver");
            vm.verify(pub);
            assertThat(vm.problems()).isEmpty();
            assertThat(vm.canImportProperty().get()).isFalse();
            assertThat(vm.verdictProperty().get()).contains("Import features");
        }
    }

    @Test
    void aFileThatIsNotACaseFileGetsAOneLineVerdict() throws Exception {
        Path junk = Files.writeString(tmp.resolve("junk.zip"), "not a zip");
        ImportCaseViewModel vm = new ImportCaseViewModel(InlineBackground.INSTANCE, Optional::empty, () -> "R");
        vm.verify(junk);
        assertThat(vm.canImportProperty().get()).isFalse();
        assertThat(vm.verdictProperty().get()).contains("junk.zip");
        assertThat(vm.problems()).isNotEmpty();
    }
}
