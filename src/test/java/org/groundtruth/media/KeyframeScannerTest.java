package org.groundtruth.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KeyframeScannerTest {
    private final KeyframeScanner scanner = new KeyframeScanner(KeyframeScanner.Settings.DEFAULT);

    /** scenes.mp4: three 1.2 s scenes at 25 fps; ffmpeg's select='gt(scene,0.3)' picks frames 30 and 60. */
    @Test
    void findsTheSceneCutsFfmpegFinds() {
        List<Keyframe> streamed = new ArrayList<>();
        KeyframeScanner.Scan scan = scanner.scan(VideoDecoderTest.format("scenes.mp4"), () -> false, streamed::add);
        assertThat(scan.complete()).isTrue();
        assertThat(scan.framesDecoded()).isEqualTo(90);
        assertThat(scan.keyframes()).extracting(Keyframe::frameNumber).containsExactly(0L, 30L, 60L);
        assertThat(scan.keyframes().get(1).timeSeconds()).isEqualTo(1.2);
        assertThat(streamed).isEqualTo(scan.keyframes());
        assertThat(scan.keyframes().get(1).thumbnail().width()).isEqualTo(192);
        // three different pictures: their hashes are far apart
        assertThat(PerceptualHash.distance(scan.keyframes().get(0).perceptualHash(),
                scan.keyframes().get(1).perceptualHash())).hasValueSatisfying(d -> assertThat(d).isGreaterThan(10));
    }

    @Test
    void continuousFootageIsSampledWhenAsked() {
        KeyframeScanner.Scan scenesOnly = scanner.scan(SharedMedia.file("video/gopro-max-heromode.mp4"), () -> false, k -> { });
        assertThat(scenesOnly.keyframes()).extracting(Keyframe::frameNumber).containsExactly(0L);
        KeyframeScanner sampling = new KeyframeScanner(KeyframeScanner.Settings.DEFAULT.sampledEvery(2.0));
        KeyframeScanner.Scan sampled = sampling.scan(SharedMedia.file("video/gopro-max-heromode.mp4"), () -> false, k -> { });
        // 29.97 fps: a frame every 60 frames at most
        assertThat(sampled.keyframes()).extracting(Keyframe::frameNumber).containsExactly(0L, 60L, 120L, 180L, 240L, 300L);
    }

    @Test
    void hashingScanSkipsNonReferenceFramesButFindsTheSameScenes() {
        KeyframeScanner.Scan full = scanner.scan(VideoDecoderTest.format("scenes.mp4"), () -> false, k -> { });
        KeyframeScanner.Scan fast = new KeyframeScanner(KeyframeScanner.Settings.DEFAULT.forHashing())
                .scan(VideoDecoderTest.format("scenes.mp4"), () -> false, k -> { });
        assertThat(fast.framesDecoded()).isLessThan(full.framesDecoded());
        assertThat(fast.keyframes()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            long frame = full.keyframes().get(i).frameNumber();
            assertThat(fast.keyframes().get(i).frameNumber()).isBetween(frame, frame + 3);
            assertThat(PerceptualHash.distance(fast.keyframes().get(i).perceptualHash(), full.keyframes().get(i).perceptualHash()))
                    .hasValueSatisfying(d -> assertThat(d).isLessThanOrEqualTo(8));
        }
    }

    @Test
    void cancellingStopsTheScan() {
        AtomicInteger polls = new AtomicInteger();
        KeyframeScanner.Scan scan = scanner.scan(VideoDecoderTest.format("scenes.mp4"),
                () -> polls.incrementAndGet() > 10, k -> { });
        assertThat(scan.complete()).isFalse();
        assertThat(scan.framesDecoded()).isEqualTo(10);
    }
}
