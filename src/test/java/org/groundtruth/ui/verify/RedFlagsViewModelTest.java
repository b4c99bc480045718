package org.groundtruth.ui.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.Sensitivity;
import org.groundtruth.core.checks.CheckedFlag;
import org.groundtruth.core.checks.RedFlagKind;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.media.ContentInspector;
import org.groundtruth.store.EvidenceService;
import org.groundtruth.store.Investigation;
import org.groundtruth.ui.common.Session;
import org.groundtruth.ui.common.InlineBackground;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The red-flag panel's ViewModel without a toolkit: flags follow the incident; explaining keeps them listed. */
class RedFlagsViewModelTest {
    @TempDir
    Path tmp;

    @Test
    void anEnglandPhotoInAKhersonIncidentIsFlaggedAndCanBeExplained() {
        try (Investigation inv = Investigation.open(tmp.resolve("ws"), new ContentInspector())) {
            Incident incident = inv.incidents().create(Incident.titled("Удар по швидкій, Херсон").toBuilder()
                    .occurredAt(Optional.of(Instant.parse("2025-07-06T11:00:00Z")))
                    .location(Optional.of(new LatLon(46.6354, 32.6169))).build(), "Олена", "");
            String photo = inv.evidence().importFile(Path.of("../shared/data/media/jpg/Apple iPhone 6.jpg"),
                    new EvidenceService.ImportRequest(Optional.of(incident.id()), Optional.empty(), Sensitivity.PUBLIC),
                    "Олена", ProgressMonitor.NONE).item().id();
            Session session = new Session();
            session.investigationProperty().set(inv);
            session.analystProperty().set("Олена");
            SimpleObjectProperty<Incident> selected = new SimpleObjectProperty<>();
            RedFlagsViewModel vm = new RedFlagsViewModel(session, InlineBackground.INSTANCE, selected);

            selected.set(incident);
            assertThat(vm.flags()).extracting(f -> f.flag().kind())
                    .contains(RedFlagKind.LOCATION_MISMATCH, RedFlagKind.TIME_MISMATCH);
            CheckedFlag location = vm.flags().stream()
                    .filter(f -> f.flag().kind() == RedFlagKind.LOCATION_MISMATCH).findFirst().orElseThrow();
            assertThat(location.flag().evidenceId()).isEqualTo(photo);

            vm.explainSelected("x");
            assertThat(vm.messageProperty().get()).isNotBlank(); // nothing selected: says so, changes nothing
            vm.selectedProperty().set(location);
            vm.explainSelected("Архівне фото для порівняння");
            CheckedFlag after = vm.flags().stream()
                    .filter(f -> f.flag().kind() == RedFlagKind.LOCATION_MISMATCH).findFirst().orElseThrow();
            assertThat(after.explanation().orElseThrow().analyst()).isEqualTo("Олена");
            assertThat(after.blocksVerification()).isFalse();
            assertThat(vm.flags().stream().anyMatch(CheckedFlag::blocksVerification)).isTrue(); // time still open
        }
    }
}
