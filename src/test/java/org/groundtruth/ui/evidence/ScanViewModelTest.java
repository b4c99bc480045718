package org.groundtruth.ui.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.Sensitivity;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.insignia.ScanCandidate;
import org.groundtruth.core.verify.InsigniaObservation;
import org.groundtruth.core.verify.InsigniaType;
import org.groundtruth.media.SharedMedia;
import org.groundtruth.media.VideoDecoder;
import org.groundtruth.media.VideoFrame;
import org.groundtruth.media.insignia.EmblemComposer;
import org.groundtruth.media.insignia.StarterEmblems;
import org.groundtruth.media.insignia.SyntheticVideo;
import org.groundtruth.store.EvidenceService.ImportRequest;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.TestInvestigations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanViewModelTest {
    private static final String ANALYST = "Марко";

    @TempDir
    Path tmp;

    @Test
    void scanAcceptRejectAndRescan() throws Exception {
        Path video = videoWithRedCross(tmp.resolve("drone.mp4"));
        try (Investigation inv = TestInvestigations.open(tmp.resolve("inv"))) {
            Incident incident = inv.incidents().create(Incident.titled("Удар по швидкій"), ANALYST, "");
            EvidenceItem item = inv.evidence().importFile(video, new ImportRequest(Optional.of(incident.id()),
                    Optional.empty(), Sensitivity.PUBLIC), ANALYST, ProgressMonitor.NONE).item();
            EvidenceAccess access = EvidenceAccess.of(() -> Optional.of(inv), () -> ANALYST);
            ScanViewModel vm = new ScanViewModel(access, new InlineBackground(), Runnable::run);
            vm.setIncident(() -> Optional.of(incident.id()));
            int[] accepted = {0};
            vm.setOnAccepted(() -> accepted[0]++);
            vm.use(Optional.of(item));

            vm.loadTemplates();
            assertThat(vm.templates()).extracting(c -> c.template().name())
                    .containsExactlyInAnyOrder("Red Cross", "Red Crescent", "Star of Life");
            vm.loadTemplates(); // the starter set joins the library once
            assertThat(inv.insigniaScans().templates()).hasSize(3);
            vm.everyNthProperty().set(3);
            vm.scan();
            assertThat(vm.runningProperty().get()).isFalse();
            assertThat(vm.candidates()).hasSize(1);
            ScanCandidate found = vm.candidates().get(0);
            assertThat(found.template()).isEqualTo("Red Cross");
            assertThat(found.firstFrame().orElseThrow()).isBetween(10L, 12L);
            assertThat(vm.messageProperty().get()).startsWith("Scan finished: 1 candidate");

            vm.accept(found);
            assertThat(accepted[0]).isEqualTo(1);
            assertThat(vm.candidates()).isEmpty();
            InsigniaObservation o = inv.verification().observations(incident.id()).get(0);
            assertThat(o.type()).isEqualTo(InsigniaType.RED_CROSS);
            assertThat(o.frameNumber()).isEqualTo(found.frame());
            assertThat(o.note()).startsWith("found by scan (template Red Cross, score 0.");

            vm.scan();
            assertThat(vm.candidates()).hasSize(1);
            vm.reject(vm.candidates().get(0));
            assertThat(vm.candidates()).isEmpty();
            vm.scan();
            assertThat(vm.candidates()).isEmpty();
            assertThat(vm.messageProperty().get()).startsWith("Scan finished: 0 candidate");
            assertThat(inv.custody().verify().firstBadSequence()).isEmpty();
        }
    }

    @Test
    void withoutATickedTemplateItSaysSo() throws Exception {
        try (Investigation inv = TestInvestigations.open(tmp.resolve("inv"))) {
            Incident incident = inv.incidents().create(Incident.titled("A"), ANALYST, "");
            Path video = videoWithRedCross(tmp.resolve("v.mp4"));
            EvidenceItem item = inv.evidence().importFile(video, new ImportRequest(Optional.of(incident.id()),
                    Optional.empty(), Sensitivity.PUBLIC), ANALYST, ProgressMonitor.NONE).item();
            ScanViewModel vm = new ScanViewModel(EvidenceAccess.of(() -> Optional.of(inv), () -> ANALYST),
                    new InlineBackground(), Runnable::run);
            vm.use(Optional.of(item));
            vm.loadTemplates();
            vm.templates().forEach(c -> c.selected().set(false));
            vm.scan();
            assertThat(vm.messageProperty().get()).isEqualTo(EvidenceText.t("scan.noTemplate"));
            vm.templates().get(0).selected().set(true);
            vm.accept(ScanCandidate.single(Optional.of(1L), new org.groundtruth.core.verify.NormalizedBox(0, 0, 0.1, 0.1),
                    "Red Cross", 0.9, org.groundtruth.core.insignia.MatchMethod.TEMPLATE, ""));
            assertThat(vm.messageProperty().get()).isEqualTo(EvidenceText.t("scan.selectIncident"));
            assertThat(inv.verification().observations(incident.id())).isEmpty();
        }
    }

    /** 40 frames of a real scene at 640x360; a 48 px Red Cross in frames 10..29. */
    static Path videoWithRedCross(Path file) throws Exception {
        VideoFrame background;
        try (VideoDecoder d = VideoDecoder.open(SharedMedia.file("video/with-gps.mp4"))) {
            background = EmblemComposer.resized(d.frame(0), 640, 360);
        }
        var composed = EmblemComposer.compose(background, StarterEmblems.all().get(0).png(),
                new EmblemComposer.Distortion(48, 20, 0.1, 0.6, 2, 95), new Random(4));
        try (SyntheticVideo out = new SyntheticVideo(file, 640, 360, 25, 1_000_000)) {
            for (int n = 0; n < 40; n++) {
                out.add(n >= 10 && n < 30 ? composed.frame() : background);
            }
        }
        return file;
    }
}
