package org.groundtruth.ui.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.audit.AuditEntry;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.evidence.EvidenceKind;
import org.groundtruth.core.evidence.FrameReference;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.media.ContentInspector;
import org.groundtruth.media.Keyframe;
import org.groundtruth.media.VideoDecoder;
import org.groundtruth.store.EvidenceService;
import org.groundtruth.store.Investigation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The player without a toolkit: inline executors make every command synchronous. */
class VideoPlayerViewModelTest {
    static final Path CLIP = Path.of("src/test/resources/media/formats/h264.mp4");
    static final Path SCENES = Path.of("src/test/resources/media/formats/scenes.mp4");

    @TempDir
    Path tmp;

    private Investigation investigation;
    private final InlineBackground background = new InlineBackground();

    private EvidenceAccess access() {
        return new EvidenceAccess() {
            @Override
            public Optional<Investigation> investigation() {
                return Optional.ofNullable(investigation);
            }

            @Override
            public String analyst() {
                return "test analyst";
            }
        };
    }

    private VideoPlayerViewModel player() {
        return new VideoPlayerViewModel(Runnable::run, Runnable::run, background, access(), deadline -> { });
    }

    @AfterEach
    void close() {
        if (investigation != null) {
            investigation.close();
        }
    }

    @Test
    void opensOnFrameZeroAndStepsBothWays() {
        VideoPlayerViewModel vm = player();
        vm.open(CLIP, Optional.empty());
        assertThat(vm.infoProperty().get().frameCount()).isEqualTo(30);
        assertThat(vm.frameNumberProperty().get()).isZero();
        assertThat(vm.frameLabelProperty().get()).isEqualTo("Frame 0 / 29");
        vm.stepForward();
        vm.stepForward();
        vm.stepForward();
        assertThat(vm.frameNumberProperty().get()).isEqualTo(3);
        assertThat(vm.timecodeProperty().get()).isEqualTo("00:00:00.120");
        vm.stepBack();
        assertThat(vm.frameNumberProperty().get()).isEqualTo(2);
        vm.stepBack();
        vm.stepBack();
        vm.stepBack(); // at frame 0 already: stays
        assertThat(vm.frameNumberProperty().get()).isZero();
    }

    @Test
    void jumpsToFrameNumbersAndTimecodes() {
        VideoPlayerViewModel vm = player();
        vm.open(CLIP, Optional.empty());
        assertThat(vm.jumpTo("17")).isTrue();
        assertThat(vm.frameNumberProperty().get()).isEqualTo(17);
        assertThat(vm.jumpTo("00:00:00.5")).isTrue();
        assertThat(vm.frameNumberProperty().get()).isEqualTo(12);
        assertThat(vm.jumpTo("#3")).isTrue();
        assertThat(vm.frameNumberProperty().get()).isEqualTo(3);
        assertThat(vm.jumpTo("soon")).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("Not a frame number or timecode: soon");
        assertThat(vm.frameNumberProperty().get()).isEqualTo(3);
        vm.seek(500); // beyond the end: the last frame
        assertThat(vm.frameNumberProperty().get()).isEqualTo(29);
    }

    @Test
    void shownFramesAreTheDecodersExactFrames() {
        VideoPlayerViewModel vm = player();
        vm.open(CLIP, Optional.empty());
        vm.jumpTo("21");
        try (VideoDecoder reference = VideoDecoder.open(CLIP)) {
            assertThat(vm.frameProperty().get().bgra()).isEqualTo(reference.frame(21).bgra());
        }
    }

