package org.groundtruth.ui.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.incident.TargetType;
import org.groundtruth.core.verify.VerificationStatus;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.TestInvestigations;
import org.groundtruth.ui.common.Session;
import org.groundtruth.ui.common.Background;
import org.groundtruth.ui.common.InlineBackground;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The incident ViewModels without a toolkit: background work runs inline. */
class IncidentViewModelTest {
    private static final Background INLINE = InlineBackground.INSTANCE;

    @TempDir
    Path dir;
    private Investigation investigation;
    private final Session session = new Session();

    @BeforeEach
    void open() {
        investigation = TestInvestigations.open(dir.resolve("ws"));
        session.analystProperty().set("Тестувальник");
        session.investigationProperty().set(investigation);
    }

    @AfterEach
    void close() {
        investigation.close();
    }

    @Test
    void theFormCreatesThenUpdatesAnIncidentWithItsReason() {
        IncidentFormViewModel form = new IncidentFormViewModel(session, INLINE);
        form.load(Optional.empty());
        form.titleProperty().set("Удар по пожежній машині");
        form.occurredAtProperty().set("2025-07-03 10:15");
        form.coordinatesProperty().set("46.6425, 32.648");
        form.targetTypeProperty().set(TargetType.FIRE_ENGINE);
        form.killedRespondersProperty().set("1");
        form.tagsProperty().set("дснс, fpv");
        AtomicReference<Incident> saved = new AtomicReference<>();
        form.save(saved::set);
        Incident created = investigation.incidents().get(saved.get().id());
        assertThat(created.title()).isEqualTo("Удар по пожежній машині");
        assertThat(created.casualties().killedResponders()).isEqualTo(1);
        assertThat(created.tags()).containsExactly("дснс", "fpv");
        assertThat(created.location()).isPresent();

        form.placeNameProperty().set("Херсон");
        form.reasonProperty().set("місце уточнено");
        form.save(saved::set);
        assertThat(investigation.incidents().get(created.id()).placeName()).isEqualTo("Херсон");
        assertThat(investigation.custody().history("incident", created.id()))
                .extracting(e -> e.reason()).containsExactly("", "місце уточнено");
    }

    @Test
    void badFieldsGiveAMessageAndSaveNothing() {
        IncidentFormViewModel form = new IncidentFormViewModel(session, INLINE);
        form.load(Optional.empty());
        form.titleProperty().set("x");
        for (String[] bad : List.of(new String[] {"occurred", "yesterday"}, new String[] {"coords", "91, 30"},
                new String[] {"coords", "north"}, new String[] {"killed", "-2"})) {
            form.load(Optional.empty());
            form.titleProperty().set("x");
            switch (bad[0]) {
                case "occurred" -> form.occurredAtProperty().set(bad[1]);
                case "coords" -> form.coordinatesProperty().set(bad[1]);
                default -> form.killedRespondersProperty().set(bad[1]);
            }
            form.save(i -> { });
            assertThat(form.messageProperty().get()).as(bad[1]).isNotBlank();
        }
        form.load(Optional.empty());
        form.save(i -> { });
        assertThat(form.messageProperty().get()).contains("title");
        assertThat(investigation.counts().incidents()).isZero();
        assertThat(investigation.custody().size()).isZero();
    }

    @Test
    void aSourceReportIsAddedEditedAndLogged() throws Exception {
        Incident incident = investigation.incidents().create(Incident.titled("Херсон"), "a", "");
        Path clip = Files.writeString(dir.resolve("clip.mp4"), "drone clip stand-in");
        var item = investigation.evidence().importFile(clip, new org.groundtruth.store.EvidenceService.ImportRequest(
                Optional.of(incident.id()), Optional.empty(), org.groundtruth.core.Sensitivity.PUBLIC), "a",
                ProgressMonitor.NONE).item();
        SourceViewModel source = new SourceViewModel(session, INLINE);
        source.itemProperty().set(item);
        source.platformProperty().set("Telegram");
        source.postUrlProperty().set("not a url");
        source.save("");
        assertThat(source.messageProperty().get()).contains("post URL");
        assertThat(investigation.evidence().find(item.id()).orElseThrow().sourceId()).isEmpty();

        source.postUrlProperty().set("https://t.me/unit/77");
        source.captionProperty().set("Рятувальники під ударом");
        source.postedAtProperty().set("2025-07-03 12:00");
        source.save("знайдено допис");
        String sourceId = investigation.evidence().find(item.id()).orElseThrow().sourceId().orElseThrow();
        assertThat(investigation.evidence().source(sourceId).orElseThrow().caption()).isEqualTo("Рятувальники під ударом");
        assertThat(investigation.incidents().list(org.groundtruth.core.incident.IncidentQuery.text("рятувальники")))
                .extracting(Incident::id).containsExactly(incident.id());

        source.translationProperty().set("Rescuers under fire");
        source.save("переклад");
        assertThat(investigation.evidence().source(sourceId).orElseThrow().translation()).isEqualTo("Rescuers under fire");
        assertThat(investigation.custody().history("source", sourceId)).extracting(e -> e.action().code())
                .containsExactly("create", "update");
    }

    @Test
    void theListSearchesAndFiltersAndTheEvidenceListImports() throws Exception {
        investigation.incidents().create(Incident.titled("Херсон: швидка").toBuilder()
                .status(VerificationStatus.GEOLOCATED).build(), "a", "");
        investigation.incidents().create(Incident.titled("Kharkiv fire engine"), "a", "");
        IncidentListViewModel list = new IncidentListViewModel(session, INLINE);
        list.refresh();
        assertThat(list.incidents()).hasSize(2);
        list.searchTextProperty().set("херс");
        assertThat(list.incidents()).extracting(Incident::title).containsExactly("Херсон: швидка");
        list.searchTextProperty().set("");
        list.statusProperty().set(new IncidentListViewModel.StatusChoice(Optional.of(VerificationStatus.UNVERIFIED)));
        assertThat(list.incidents()).extracting(Incident::title).containsExactly("Kharkiv fire engine");

        EvidenceListViewModel evidence = new EvidenceListViewModel(session, INLINE);
        list.selectedProperty().set(list.incidents().get(0));
        evidence.incidentProperty().set(list.selectedProperty().get());
        Path good = Files.writeString(dir.resolve("note.txt"), "a witness statement");
        Path empty = Files.createFile(dir.resolve("empty.jpg"));
        evidence.importFiles(List.of(good, empty));
        assertThat(evidence.items()).extracting(e -> e.originalName()).containsExactly("note.txt");
        assertThat(evidence.messageProperty().get()).contains("empty.jpg");
    }
}
