package org.groundtruth.ui.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.media.ContentInspector;
import org.groundtruth.media.SharedMedia;
import org.groundtruth.store.EvidenceService.ImportRequest;
import org.groundtruth.store.Investigation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The panel's ViewModel over a real investigation, with inline executors (no toolkit, no threads). */
class EvidenceViewModelTest {
    @TempDir
    Path tmp;

    private Investigation investigation;
    private EvidenceViewModel vm;

    @BeforeEach
    void open() {
        investigation = Investigation.open(tmp.resolve("ws"), new ContentInspector());
        InlineBackground background = new InlineBackground();
        EvidenceAccess access = EvidenceAccess.of(() -> Optional.of(investigation), () -> "analyst");
        vm = new EvidenceViewModel(access, background,
                new VideoPlayerViewModel(Runnable::run, Runnable::run, background, access, deadline -> { }));
    }

    @AfterEach
    void close() {
        vm.close();
        investigation.close();
    }

    private EvidenceItem imported(Path file) {
        return investigation.evidence().importFile(file, ImportRequest.PLAIN, "analyst", ProgressMonitor.NONE).item();
    }

    @Test
    void eachKindGetsItsViewer() {
        EvidenceItem video = imported(SharedMedia.file("video/Issue 515 (java).mp4"));
        vm.show(video);
        assertThat(vm.modeProperty().get()).isEqualTo(EvidenceViewModel.Mode.VIDEO);
        assertThat(vm.video().frameNumberProperty().get()).isZero();
        assertThat(vm.titleProperty().get()).startsWith("Issue 515 (java).mp4  ·  video  ·  video/mp4");

        EvidenceItem photo = imported(SharedMedia.file("tif/Issue 151.tif"));
        vm.show(photo);
        assertThat(vm.modeProperty().get()).isEqualTo(EvidenceViewModel.Mode.PHOTO);
        assertThat(vm.photo().image()).hasValueSatisfying(i -> assertThat(i.getWidth()).isEqualTo(1280));
        assertThat(vm.video().infoProperty().get()).as("the video decoder is released").isNull();

        EvidenceItem telemetry = imported(SharedMedia.file("dji-srt/mavic_pro.SRT"));
        vm.show(telemetry);
        assertThat(vm.modeProperty().get()).isEqualTo(EvidenceViewModel.Mode.TELEMETRY);
        assertThat(vm.metadata().telemetry()).hasValueSatisfying(t -> assertThat(t.fixes()).hasSize(468));
        assertThat(vm.metadata().gpsProperty().get().latitudeDegrees()).isEqualTo(-20.2533);

        EvidenceItem garbage = imported(Path.of("src/test/resources/media/broken.srt"));
        vm.show(garbage);
        assertThat(vm.modeProperty().get()).isEqualTo(EvidenceViewModel.Mode.METADATA_ONLY);
        assertThat(vm.messageProperty().get()).isEqualTo("No preview for broken.srt (application/octet-stream); its metadata is below.");

        vm.clear();
        assertThat(vm.modeProperty().get()).isEqualTo(EvidenceViewModel.Mode.EMPTY);
    }

    @Test
    void duplicatesAcrossTheInvestigation() {
        imported(SharedMedia.file("jpg/HTC Desire.jpg"));
        imported(SharedMedia.file("webp/HTC Desire.webp"));
        imported(SharedMedia.file("jpg/Canon EOS 1000D.jpg"));
        vm.duplicates().refresh();
        assertThat(vm.duplicates().rows()).singleElement().satisfies(r -> {
            assertThat(r.first().originalName() + r.second().originalName()).contains("HTC Desire.jpg", "HTC Desire.webp");
            assertThat(r.distance()).isLessThanOrEqualTo(6);
        });
        assertThat(vm.duplicates().messageProperty().get()).isEqualTo("1 pair(s) within 10 bits among 3 hashed items.");
    }

    @Test
    void missingOriginalShowsMetadataAndSaysSo() {
        EvidenceItem photo = imported(SharedMedia.file("jpg/HTC Desire.jpg"));
        vm.show(photo, tmp.resolve("gone.jpg"));
        assertThat(vm.modeProperty().get()).isEqualTo(EvidenceViewModel.Mode.METADATA_ONLY);
        assertThat(vm.messageProperty().get()).isEqualTo("The original of HTC Desire.jpg is missing from the vault.");
        assertThat(vm.metadata().summary()).isNotEmpty();
    }
}
