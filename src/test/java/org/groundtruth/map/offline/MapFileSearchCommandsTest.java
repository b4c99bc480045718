package org.groundtruth.map.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.groundtruth.cli.CliRun;
import org.groundtruth.map.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code places search} over mapsforge {@code .map} files added with {@code maps add}, through the real CLI. */
class MapFileSearchCommandsTest {
    @TempDir
    Path dir;

    @BeforeEach
    void userMapsFolder() {
        System.setProperty(UserMapsFolder.PROPERTY, dir.resolve("maps").toString());
    }

    @AfterEach
    void reset() {
        System.clearProperty(UserMapsFolder.PROPERTY);
    }

    @Test
    void streetsSquaresAndHouseNumbersOfAnAddedMapAreSearchable() throws Exception {
        assertThat(CliRun.of("maps", "add", TestData.shared("osm/moscow-north.map").toString()).exitCode()).isZero();
        assertThat(CliRun.of("maps", "add", TestData.shared("osm/monaco.map").toString()).exitCode()).isZero();
        assertThat(dir.resolve("maps/moscow-north" + MapsforgeNameIndexer.EXTENSION)).isRegularFile();
        // the index is not a map of its own
        assertThat(CliRun.of("maps", "list", "--json").json()).hasSize(2);

        CliRun street = CliRun.of("places", "search", "Rustaveli", "--near", "55.81,37.59", "--json");
        assertThat(street.exitCode()).as(street.err()).isZero();
        JsonNode first = street.json().get(0);
        assertThat(first.get("name").asText()).isEqualTo("улица Руставели");
        assertThat(first.get("kind").asText()).isEqualTo("street");
        assertThat(first.get("source").asText()).isEqualTo("moscow-north");
        assertThat(first.get("admin1").asText()).isEqualTo("Moskva");
        assertThat(first.get("lat").asDouble()).isBetween(55.77, 55.87);
        assertThat(first.get("lon").asDouble()).isBetween(37.50, 37.66);

        JsonNode house = CliRun.of("places", "search", "ул.", "Большая", "Новодмитровская", "63", "--json").json().get(0);
        assertThat(house.get("kind").asText()).isEqualTo("address");
        assertThat(house.get("name").asText()).isEqualTo("Большая Новодмитровская улица, 63");

        JsonNode casino = CliRun.of("places", "search", "Place du Casino", "--json").json().get(0);
        assertThat(casino.get("kind").asText()).isEqualTo("square");
        assertThat(casino.get("source").asText()).isEqualTo("monaco");

        CliRun human = CliRun.of("places", "search", "Руставели");
        assertThat(human.out()).contains("улица Руставели").contains("moscow-north");
    }

    @Test
    void removingAMapRemovesItsIndexAndIndexRebuildsAMissingOne() throws Exception {
        assertThat(CliRun.of("maps", "add", TestData.shared("osm/moscow-north.map").toString()).exitCode()).isZero();
        Path index = dir.resolve("maps/moscow-north" + MapsforgeNameIndexer.EXTENSION);
        Files.delete(index); // as a map added by an earlier version
        assertThat(names(CliRun.of("places", "search", "Руставели", "--json").json())).doesNotContain("улица Руставели");

        CliRun rebuilt = CliRun.of("maps", "index", "moscow-north", "--json");
        assertThat(rebuilt.exitCode()).as(rebuilt.err()).isZero();
        assertThat(rebuilt.json().get("names").asLong()).isGreaterThan(50);
        assertThat(names(CliRun.of("places", "search", "Руставели", "--json").json())).contains("улица Руставели");

        CliRun unknown = CliRun.of("maps", "index", "nowhere");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().strip()).contains("nowhere").doesNotContain("\n");

        assertThat(CliRun.of("maps", "remove", "moscow-north").exitCode()).isZero();
        assertThat(index).doesNotExist();
        try (var left = Files.list(dir.resolve("maps"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aCancelledAddLeavesNeitherTheMapNorItsIndex() throws Exception {
        OfflineMapLibrary library = new OfflineMapLibrary(dir.resolve("maps"));
        java.util.concurrent.atomic.AtomicLong reports = new java.util.concurrent.atomic.AtomicLong();
        org.groundtruth.core.ProgressMonitor cancelWhileIndexing = new org.groundtruth.core.ProgressMonitor() {
            @Override
            public void progress(long done, long total) {
                assertThat(total).isEqualTo(1000);
                assertThat(done).isBetween(0L, 1000L);
                reports.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return reports.get() >= 10;
            }
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> library.add(TestData.shared("osm/monaco.map"),
                cancelWhileIndexing)).isInstanceOf(java.util.concurrent.CancellationException.class);
        try (var left = Files.list(dir.resolve("maps"))) {
            assertThat(left).isEmpty();
        }
        assertThat(library.list()).isEmpty();
    }

    private static List<String> names(JsonNode hits) {
        List<String> names = new ArrayList<>();
        hits.forEach(h -> names.add(h.get("name").asText()));
        return names;
    }
}
