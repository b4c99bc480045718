package org.groundtruth.map;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.groundtruth.cli.CliRun;
import org.junit.jupiter.api.Test;

/** {@code groundtruth coords} and {@code groundtruth places} through the real command line, JSON parsed back. */
class MapCommandsTest {

    @Test
    void coordsPrintsEveryFormAsJson() {
        CliRun run = CliRun.of("coords", "36T VS 70677 64720", "--json");
        assertThat(run.exitCode()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("lat").asDouble()).isBetween(46.6353, 46.6355);
        assertThat(json.get("lon").asDouble()).isBetween(32.6168, 32.6170);
        assertThat(json.get("dms").asText()).isEqualTo("46°38'07.5\"N 32°37'00.9\"E");
        assertThat(json.get("mgrs").asText()).isEqualTo("36TVS7067764720");
        assertThat(json.get("utm").asText()).isEqualTo("36T 470677 5164720");
    }

    @Test
    void coordsReadsALinkAndPrintsReadableLines() {
        CliRun run = CliRun.of("coords", "https://www.openstreetmap.org/#map=15/46.6354/32.6169");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("decimal  46.635400, 32.616900", "DMS      46°38'07.4\"N 32°37'00.8\"E",
                "MGRS     36TVS7067764720");
    }

    @Test
    void badCoordinatesExitWithTwoAndOneLine() {
        CliRun run = CliRun.of("coords", "95, 10", "--json");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).startsWith("groundtruth: Latitude 95.0 is out of range").doesNotContain("\n");
    }

    @Test
    void placesSearchPrintsTheDocumentedJson() {
        CliRun run = CliRun.of("places", "search", "Gorlovka", "--limit", "3", "--json");
        assertThat(run.exitCode()).isZero();
        JsonNode first = run.json().get(0);
        assertThat(first.get("name").asText()).isEqualTo("Horlivka");
        assertThat(first.get("country").asText()).isEqualTo("Ukraine");
        assertThat(first.get("admin1").asText()).isEqualTo("Donets'k");
        assertThat(first.get("population").asLong()).isGreaterThan(200_000);
        assertThat(run.json().size()).isLessThanOrEqualTo(3);
        assertThat(first.has("lat") && first.has("lon")).isTrue();
    }

    @Test
    void placesReverseNamesTheOblast() {
        CliRun run = CliRun.of("places", "reverse", "46.6354, 32.6169", "--json");
        assertThat(run.exitCode()).isZero();
        assertThat(run.json().get("nearest").get("name").asText()).isEqualTo("Kherson");
        assertThat(run.json().get("regionIso").asText()).isEqualTo("UA-65");
    }

    @Test
    void aBadLimitIsBadUsage() {
        assertThat(CliRun.of("places", "search", "Kyiv", "--limit", "0").exitCode()).isEqualTo(2);
    }
}
