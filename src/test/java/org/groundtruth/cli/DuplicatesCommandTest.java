package org.groundtruth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.groundtruth.media.SharedMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicatesCommandTest {
    @TempDir
    Path tmp;

    @Test
    void findsTheSamePhotoInAnotherFormat() {
        String ws = tmp.resolve("ws").toString();
        CliRun.of("--workspace", ws, "init");
        CliRun imported = CliRun.of("--workspace", ws, "import", SharedMedia.file("jpg/HTC Desire.jpg").toString(),
                SharedMedia.file("webp/HTC Desire.webp").toString(), SharedMedia.file("jpg/Canon EOS 1000D.jpg").toString(),
                SharedMedia.file("dji-srt/air2s.srt").toString(), "--json");
        assertThat(imported.exitCode()).as(imported.err()).isZero();

        CliRun run = CliRun.of("--workspace", ws, "duplicates", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("itemsCompared").asInt()).isEqualTo(3);
        assertThat(json.get("itemsWithoutHash").asInt()).isEqualTo(1);
        assertThat(json.get("pairs")).hasSize(1);
        JsonNode pair = json.get("pairs").get(0);
        assertThat(pair.get("distance").asInt()).isLessThanOrEqualTo(6);
        assertThat(pair.get("first").get("name").asText() + " " + pair.get("second").get("name").asText())
                .contains("HTC Desire.jpg", "HTC Desire.webp");

        CliRun human = CliRun.of("--workspace", ws, "duplicates");
        assertThat(human.out()).contains("1 possible duplicate pair(s) among 3 hashed items (1 items have no hash)");
        assertThat(CliRun.of("--workspace", ws, "duplicates", "--max-distance", "99").exitCode()).isEqualTo(2);
    }
}
