package org.groundtruth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.groundtruth.core.geo.Geodesy;
import org.groundtruth.core.geo.LatLon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeolocateCommandTest {
    private static final Path BRIGHTON = Path.of("..", "shared", "data", "aerial", "brighton-beach");
    private static final String REFERENCE = BRIGHTON.resolve("ortho-from-model-0.15m-epsg32615.tif").toString();
    private static final String PHOTO = BRIGHTON.resolve("images/DJI_0026.JPG").toString();
    @TempDir
    Path tmp;

    @Test
    void printsTheCandidatesWithTheIssuesKeysAndLogsTheSearch() {
        String ws = tmp.resolve("ws").toString();
        assertThat(CliRun.of("--workspace", ws, "init").exitCode()).isZero();
        CliRun run = CliRun.of("--workspace", ws, "geolocate", PHOTO, "--reference", REFERENCE,
                "--area", "-91.9946,46.8421,-91.9931,46.8431", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode list = run.json();
        assertThat(list.isArray()).isTrue();
        assertThat(list).isNotEmpty();
        JsonNode best = list.get(0);
        List<String> keys = new ArrayList<>();
        best.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyInAnyOrder("lat", "lon", "score", "inliers", "footprint");
        // the photo's EXIF GPS position (a nadir photo: the ground under its centre)
        LatLon gps = new LatLon(46.842690, -91.993954);
        assertThat(Geodesy.measure(new LatLon(best.get("lat").asDouble(), best.get("lon").asDouble()), gps).distanceMeters())
                .isLessThan(10);
        assertThat(best.get("inliers").asInt()).isGreaterThanOrEqualTo(12);
        assertThat(best.get("footprint")).hasSize(4);
        assertThat(best.get("footprint").get(0)).hasSize(2);

        CliRun log = CliRun.of("--workspace", ws, "audit", "log", "--json");
        assertThat(log.out()).contains("image_match_search").contains("ortho-from-model-0.15m-epsg32615.tif");
    }

    @Test
    void badInputIsOneLineNamingItAndExitTwo() throws Exception {
        Path notImage = Files.writeString(tmp.resolve("notes.jpg"), "not a picture");
        Path ws = tmp.resolve("ws");
        assertBad(CliRun.of("--workspace", ws.toString(), "geolocate", notImage.toString(), "--reference", REFERENCE), "notes.jpg");
        assertBad(CliRun.of("--workspace", ws.toString(), "geolocate", PHOTO, "--reference", notImage.toString()), "notes.jpg");
        assertBad(CliRun.of("--workspace", ws.toString(), "geolocate", PHOTO, "--reference", REFERENCE, "--area", "1,2,3"), "area");
        assertBad(CliRun.of("--workspace", ws.toString(), "geolocate", PHOTO, "--reference", REFERENCE, "--area", "10,10,11,11"),
                "does not overlap");
        assertBad(CliRun.of("--workspace", ws.toString(), "geolocate", tmp.resolve("missing.jpg").toString(), "--reference",
                REFERENCE), "missing.jpg");
        assertThat(Files.exists(ws)).as("nothing created").isFalse();
    }

    private static void assertBad(CliRun run, String named) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(Cli.BAD_INPUT);
        assertThat(run.err().strip()).contains(named).doesNotContain("\n");
        assertThat(run.out()).isEmpty();
    }
}