    @Test
    void playsToTheEndAndBackWithTheShuttle() {
        VideoPlayerViewModel vm = player();
        vm.open(CLIP, Optional.empty());
        vm.jumpTo("20");
        vm.play(); // inline: returns when the video ends
        assertThat(vm.frameNumberProperty().get()).isEqualTo(29);
        assertThat(vm.playingProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("End of video.");
        vm.jumpTo("5");
        vm.shuttleBackward(); // J: plays backwards to the first frame
        assertThat(vm.frameNumberProperty().get()).isZero();
        assertThat(vm.playingProperty().get()).isFalse();
    }

    @Test
    void speedStaysBetweenQuarterAndDouble() {
        VideoPlayerViewModel vm = player();
        vm.speedProperty().set(5);
        assertThat(vm.speedProperty().get()).isEqualTo(2.0);
        vm.speedProperty().set(0.1);
        assertThat(vm.speedProperty().get()).isEqualTo(0.25);
        assertThat(VideoPlayerViewModel.nextSpeedUp(1.0)).isEqualTo(1.5);
        assertThat(VideoPlayerViewModel.nextSpeedUp(2.0)).isEqualTo(2.0);
    }

    @Test
    void keyframeStripFillsFromTheScan() {
        VideoPlayerViewModel vm = player();
        vm.open(SCENES, Optional.empty());
        assertThat(vm.keyframes()).extracting(Keyframe::frameNumber).containsExactly(0L, 30L, 60L);
        assertThat(vm.keyframeStatusProperty().get()).isEqualTo("3 keyframes (scene changes, and one at least every 2 s) in 90 frames. Click one to jump.");
        assertThat(vm.scanningProperty().get()).isFalse();
        vm.seek(vm.keyframes().get(2).frameNumber());
        assertThat(vm.timecodeProperty().get()).isEqualTo("00:00:02.400");
    }

    @Test
    void savesTheShownFrameAsDerivedEvidenceWithACustodyEntry() throws Exception {
        investigation = Investigation.open(tmp.resolve("ws"), new ContentInspector());
        EvidenceItem video = investigation.evidence().importFile(CLIP, EvidenceService.ImportRequest.PLAIN, "test analyst",
                ProgressMonitor.NONE).item();
        VideoPlayerViewModel vm = player();
        vm.open(investigation.evidence().originalPath(video), Optional.of(video.id()));
        assertThat(vm.canSaveFrameProperty().get()).isTrue();
        vm.jumpTo("10");
        vm.saveCurrentFrame();

        List<EvidenceItem> frames = investigation.evidence().all().stream()
                .filter(e -> e.kind() == EvidenceKind.FRAME).toList();
        assertThat(frames).singleElement().satisfies(f -> {
            assertThat(f.derivedFrom()).contains(new FrameReference(video.id(), 10));
            assertThat(f.mediaType()).isEqualTo("image/png");
            assertThat(f.perceptualHash()).isPresent();
            assertThat(f.metadataJson()).contains("\"frame\":{\"evidenceId\":\"" + video.id() + "\",\"frameNumber\":10,\"timeSeconds\":0.4}");
            assertThat(vm.messageProperty().get()).isEqualTo("Frame 10 saved as evidence " + f.id() + ".");
        });
        List<AuditEntry> log = investigation.custody().all();
        assertThat(log.get(log.size() - 1).reason()).isEqualTo("frame 10 at 0.400 s extracted from " + video.id());

        vm.saveCurrentFrame(); // the same frame again: nothing new is stored
        assertThat(investigation.evidence().all()).hasSize(2);
        assertThat(vm.messageProperty().get()).startsWith("Frame 10 is already in the investigation as ");
    }

    @Test
    void brokenVideoLeavesAMessageNamingIt() {
        VideoPlayerViewModel vm = player();
        vm.open(Path.of("src/test/resources/media/truncated-in-header.mp4"), Optional.empty());
        assertThat(vm.infoProperty().get()).isNull();
        assertThat(vm.messageProperty().get()).startsWith("truncated-in-header.mp4 cannot be shown: not a readable video");
        vm.stepForward(); // nothing to step: no crash
        vm.play();
        assertThat(vm.playingProperty().get()).isFalse();
        vm.open(CLIP, Optional.empty()); // and the player still works
        assertThat(vm.frameNumberProperty().get()).isZero();
    }
}
