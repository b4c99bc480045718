package org.groundtruth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyframesCommandTest {
    @TempDir
    Path tmp;

    @Test
    void writesOnePngPerSceneChange() throws Exception {
        Path out = tmp.resolve("keys");
        CliRun run = CliRun.of("keyframes", "src/test/resources/media/formats/scenes.mp4", "--out", out.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("framesScanned").asLong()).isEqualTo(90);
        assertThat(json.get("keyframes")).hasSize(3);
        assertThat(json.get("keyframes").get(1).get("frameNumber").asLong()).isEqualTo(30);
        assertThat(json.get("keyframes").get(2).get("timecode").asText()).isEqualTo("00:00:02.400");
        Path second = Path.of(json.get("keyframes").get(1).get("file").asText());
        assertThat(second.getFileName().toString()).isEqualTo("frame-000030.png");
        assertThat(ImageIO.read(second.toFile()).getWidth()).isEqualTo(160);
        try (var files = Files.list(out)) {
            assertThat(files.count()).isEqualTo(3);
        }
    }

    @Test
    void badInput() {
        CliRun run = CliRun.of("keyframes", "src/test/resources/media/truncated-in-header.mp4", "--out", tmp.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("groundtruth: src/test/resources/media/truncated-in-header.mp4: not a readable video");
        assertThat(CliRun.of("keyframes", "x.mp4", "--out", tmp.toString(), "--threshold", "7").exitCode()).isEqualTo(2);
    }
}
