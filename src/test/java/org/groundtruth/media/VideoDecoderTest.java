package org.groundtruth.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Frame-exact decoding: a frame reached by seeking is pixel-identical to the same frame reached by playing. */
class VideoDecoderTest {
    static Path format(String name) {
        return MediaBadInputTest.fixture("formats/" + name);
    }

    private static List<String> sequentialDigests(Path file) {
        List<String> digests = new ArrayList<>();
        try (VideoDecoder decoder = VideoDecoder.open(file)) {
            digests.add(digest(decoder.frame(0)));
            Optional<VideoFrame> next;
            while ((next = decoder.next()).isPresent()) {
                assertThat(next.get().frameNumber()).isEqualTo(digests.size());
                digests.add(digest(next.get()));
            }
        }
        return digests;
    }

    @Test
    void randomSeeksGiveTheSameFramesAsPlaying() {
        Path file = SharedMedia.file("video/gopro-max-heromode.mp4");
        List<String> played = sequentialDigests(file);
        assertThat(played).hasSize(315);
        long[] order = {200, 3, 314, 150, 149, 151, 0, 299, 30, 31, 29, 100};
        try (VideoDecoder decoder = VideoDecoder.open(file)) {
            assertThat(decoder.info().frameCount()).isBetween(314L, 316L);
            for (long n : order) {
                VideoFrame frame = decoder.frame(n);
                assertThat(frame.frameNumber()).isEqualTo(n);
                assertThat(digest(frame)).as("frame %d", n).isEqualTo(played.get((int) n));
            }
        }
    }

    @Test
    void steppingBackwardGivesThePreviousFrame() {
        Path file = format("h264.mp4");
        List<String> played = sequentialDigests(file);
        try (VideoDecoder decoder = VideoDecoder.open(file)) {
            for (long n = 25; n >= 0; n--) {
                assertThat(digest(decoder.frame(n))).as("frame %d", n).isEqualTo(played.get((int) n));
            }
        }
    }

    @Test
    void playingOnAfterJumpingContinuesFromTheShownFrame() {
        Path file = format("h264.mp4");
        List<String> played = sequentialDigests(file);
        try (VideoDecoder decoder = VideoDecoder.open(file)) {
            decoder.frame(20);
            decoder.frame(5);
            assertThat(decoder.position()).isEqualTo(5);
            assertThat(digest(decoder.next().orElseThrow())).isEqualTo(played.get(6));
            decoder.frame(20); // from the cache: the decoder itself sits elsewhere
            assertThat(digest(decoder.next().orElseThrow())).isEqualTo(played.get(21));
            decoder.frame(29);
            assertThat(decoder.next()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h264.mp4", "hevc.mov", "vp9.webm", "h264.mkv"})
    void decodesCommonContainersAndCodecs(String name) {
        Path file = format(name);
        List<String> played = sequentialDigests(file);
        assertThat(played).hasSize(30);
        try (VideoDecoder decoder = VideoDecoder.open(file)) {
            assertThat(decoder.info().width()).isEqualTo(96);
            assertThat(decoder.info().height()).isEqualTo(64);
            assertThat(decoder.info().frameRate()).isEqualTo(25.0);
            assertThat(digest(decoder.frame(17))).isEqualTo(played.get(17));
            assertThat(digest(decoder.frameAtTime(0.5))).isEqualTo(played.get(12));
        }
    }

    @Test
    void framesHaveTheirTimes() {
        try (VideoDecoder decoder = VideoDecoder.open(format("h264.mp4"))) {
            VideoFrame frame = decoder.frame(10);
            assertThat(frame.timeSeconds()).isEqualTo(0.4);
            assertThat(frame.toBufferedImage().getWidth()).isEqualTo(96);
        }
    }

    static String digest(VideoFrame frame) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(frame.bgra()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
