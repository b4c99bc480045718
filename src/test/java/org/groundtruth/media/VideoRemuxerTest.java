package org.groundtruth.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.evidence.MediaMetadata;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Public copies of real videos: location, dates and device tags gone, the same frames. */
class VideoRemuxerTest {
    @TempDir
    Path tmp;

    private final VideoRemuxer remuxer = new VideoRemuxer();
    private final MetadataReader reader = new MetadataReader();

    @ParameterizedTest
    @ValueSource(strings = {"video/with-gps.mp4", "video/gopro-max-heromode.mp4", "video/Issue 515 (java).mp4"})
    void dropsLocationAndTagsButKeepsTheFrames(String name) throws IOException {
        Path original = SharedMedia.file(name);
        assertThat(reader.read(original).summary().gps()).as("the sample has a location").isPresent();
        Path stripped = tmp.resolve("public.mp4");

        remuxer.strip(original, "video/mp4", stripped, ProgressMonitor.NONE);

        MediaMetadata after = reader.read(stripped);
        assertThat(after.summary().gps()).isEmpty();
        assertThat(after.summary().createdAt()).isEmpty();
        assertThat(after.summary().make()).isEmpty();
        assertThat(after.tags()).noneMatch(t -> t.name().toLowerCase().matches(".*(location|creation_time|firmware"
                + "|android|encoder|timecode).*"));
        // Handler names are the muxer's generic ones, not the recording device's ("GoPro AVC", "Core Media").
        assertThat(after.tags()).noneMatch(t -> t.value().matches("(?i).*(gopro|core media|android|lavf).*"));
        try (VideoDecoder before = VideoDecoder.open(original); VideoDecoder copy = VideoDecoder.open(stripped)) {
            assertThat(copy.info().width()).isEqualTo(before.info().width());
            assertThat(copy.frame(0)).isEqualTo(before.frame(0));
            long last = Math.min(before.info().frameCount(), 5) - 1;
            assertThat(copy.frame(last)).isEqualTo(before.frame(last));
        }
    }

    @Test
    void dataStreamsWithTelemetryAreLeftOut() throws IOException {
        Path stripped = tmp.resolve("gopro.mp4");
        remuxer.strip(SharedMedia.file("video/gopro-max-heromode.mp4"), "video/mp4", stripped, ProgressMonitor.NONE);
        assertThat(reader.read(stripped).telemetry()).isEmpty();
        assertThat(Files.size(stripped)).isPositive();
    }

    @Test
    void aCorruptVideoIsAOneLineError() throws IOException {
        Path corrupt = tmp.resolve("corrupt.mp4");
        Files.write(corrupt, new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'm', 'p', '4', '2', 1, 2, 3});
        assertThatThrownBy(() -> remuxer.strip(corrupt, "video/mp4", tmp.resolve("out.mp4"), ProgressMonitor.NONE))
                .isInstanceOf(IOException.class).hasMessageContaining(corrupt.toString())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void cancellingStops() {
        ProgressMonitor cancelled = new ProgressMonitor() {
            @Override
            public void progress(long done, long total) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThatThrownBy(() -> remuxer.strip(SharedMedia.file("video/gopro-max-heromode.mp4"), "video/mp4",
                tmp.resolve("c.mp4"), cancelled)).isInstanceOf(CancellationException.class);
    }

    @Test
    void onlyContainersItCanWriteBack() {
        assertThat(remuxer.canStrip("video/mp4")).isTrue();
        assertThat(remuxer.canStrip("video/quicktime")).isTrue();
        assertThat(remuxer.canStrip("image/jpeg")).isFalse();
        assertThat(remuxer.canStrip("application/x-subrip")).isFalse();
    }
}
