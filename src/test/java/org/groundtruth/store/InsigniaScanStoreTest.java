package org.groundtruth.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.Sensitivity;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.store.EvidenceService.ImportRequest;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.insignia.EmblemTemplate;
import org.groundtruth.core.insignia.MatchMethod;
import org.groundtruth.core.insignia.ScanCandidate;
import org.groundtruth.core.verify.Confidence;
import org.groundtruth.core.verify.InsigniaObservation;
import org.groundtruth.core.verify.InsigniaType;
import org.groundtruth.core.verify.NormalizedBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InsigniaScanStoreTest {
    private static final String ANALYST = "Оксана";

    @TempDir
    Path dir;

    @Test
    void templateLibraryKeepsPictureNameTypeAndSource() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        try (Investigation inv = TestInvestigations.open(dir)) {
            EmblemTemplate added = inv.insigniaScans().addTemplate("Емблема ДСНС", InsigniaType.DSNS_EMBLEM,
                    "evidence ev_1 frame 120", png, ANALYST);
            assertThat(inv.insigniaScans().templates()).containsExactly(added);
            assertThat(inv.insigniaScans().picture(added.id())).isEqualTo(png);
            assertThat(added.pngSha256()).hasSize(64);
            assertThatThrownBy(() -> inv.insigniaScans().addTemplate("Емблема ДСНС", InsigniaType.OTHER, "file x.png",
                    png, ANALYST)).isInstanceOf(BadInputException.class).hasMessageContaining("already in the library");
            assertThat(inv.custody().history("insignia_template", added.id())).hasSize(1);
            inv.insigniaScans().removeTemplate(added.id(), ANALYST, "duplicate");
            assertThat(inv.insigniaScans().templates()).isEmpty();
            assertThat(inv.custody().verify().firstBadSequence()).isEmpty();
        }
    }

    @Test
    void acceptingCreatesTheObservationAndRejectingIsRemembered() throws Exception {
        try (Investigation inv = TestInvestigations.open(dir)) {
            Incident incident = inv.incidents().create(Incident.titled("Удар по пожежній машині"), ANALYST, "");
            EvidenceItem video = importBytes(inv, incident);
            ScanCandidate found = new ScanCandidate(Optional.of(120L), Optional.of(110L), Optional.of(135L),
                    new NormalizedBox(0.4, 0.3, 0.05, 0.08), "Red Cross", 0.91, MatchMethod.TEMPLATE, "");
            long entries = inv.custody().size();
            InsigniaObservation o = inv.insigniaScans().accept(incident.id(), video.id(), found, InsigniaType.RED_CROSS,
                    Optional.of(25.0), ANALYST);
            assertThat(inv.custody().size()).isEqualTo(entries + 1);
            assertThat(inv.verification().observations(incident.id())).containsExactly(o);
            assertThat(o.frameNumber()).contains(120L);
            assertThat(o.frameTimeSeconds()).contains(4.8);
            assertThat(o.box()).isEqualTo(found.box());
            assertThat(o.type()).isEqualTo(InsigniaType.RED_CROSS);
            assertThat(o.confidence()).isEqualTo(Confidence.HIGH);
            assertThat(o.note()).isEqualTo("found by scan (template Red Cross, score 0.91)");

            ScanCandidate wrong = new ScanCandidate(Optional.of(300L), Optional.of(290L), Optional.of(310L),
                    new NormalizedBox(0.7, 0.6, 0.04, 0.04), "Red Cross", 0.66, MatchMethod.TEMPLATE, "");
            inv.insigniaScans().reject(video.id(), wrong, ANALYST);
            // a rescan finds the same thing a little shifted, over a slightly different run: still rejected
            ScanCandidate again = new ScanCandidate(Optional.of(305L), Optional.of(295L), Optional.of(315L),
                    new NormalizedBox(0.705, 0.6, 0.04, 0.04), "Red Cross", 0.67, MatchMethod.TEMPLATE, "");
            assertThat(inv.insigniaScans().rejected(video.id(), again)).isTrue();
            assertThat(inv.insigniaScans().rejected(video.id(), found)).isFalse();
            ScanCandidate otherTemplate = new ScanCandidate(again.frame(), again.firstFrame(), again.lastFrame(),
                    again.box(), "Star of Life", 0.7, MatchMethod.TEMPLATE, "");
            assertThat(inv.insigniaScans().rejected(video.id(), otherTemplate)).isFalse();
            assertThat(inv.custody().verify().firstBadSequence()).isEmpty();
        }
        try (Investigation inv = TestInvestigations.open(dir)) {
            assertThat(inv.insigniaScans().rejections(inv.evidence().all().get(0).id())).hasSize(1);
        }
    }

    @Test
    void acceptingForAnUnknownIncidentChangesNothing() throws Exception {
        try (Investigation inv = TestInvestigations.open(dir)) {
            Incident incident = inv.incidents().create(Incident.titled("A"), ANALYST, "");
            EvidenceItem video = importBytes(inv, incident);
            long entries = inv.custody().size();
            ScanCandidate found = ScanCandidate.single(Optional.empty(), new NormalizedBox(0.1, 0.1, 0.1, 0.1), "ДСНС",
                    0.8, MatchMethod.OCR, "ДСНС");
            assertThatThrownBy(() -> inv.insigniaScans().accept(org.groundtruth.core.Ids.next(Incident.ID_PREFIX), video.id(), found,
                    InsigniaType.RESCUE_LETTERING, Optional.empty(), ANALYST)).isInstanceOf(BadInputException.class);
            assertThat(inv.custody().size()).isEqualTo(entries);
            assertThat(inv.verification().observations(incident.id())).isEmpty();
        }
    }

    private static EvidenceItem importBytes(Investigation inv, Incident incident) throws Exception {
        byte[] bytes = "fake video bytes".getBytes(StandardCharsets.UTF_8);
        return inv.evidence().importContent(new ByteArrayInputStream(bytes), bytes.length, "відео.mp4",
                new ImportRequest(Optional.of(incident.id()), Optional.empty(), Sensitivity.PUBLIC), ANALYST,
                ProgressMonitor.NONE).item();
    }
}
