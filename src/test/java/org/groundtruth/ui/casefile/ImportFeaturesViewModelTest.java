package org.groundtruth.ui.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.TestInvestigations;
import org.groundtruth.ui.common.Background;
import org.groundtruth.ui.common.InlineBackground;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import-features preview: reading changes nothing; confirming imports exactly what was shown. */
class ImportFeaturesViewModelTest {
    private static final Background INLINE = InlineBackground.INSTANCE;

    @TempDir
    Path tmp;

    @Test
    void previewThenImport() {
        try (Investigation inv = TestInvestigations.open(tmp.resolve("ws"))) {
            ImportFeaturesViewModel vm = new ImportFeaturesViewModel(INLINE, () -> Optional.of(inv), () -> "Аналітик");
            vm.preview(Path.of("../shared/data/fixtures/kml/gdal-libkml__ua-populated-places.kmz"));
            assertThat(vm.rows()).hasSize(49);
            assertThat(vm.rows()).anyMatch(r -> r.title().equals("Kherson"));
            assertThat(vm.canImportProperty().get()).isTrue();
            assertThat(inv.counts().incidents()).isZero();
            boolean[] done = {false};
            vm.importPreviewed(() -> done[0] = true);
            assertThat(done[0]).isTrue();
            assertThat(inv.counts().incidents()).isEqualTo(49);
            assertThat(vm.canImportProperty().get()).isFalse();
        }
    }

    @Test
    void aHostileFileIsRefusedInThePreview() {
        try (Investigation inv = TestInvestigations.open(tmp.resolve("ws"))) {
            ImportFeaturesViewModel vm = new ImportFeaturesViewModel(INLINE, () -> Optional.of(inv), () -> "A");
            vm.preview(Path.of("src/test/resources/casefile/xxe.kml"));
            assertThat(vm.rows()).isEmpty();
            assertThat(vm.canImportProperty().get()).isFalse();
            assertThat(vm.summaryProperty().get()).contains("DTD");
            vm.importPreviewed(() -> { });
            assertThat(inv.counts().incidents()).isZero();
        }
    }
}
