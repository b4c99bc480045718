package org.groundtruth.ui.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.casefile.ReportFigures;
import org.groundtruth.core.verify.VerificationStatus;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.TestInvestigations;
import org.groundtruth.store.casefile.CaseVerifier;
import org.groundtruth.store.demo.DemoInvestigation;
import org.groundtruth.ui.common.Background;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The File ▸ Export case file ViewModel without a toolkit: options, the export itself, cancel, no investigation. */
class ExportCaseViewModelTest {
    @TempDir
    Path tmp;

    /** Runs work inline with a monitor that reports progress and can say "cancelled". */
    private static final class Inline implements Background {
        final List<String> titles = new ArrayList<>();
        final List<Long> progress = new ArrayList<>();
        boolean cancelled;

        @Override
        public <T> Job run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            titles.add(title);
            try {
                onSuccess.accept(work.run(new ProgressMonitor() {
                    @Override
                    public void progress(long done, long total) {
                        progress.add(done);
                    }

                    @Override
                    public boolean isCancelled() {
                        return cancelled;
                    }
                }));
            } catch (Exception e) {
                onFailure.accept(e);
            }
            return () -> cancelled = true;
        }
    }

    @Test
    void exportsWithTheChosenOptionsAndReportsTheKey() {
        try (Investigation inv = TestInvestigations.open(tmp.resolve("ws"))) {
            DemoInvestigation.populateIfEmpty(inv);
            Inline background = new Inline();
            ExportCaseViewModel vm = new ExportCaseViewModel(background, () -> Optional.of(inv), () -> "Аналітик",
                    () -> ReportFigures.NONE);
            vm.verifiedOnlyProperty().set(true);
            vm.publicVersionProperty().set(true);
            vm.gridMetersProperty().set(1000);
            assertThat(vm.options().statuses()).containsExactly(VerificationStatus.VERIFIED);
            assertThat(vm.options().publicGrid()).get().satisfies(g -> assertThat(g.cellMeters()).isEqualTo(1000));

            Path zip = tmp.resolve("case.zip");
            assertThat(vm.export(zip)).isTrue();
            assertThat(vm.runningProperty().get()).isFalse();
            assertThat(background.titles).hasSize(1);
            assertThat(background.progress).isNotEmpty();
            assertThat(vm.messageProperty().get()).contains(zip.toString());
            var check = new CaseVerifier().verify(zip);
            assertThat(check.isIntact()).isTrue();
            assertThat(vm.messageProperty().get()).contains(check.signerFingerprint().orElseThrow());
            assertThat(check.manifest().orElseThrow().publicVersion()).isTrue();
        }
    }

    @Test
    void aCancelledExportSaysSoAndWritesNothing() {
        try (Investigation inv = TestInvestigations.open(tmp.resolve("ws"))) {
            DemoInvestigation.populateIfEmpty(inv);
            Inline background = new Inline();
            background.cancelled = true;
            ExportCaseViewModel vm = new ExportCaseViewModel(background, () -> Optional.of(inv), () -> "A",
                    () -> ReportFigures.NONE);
            Path zip = tmp.resolve("case.zip");
            vm.export(zip);
            assertThat(vm.messageProperty().get()).isNotEmpty().doesNotContain(zip.toString());
            assertThat(Files.exists(zip)).isFalse();
            assertThat(vm.runningProperty().get()).isFalse();
        }
    }

    /** Issue 12: data edited around the program is not signed; the message names the command that shows why. */
    @Test
    void dataEditedAroundTheProgramIsRefused() throws Exception {
        Path ws = tmp.resolve("ws");
        try (Investigation inv = TestInvestigations.open(ws)) {
            DemoInvestigation.populateIfEmpty(inv);
        }
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + ws.resolve(Investigation.DATABASE_FILE));
                var st = c.createStatement()) {
            assertThat(st.executeUpdate("UPDATE incident SET title = 'x' WHERE id = (SELECT min(id) FROM incident)")).isOne();
        }
        try (Investigation inv = TestInvestigations.open(ws)) {
            ExportCaseViewModel vm = new ExportCaseViewModel(new Inline(), () -> Optional.of(inv), () -> "A",
                    () -> ReportFigures.NONE);
            Path zip = tmp.resolve("case.zip");
            vm.export(zip);
            assertThat(vm.messageProperty().get()).startsWith("Export refused").contains("title", "groundtruth audit verify");
            assertThat(Files.exists(zip)).isFalse();
            assertThat(vm.runningProperty().get()).isFalse();
        }
    }

    @Test
    void withoutAnInvestigationNothingRuns() {
        Inline background = new Inline();
        ExportCaseViewModel vm = new ExportCaseViewModel(background, Optional::empty, () -> "A", () -> ReportFigures.NONE);
        assertThat(vm.export(tmp.resolve("case.zip"))).isFalse();
        assertThat(background.titles).isEmpty();
        assertThat(vm.messageProperty().get()).isNotEmpty();
    }
}
