package org.groundtruth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.groundtruth.media.PngFiles;
import org.groundtruth.media.SharedMedia;
import org.groundtruth.media.VideoDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameCommandTest {
    @TempDir
    Path tmp;

    private static final String VIDEO = SharedMedia.file("video/gopro-max-heromode.mp4").toString();

    @Test
    void writesTheExactFrameAsPng() throws Exception {
        Path out = tmp.resolve("f.png");
        CliRun run = CliRun.of("frame", VIDEO, "--frame", "123", "--out", out.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("frameNumber").asLong()).isEqualTo(123);
        assertThat(json.get("width").asInt()).isEqualTo(848);
        assertThat(json.get("timecode").asText()).isEqualTo("00:00:04.104");
        assertThat(json.get("sha256").asText()).isEqualTo(PngFiles.sha256(Files.readAllBytes(out)));

        BufferedImage written = ImageIO.read(out.toFile());
        BufferedImage expected;
        try (VideoDecoder decoder = VideoDecoder.open(Path.of(VIDEO))) {
            expected = decoder.frame(123).toBufferedImage();
        }
        assertThat(written.getWidth()).isEqualTo(848);
        for (int y = 0; y < written.getHeight(); y += 7) {
            for (int x = 0; x < written.getWidth(); x += 7) {
                assertThat(written.getRGB(x, y)).isEqualTo(expected.getRGB(x, y));
            }
        }
    }

    @Test
    void timeSelectsTheFrameShownThen() {
        Path out = tmp.resolve("t.png");
        CliRun run = CliRun.of("frame", VIDEO, "--time", "00:00:02.5", "--out", out.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.json().get("frameNumber").asLong()).isEqualTo(74); // 2.5 s x 29.97 fps = 74.9
        assertThat(Files.exists(out)).isTrue();
    }

    @Test
    void storesTheFrameAsEvidenceDerivedFromTheVideo() {
        String ws = tmp.resolve("ws").toString();
        CliRun.of("--workspace", ws, "init");
        CliRun imported = CliRun.of("--workspace", ws, "import", VIDEO, "--json");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        String videoId = imported.json().get(0).get("id").asText();

        CliRun run = CliRun.of("--workspace", ws, "frame", videoId, "--frame", "42", "--store", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String frameId = run.json().get("evidenceId").asText();
        assertThat(frameId).startsWith("ev-").isNotEqualTo(videoId);
        assertThat(run.json().get("out").isNull()).isTrue();

        CliRun log = CliRun.of("--workspace", ws, "audit", "log", "--entity", frameId, "--json");
        assertThat(log.json().get(0).get("reason").asText()).isEqualTo("frame 42 at 1.401 s extracted from " + videoId);
        assertThat(CliRun.of("--workspace", ws, "audit", "verify").exitCode()).isZero();

        CliRun notVideo = CliRun.of("--workspace", ws, "frame", frameId, "--frame", "0", "--store");
        assertThat(notVideo.exitCode()).isEqualTo(2);
        assertThat(notVideo.err().strip()).isEqualTo("groundtruth: " + frameId + ": is frame, not a video");
        assertThat(CliRun.of("--workspace", ws, "frame", "ev-nothing", "--frame", "0", "--store").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("frame", VIDEO, "--frame", "0").err()).contains("give --out FILE.png, --store, or both");
    }

    @Test
    void badRequestsExitTwoWithOneLine() {
        Path out = tmp.resolve("x.png");
        CliRun beyond = CliRun.of("frame", VIDEO, "--frame", "5000", "--out", out.toString());
        assertThat(beyond.exitCode()).isEqualTo(2);
        assertThat(beyond.err().strip()).isEqualTo("groundtruth: " + VIDEO + ": frame 5000 is beyond the last frame (314)");
        assertThat(Files.exists(out)).isFalse();

        assertThat(CliRun.of("frame", VIDEO, "--out", out.toString()).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("frame", VIDEO, "--frame", "1", "--time", "1", "--out", out.toString()).exitCode()).isEqualTo(2);

        CliRun notVideo = CliRun.of("frame", "src/test/resources/media/broken.srt", "--frame", "0", "--out", out.toString());
        assertThat(notVideo.exitCode()).isEqualTo(2);
        assertThat(notVideo.err()).startsWith("groundtruth: src/test/resources/media/broken.srt: not a readable video");

        CliRun noFolder = CliRun.of("frame", VIDEO, "--frame", "1", "--out", tmp.resolve("missing/x.png").toString());
        assertThat(noFolder.exitCode()).isEqualTo(2);
        assertThat(noFolder.err()).contains("does not exist");
    }
}
