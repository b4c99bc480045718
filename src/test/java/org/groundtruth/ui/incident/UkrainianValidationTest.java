package org.groundtruth.ui.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.Sensitivity;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.store.EvidenceService;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.TestInvestigations;
import org.groundtruth.ui.common.Session;
import org.groundtruth.ui.common.I18n;
import org.groundtruth.ui.common.InlineBackground;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Ukrainian reader sees core's checks in Ukrainian, with the field named in Ukrainian, when a form is saved. */
class UkrainianValidationTest {
    @TempDir
    Path dir;
    private Investigation investigation;
    private final Session session = new Session();

    @BeforeEach
    void open() {
        investigation = TestInvestigations.open(dir.resolve("ws"));
        session.analystProperty().set("Тестувальник");
        session.investigationProperty().set(investigation);
        I18n.use(Locale.forLanguageTag("uk"));
    }

    @AfterEach
    void close() {
        I18n.use(Locale.ENGLISH);
        investigation.close();
    }

    @Test
    void savingAnIncidentWithBadFieldsSaysSoInUkrainianAndSavesNothing() {
        IncidentFormViewModel form = new IncidentFormViewModel(session, InlineBackground.INSTANCE);
        form.load(Optional.empty());
        form.titleProperty().set("Удар по Херсону");
        form.placeNameProperty().set("Х".repeat(301));
        form.save(saved -> { });
        assertThat(form.messageProperty().get()).isEqualTo("Поле «назва місця» задовге (найбільше символів: 300)");
        assertThat(investigation.counts().incidents()).isZero();

        form.placeNameProperty().set("Херсон");
        form.coordinatesProperty().set("91, 30");
        form.save(saved -> { });
        assertThat(form.messageProperty().get()).contains("Поле «широта» має бути від -90.0 до 90.0, а не 91.0")
                .doesNotContain("latitude");
        assertThat(investigation.counts().incidents()).isZero();

        I18n.use(Locale.ENGLISH);
        form.save(saved -> { });
        assertThat(form.messageProperty().get()).contains("latitude must be between -90.0 and 90.0, was 91.0");
    }

    @Test
    void aSourceWithABadPostUrlIsRefusedInUkrainian() throws Exception {
        Incident incident = investigation.incidents().create(Incident.titled("Херсон"), "a", "");
        Path clip = Files.writeString(dir.resolve("clip.mp4"), "drone clip stand-in");
        var item = investigation.evidence().importFile(clip, new EvidenceService.ImportRequest(
                Optional.of(incident.id()), Optional.empty(), Sensitivity.PUBLIC), "a", ProgressMonitor.NONE).item();
        SourceViewModel source = new SourceViewModel(session, InlineBackground.INSTANCE);
        source.itemProperty().set(item);
        source.platformProperty().set("Telegram");
        source.postUrlProperty().set("не посилання");
        source.save("");
        assertThat(source.messageProperty().get())
                .isEqualTo("Поле «URL допису» має починатися з http:// або https://: не посилання");
        assertThat(investigation.evidence().find(item.id()).orElseThrow().sourceId()).isEmpty();
    }
}
