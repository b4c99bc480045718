package org.groundtruth.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.groundtruth.core.geo.Geodesy;
import org.groundtruth.core.geo.LatLon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code telemetry}, {@code footprint}, {@code metadata} over many files and {@code checks} through the command line. */
class TelemetryCommandsTest {
    private static final Path MEDIA = Path.of("..", "shared", "data", "media");

    @TempDir
    Path tmp;

    @Test
    void telemetryOfAGoProVideoAsJson() {
        CliRun run = CliRun.of("telemetry", MEDIA.resolve("video/gopro-max-heromode.mp4").toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode track = run.json();
        assertThat(track).hasSize(191);
        JsonNode first = track.get(0);
        assertThat(first.get("frame").asInt()).isZero();
        assertThat(first.get("lat").asDouble()).isCloseTo(33.12677, within(1e-7));
        assertThat(first.has("yaw")).isFalse(); // absent values are omitted
    }

    @Test
    void telemetryOfAPhotoIsOneElementWithGimbalAngles() {
        CliRun run = CliRun.of("telemetry", "../shared/data/aerial/brighton-beach/images/DJI_0020.JPG", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode only = run.json().get(0);
        assertThat(run.json()).hasSize(1);
        assertThat(only.get("pitch").asDouble()).isEqualTo(-89.9);
        assertThat(only.get("relativeAltitude").asDouble()).isPositive();
        assertThat(only.get("flightYaw").isNumber()).isTrue();
    }

    @Test
    void telemetrySaysWhichRuleDecidedTheOrder() {
        CliRun run = CliRun.of("telemetry", MEDIA.resolve("dji-srt/mavic_pro.SRT").toString(), "--json");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("lon-lat", "value-range");
        assertThat(run.json().get(0).get("lat").asDouble()).isEqualTo(-20.2533);
        CliRun bad = CliRun.of("telemetry", MEDIA.resolve("dji-srt/mavic_pro.SRT").toString(), "--order", "north-first");
        assertThat(bad.exitCode()).isEqualTo(Cli.BAD_INPUT);
        assertThat(bad.err()).contains("--order");
        CliRun missing = CliRun.of("telemetry", tmp.resolve("nope.mp4").toString());
        assertThat(missing.exitCode()).isEqualTo(Cli.BAD_INPUT);
        assertThat(missing.err().strip().lines()).singleElement().asString().contains("nope.mp4");
    }

    @Test
    void footprintOfANadirCamera() {
        CliRun run = CliRun.of("footprint", "--at", "46.6354, 32.6169", "--altitude", "40", "--yaw", "0", "--pitch", "-90",
                "--hfov", "84", "--aspect", "4:3", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode corners = run.json().get("corners");
        assertThat(corners).hasSize(4);
        LatLon topLeft = new LatLon(corners.get(0).get(0).asDouble(), corners.get(0).get(1).asDouble());
        LatLon topRight = new LatLon(corners.get(1).get(0).asDouble(), corners.get(1).get(1).asDouble());
        assertThat(Geodesy.measure(topLeft, topRight).distanceMeters()).isCloseTo(72.0, within(0.1));
        assertThat(run.json().get("centre").get(0).asDouble()).isCloseTo(46.6354, within(1e-7));
    }

    @Test
    void footprintAboveTheHorizonIsReportedNotDrawn() {
        CliRun run = CliRun.of("footprint", "--at", "46.6354, 32.6169", "--altitude", "40", "--yaw", "0", "--pitch", "-5",
                "--hfov", "84", "--aspect", "16:9", "--json");
        assertThat(run.exitCode()).isEqualTo(Cli.CHECK_FAILED);
        assertThat(run.json().get("aboveHorizon").asBoolean()).isTrue();
        CliRun badAspect = CliRun.of("footprint", "--at", "46.6354, 32.6169", "--altitude", "40", "--yaw", "0",
                "--pitch", "-90", "--hfov", "84", "--aspect", "wide");
        assertThat(badAspect.exitCode()).isEqualTo(Cli.BAD_INPUT);
        assertThat(badAspect.err()).contains("--aspect");
    }

    @Test
    void metadataOfManyFilesAndAFolderInInputOrderWithErrorsAsObjects() throws Exception {
        Path junk = Files.write(tmp.resolve("junk.jpg"), new byte[] {0, 1, 2, 3});
        CliRun run = CliRun.of("metadata", MEDIA.resolve("webp").toString(), junk.toString(),
                MEDIA.resolve("jpg/Apple iPhone 4.jpg").toString(), "--json");
        assertThat(run.exitCode()).isEqualTo(Cli.BAD_INPUT);
        JsonNode array = run.json();
        assertThat(array).hasSize(3);
        assertThat(array.get(0).get("file").asText()).endsWith("HTC Desire.webp");
        assertThat(array.get(1).get("error").asText()).isNotBlank();
        assertThat(array.get(2).get("gps").get("lat").asDouble()).isCloseTo(41.853, within(1e-6));
        assertThat(run.err()).contains("junk.jpg");
    }

    @Test
    void checksFlagEnglandAndCaliforniaEvidenceForAKhersonIncident() {
        Path ws = tmp.resolve("ws");
        assertThat(CliRun.of("--workspace", ws.toString(), "init").exitCode()).isZero();
        String incident = as(ws, "Олена", "incident", "add", "--title", "Удар по пожежній машині", "--occurred-at",
                "2025-07-06T11:00:00Z", "--time-precision", "hour", "--lat", "46.6354", "--lon", "32.6169", "--json")
                .json().get("id").asText();
        String photo = as(ws, "Олена", "import", MEDIA.resolve("jpg/Apple iPhone 6.jpg").toString(), "--incident", incident,
                "--posted-at", "2014-09-14T10:00:00Z", "--json").json().get(0).get("id").asText();
        String video = as(ws, "Олена", "import", MEDIA.resolve("video/gopro-max-heromode.mp4").toString(), "--incident",
                incident, "--json").json().get(0).get("id").asText();
        CliRun checks = as(ws, "Олена", "checks", incident, "--json");
        assertThat(checks.exitCode()).as(checks.err()).isEqualTo(Cli.CHECK_FAILED);
        List<String> kinds = new ArrayList<>();
        checks.json().forEach(f -> kinds.add(f.get("kind").asText() + " " + f.get("evidence").asText()));
        assertThat(kinds).contains("location-mismatch " + photo, "time-mismatch " + photo,
                "posted-before-capture " + photo, "location-mismatch " + video, "time-mismatch " + video,
                "metadata-conflict " + video);
        JsonNode location = find(checks.json(), "location-mismatch", photo);
        assertThat(location.get("distanceMeters").asDouble()).isGreaterThan(2_000_000);
        assertThat(find(checks.json(), "time-mismatch", video).get("differenceSeconds").asLong()).isNegative();

        CliRun wrongKind = as(ws, "Олена", "checks", "explain", incident, "duplicate-elsewhere", photo, "--rationale", "x");
        assertThat(wrongKind.exitCode()).isEqualTo(Cli.BAD_INPUT);
        CliRun explained = as(ws, "Олена", "checks", "explain", incident, "location-mismatch", photo, "--rationale",
                "Фото — архівне порівняння, не з місця удару", "--json");
        assertThat(explained.exitCode()).as(explained.err()).isZero();
        JsonNode after = find(as(ws, "Олена", "checks", incident, "--json").json(), "location-mismatch", photo);
        assertThat(after.get("blocking").asBoolean()).isFalse();
        assertThat(after.get("explanation").get("rationale").asText()).contains("архівне");
        assertThat(as(ws, "Олена", "audit", "log", "--json").out()).contains("check_explanation");
    }

    private static JsonNode find(JsonNode flags, String kind, String evidence) {
        for (JsonNode f : flags) {
            if (f.get("kind").asText().equals(kind) && f.get("evidence").asText().equals(evidence)) {
                return f;
            }
        }
        throw new AssertionError("no " + kind + " on " + evidence + " in " + flags);
    }

    private static CliRun as(Path ws, String analyst, String... args) {
        List<String> all = new ArrayList<>(List.of("--workspace", ws.toString(), "--analyst", analyst));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }
}
