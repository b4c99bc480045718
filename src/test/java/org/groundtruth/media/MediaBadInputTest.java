package org.groundtruth.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.groundtruth.core.evidence.EvidenceKind;
import org.groundtruth.core.evidence.MediaAnalysis;
import org.groundtruth.core.evidence.MediaMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged and hostile input: a clear one-line reason, no crash, no out-of-memory. */
class MediaBadInputTest {
    @TempDir
    Path temp;

    static Path fixture(String name) {
        try {
            return Path.of(MediaBadInputTest.class.getResource("/media/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void zeroByteFile() {
        assertThatThrownBy(() -> new MetadataReader().read(fixture("empty.mp4")))
                .isInstanceOf(MediaFormatException.class).hasMessage("is empty (0 bytes)");
        assertThatThrownBy(() -> VideoDecoder.open(fixture("empty.mp4")))
                .isInstanceOf(MediaFormatException.class).hasMessage("is empty (0 bytes)");
    }

    @Test
    void missingFile() {
        assertThatThrownBy(() -> new MetadataReader().read(temp.resolve("nothing.jpg")))
                .isInstanceOf(MediaFormatException.class).hasMessage("no such file");
    }

    @Test
    void wrongExtensionIsReadByContent() throws Exception {
        Path disguised = temp.resolve("holiday.mp4");
        Files.copy(SharedMedia.file("jpg/Apple iPhone 6.jpg"), disguised);
        MediaMetadata metadata = new MetadataReader().read(disguised);
        assertThat(metadata.summary().model()).contains("iPhone 6");
        Path video = temp.resolve("clip.jpg");
        Files.copy(SharedMedia.file("video/with-gps.mp4"), video);
        assertThat(new MetadataReader().read(video).summary().codec()).contains("h264");
    }

    @Test
    void textIsNotMedia() throws Exception {
        Path text = temp.resolve("notes.jpg");
        Files.writeString(text, "just some notes, not a picture\n");
        assertThatThrownBy(() -> new MetadataReader().read(text)).isInstanceOf(MediaFormatException.class)
                .hasMessageStartingWith("is not a photo, video or SRT telemetry file");
    }

    @Test
    void decompressionBombsAreRefusedBeforeDecoding() {
        for (String bomb : new String[] {"bomb-100000x100000.png", "bomb-65000x65000.jpg"}) {
            assertThatThrownBy(() -> new StillImageDecoder().decode(fixture(bomb), 4096))
                    .isInstanceOf(MediaFormatException.class)
                    .hasMessageContaining("possible decompression bomb");
        }
        // metadata reads headers only, so the declared size is still reported
        MediaMetadata metadata = new MetadataReader().read(fixture("bomb-100000x100000.png"));
        assertThat(metadata.summary().width()).contains(100_000);
    }

    @Test
    void importOfABombKeepsTheOriginalWithoutAHash() {
        MediaAnalysis analysis = new ContentInspector().analyze(fixture("bomb-65000x65000.jpg"), "image/jpeg");
        assertThat(analysis.perceptualHash()).isEmpty();
        assertThat(MetadataJson.read(analysis.metadataJson()).metadata().warnings())
                .anySatisfy(w -> assertThat(w).contains("possible decompression bomb"));
    }

    @Test
    void videoCutInItsHeaderCannotBeOpened() {
        assertThatThrownBy(() -> VideoDecoder.open(fixture("truncated-in-header.mp4")))
                .isInstanceOf(MediaFormatException.class).hasMessageStartingWith("not a readable video");
        MediaAnalysis analysis = new ContentInspector().analyze(fixture("truncated-in-header.mp4"), "video/mp4");
        assertThat(analysis.properties().width()).isEmpty();
        assertThat(MetadataJson.read(analysis.metadataJson()).metadata().warnings()).isNotEmpty();
    }

    @Test
    void truncatedVideoGivesTheFramesBeforeTheCut() {
        try (VideoDecoder decoder = VideoDecoder.open(fixture("truncated-in-data.mp4"))) {
            // the header promises 109 frames; asking beyond the data gives the last decodable one, not a crash
            VideoFrame last = decoder.frame(100);
            assertThat(last.frameNumber()).isBetween(1L, 100L);
            assertThat(decoder.frame(0).frameNumber()).isZero();
        }
    }

    @Test
    void corruptVideoDecodesWhatItCan() {
        KeyframeScanner.Scan scan = new KeyframeScanner(KeyframeScanner.Settings.DEFAULT)
                .scan(fixture("corrupt-data.mp4"), () -> false, k -> { });
        assertThat(scan.keyframes()).isNotEmpty();
        MediaAnalysis analysis = new ContentInspector().analyze(fixture("corrupt-data.mp4"), "video/mp4");
        assertThat(analysis.properties().width()).contains(128);
    }

    @Test
    void brokenSrtImportsAsADocumentWithAWarning() {
        MediaAnalysis analysis = new ContentInspector().analyze(fixture("broken.srt"), MediaTypes.SUBRIP);
        assertThat(analysis.kind()).isEmpty();
        assertThat(MetadataJson.read(analysis.metadataJson()).metadata().warnings())
                .containsExactly("not an SRT telemetry file (no subtitle block found)");
        assertThat(analysis.kind()).isNotEqualTo(java.util.Optional.of(EvidenceKind.TELEMETRY));
    }
}
