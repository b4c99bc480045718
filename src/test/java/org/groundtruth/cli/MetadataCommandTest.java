package org.groundtruth.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.groundtruth.media.SharedMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code groundtruth metadata} through the command line, against every file in MANIFEST.tsv. */
class MetadataCommandTest {
    static List<SharedMedia.Expected> manifest() {
        return SharedMedia.manifest();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifest")
    void jsonMatchesTheManifest(SharedMedia.Expected expected) {
        CliRun run = CliRun.of("metadata", expected.path().toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.fieldNames()).toIterable().containsExactlyInAnyOrder("gps", "createdAt", "createdLocal", "make", "model",
                "width", "height", "durationSeconds", "frameRate", "codec", "fixes");
        boolean fix = expected.latitude().isPresent() && expected.latitude().get() != 0;
        if (fix) {
            assertThat(json.get("gps").get("lat").asDouble()).isCloseTo(expected.latitude().get(), within(1e-4));
            assertThat(json.get("gps").get("lon").asDouble()).isCloseTo(expected.longitude().get(), within(1e-4));
            assertThat(json.get("gps").get("source").asText()).isNotBlank();
        } else {
            assertThat(json.get("gps").isNull()).isTrue();
        }
        assertThat(json.get("width").isNull() ? null : json.get("width").asInt()).isEqualTo(expected.width().orElse(null));
        assertThat(json.get("height").isNull() ? null : json.get("height").asInt()).isEqualTo(expected.height().orElse(null));
        assertThat(json.get("make").isNull() ? null : json.get("make").asText()).isEqualTo(expected.make().orElse(null));
        if (expected.createDate().isPresent()) {
            String date = expected.createDate().get().replaceFirst("^(\\d{4}):(\\d{2}):(\\d{2}) ", "$1-$2-$3T");
            assertThat(json.get("createdAt").asText()).startsWith(date);
        } else {
            assertThat(json.get("createdAt").isNull()).isTrue();
        }
        if (expected.durationSeconds().isPresent()) {
            assertThat(json.get("durationSeconds").asDouble()).isCloseTo(expected.durationSeconds().get(), within(0.01));
            assertThat(json.get("codec").asText()).isEqualTo("h264");
            assertThat(json.get("frameRate").asDouble()).isPositive();
        }
        assertThat(json.get("fixes").isNull()).isTrue();
    }

    @Test
    void srtCountsFixes() {
        CliRun run = CliRun.of("metadata", SharedMedia.file("dji-srt/air2s.srt").toString(), "--json");
        assertThat(run.exitCode()).isZero();
        assertThat(run.json().get("fixes").asInt()).isEqualTo(17);
        assertThat(run.json().get("gps").get("lat").asDouble()).isEqualTo(41.424724);
        assertThat(run.json().get("gps").get("source").asText()).isEqualTo("DJI SRT");
        assertThat(run.json().get("createdAt").asText()).isEqualTo("2022-08-07T13:40:40");
    }

    @Test
    void truncatedSrtPrintsFixesAndWarnsOnStderr() {
        Path file = SharedMedia.file("dji-srt/broken_incomplete.SRT");
        CliRun run = CliRun.of("metadata", file.toString(), "--json");
        assertThat(run.exitCode()).isZero();
        assertThat(run.json().get("fixes").asInt()).isEqualTo(19);
        assertThat(run.err().strip()).startsWith("groundtruth: warning: " + file + ": truncated").doesNotContain("\n");
    }

    @Test
    void humanOutputAndTags() {
        CliRun run = CliRun.of("metadata", SharedMedia.file("jpg/Nokia Lumia 800.jpg").toString(), "--tags");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("GPS          53.359465, -6.258231", "Device       Nokia Nokia Lumia 800",
                "Size         2448 x 3264 px", "[Exif IFD0] Model = Nokia Lumia 800");
    }

    @Test
    void badInputGivesOneLineNamingTheFileAndExitTwo() {
        Path broken = Path.of("src/test/resources/media/broken.srt");
        CliRun run = CliRun.of("metadata", broken.toString(), "--json");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).isEqualTo("groundtruth: " + broken + ": is not a photo, video or SRT telemetry file (content looks like application/octet-stream)");

        CliRun empty = CliRun.of("metadata", "src/test/resources/media/empty.mp4");
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err().strip()).isEqualTo("groundtruth: src/test/resources/media/empty.mp4: is empty (0 bytes)");

        CliRun missing = CliRun.of("metadata", "no/such/file.jpg");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().strip()).isEqualTo("groundtruth: no/such/file.jpg: no such file");
    }
}
