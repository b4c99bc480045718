package org.groundtruth.map.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.groundtruth.cli.CliRun;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.map.NameKeys;
import org.groundtruth.map.TestData;
import org.groundtruth.map.gazetteer.Gazetteer;
import org.groundtruth.map.osm.OsmStore;
import org.groundtruth.map.osm.PbfImporter;
import org.groundtruth.map.search.NameIndexFile;
import org.groundtruth.map.search.NameIndexWriter;
import org.groundtruth.map.search.PlaceKind;
import org.groundtruth.map.search.PlaceSearch;
import org.groundtruth.map.search.SearchHit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same area added twice — the shared Monaco and northern Moscow extracts as mapsforge {@code .map} and as
 * {@code .osm.pbf} — gives each street once in the search (decision 1430), noting both files, while things of the same
 * name in different places stay apart. The CLI ({@code places search}) and the window's search box both go through
 * {@link PlaceSearch}, which merges.
 */
class SameAreaTwiceSearchTest {
    @TempDir
    static Path dir;
    static final List<NameIndexFile> STORES = new ArrayList<>();
    static Gazetteer gazetteer;
    static PlaceSearch search;
    static PlaceSearch withElsewhere;

    @BeforeAll
    static void addBoth() throws Exception {
        List<PlaceSearch.Source> sources = new ArrayList<>();
        for (String area : List.of("monaco", "moscow-north")) {
            Path mapIndex = dir.resolve(area + MapsforgeNameIndexer.EXTENSION);
            MapsforgeNameIndexer.index(TestData.shared("osm/" + area + ".map"), mapIndex, ProgressMonitor.NONE);
            Path pbfStore = dir.resolve(area + "-pbf" + OsmStore.EXTENSION);
            PbfImporter.importFile(TestData.shared("osm/" + area + ".osm.pbf"), pbfStore, ProgressMonitor.NONE);
            OsmStore fromMap = OsmStore.open(mapIndex);
            OsmStore fromPbf = OsmStore.open(pbfStore);
            STORES.add(fromMap);
            STORES.add(fromPbf);
            sources.add(new PlaceSearch.Source(area, fromMap));
            sources.add(new PlaceSearch.Source(area + "-pbf", fromPbf));
        }
        gazetteer = Gazetteer.open(TestData.maps(Gazetteer.FILE_NAME));
        search = new PlaceSearch(Optional.of(gazetteer), sources);
        // a third file with streets of the same names in other towns (Tbilisi, Nice), well away from the first ones
        Path elsewhere = dir.resolve("elsewhere.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + elsewhere)) {
            c.setAutoCommit(false);
            try (NameIndexWriter w = new NameIndexWriter(c)) {
                w.add(PlaceKind.STREET, "улица Руставели", null, List.of("улица Руставели"), 41.7005, 44.7965, 50);
                w.add(PlaceKind.STREET, "Avenue Princesse Grace", null, List.of("Avenue Princesse Grace"), 43.7030,
                        7.2660, 50);
                // a third fuel station of the brand, a kilometre north of the Moscow .pbf's two
                w.add(PlaceKind.POI, "Газпромнефть", null, List.of("Газпромнефть"), 55.8200, 37.6060, 30);
            }
            c.commit();
        }
        NameIndexFile other = new SqliteIndex(elsewhere);
        STORES.add(other);
        List<PlaceSearch.Source> more = new ArrayList<>(sources);
        more.add(new PlaceSearch.Source("elsewhere", other));
        withElsewhere = new PlaceSearch(Optional.of(gazetteer), more);
    }

    @AfterAll
    static void close() {
        STORES.forEach(NameIndexFile::close);
        gazetteer.close();
    }

    @Test
    void streetsOfTheAreaAddedAsMapAndPbfAreListedOnceWithBothSources() {
        Map<String, String> expected = Map.of(
                "улица Руставели", "улица Руставели",
                "Руставели", "улица Руставели",
                "Rustaveli", "улица Руставели",
                "улица Гончарова", "улица Гончарова",
                "Goncharova", "улица Гончарова",
                "Огородный проезд", "Огородный проезд",
                "Avenue Princesse Grace", "Avenue Princesse Grace",
                "Boulevard Albert 1er", "Boulevard Albert 1er",
                "Princesse Grace", "Avenue Princesse Grace",
                "Boulevard du Larvotto", "Boulevard du Larvotto");
        expected.forEach((query, street) -> {
            List<SearchHit> hits = search.search(query, PlaceSearch.Context.NONE, 20);
            assertNoDuplicateStreets(query, hits);
            SearchHit found = hits.stream().filter(h -> h.name().equals(street)).findFirst().orElseThrow(
                    () -> new AssertionError(query + ": " + street + " not found in " + hits));
            assertThat(found.kind()).as(query).isEqualTo(PlaceKind.STREET);
            List<String> files = new ArrayList<>(found.alsoIn());
            files.add(found.source());
            assertThat(files).as(query).hasSize(2).anyMatch(f -> f.endsWith("-pbf")).anyMatch(f -> !f.endsWith("-pbf"));
        });
    }

    @Test
    void noStreetOfEitherFileIsListedTwice() throws SQLException {
        int checked = 0;
        for (NameIndexFile store : STORES.subList(0, 4)) {
            List<String> names = new ArrayList<>();
            try (Statement st = store.connection().createStatement();
                    ResultSet rs = st.executeQuery("SELECT DISTINCT name FROM osm_name WHERE kind IN ("
                            + PlaceKind.STREET.ordinal() + ", " + PlaceKind.SQUARE.ordinal() + ")")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String name : names) {
                assertNoDuplicateStreets(name, search.search(name, PlaceSearch.Context.NONE, 10));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(400);
    }

    @Test
    void thingsOfTheSameNameInDifferentPlacesStayApart() {
        List<SearchHit> rustaveli = streets(withElsewhere.search("улица Руставели", PlaceSearch.Context.NONE, 10),
                "улица Руставели");
        assertThat(rustaveli).hasSize(2);
        assertThat(rustaveli).anySatisfy(h -> assertThat(h.location().lat()).isBetween(55.77, 55.87))
                .anySatisfy(h -> assertThat(h.source()).isEqualTo("elsewhere"));
        List<SearchHit> grace = streets(withElsewhere.search("Avenue Princesse Grace", PlaceSearch.Context.NONE, 10),
                "Avenue Princesse Grace");
        assertThat(grace).hasSize(2);
        // two fuel stations of one brand a kilometre apart in the Moscow .pbf, and a third in the other file
        List<SearchHit> fuel = withElsewhere.search("Газпромнефть", PlaceSearch.Context.NONE, 10).stream()
                .filter(h -> h.name().equals("Газпромнефть")).toList();
        assertThat(fuel).hasSize(3);
        // house numbers: the same address in both files is one result
        List<SearchHit> house = search.search("улица Руставели 3", PlaceSearch.Context.NONE, 10);
        assertThat(house.stream().filter(h -> h.name().equals("улица Руставели, 3"))).hasSize(1);
    }

    @Test
    void theCommandLineListsTheStreetOnceAndNamesBothFiles() throws Exception {
        Path maps = dir.resolve("user-maps");
        System.setProperty(UserMapsFolder.PROPERTY, maps.toString());
        try {
            Path pbfCopy = dir.resolve("copies").resolve("moscow-pbf.osm.pbf");
            Files.createDirectories(pbfCopy.getParent());
            Files.copy(TestData.shared("osm/moscow-north.osm.pbf"), pbfCopy);
            assertThat(CliRun.of("maps", "add", TestData.shared("osm/moscow-north.map").toString()).exitCode()).isZero();
            CliRun added = CliRun.of("maps", "add", pbfCopy.toString());
            assertThat(added.exitCode()).as(added.err()).isZero();
            for (String query : List.of("Rustaveli", "улица Руставели", "Гончарова")) {
                CliRun run = CliRun.of("places", "search", query, "--json");
                assertThat(run.exitCode()).as(run.err()).isZero();
                List<JsonNode> streets = new ArrayList<>();
                run.json().forEach(h -> {
                    if (h.get("kind").asText().equals("street")) {
                        streets.add(h);
                    }
                });
                assertThat(streets).as(query).hasSize(1);
                JsonNode street = streets.get(0);
                assertThat(street.get("source").asText() + " " + street.get("alsoIn").get(0).asText()).as(query)
                        .contains("moscow-north", "moscow-pbf");
            }
            CliRun human = CliRun.of("places", "search", "Руставели");
            assertThat(human.out().lines().filter(l -> l.startsWith("улица Руставели "))).singleElement().asString()
                    .contains("moscow-north + moscow-pbf");
        } finally {
            System.clearProperty(UserMapsFolder.PROPERTY);
        }
    }

    private static List<SearchHit> streets(List<SearchHit> hits, String name) {
        return hits.stream().filter(h -> h.kind() == PlaceKind.STREET && h.name().equals(name)).toList();
    }

    private static void assertNoDuplicateStreets(String query, List<SearchHit> hits) {
        Map<String, SearchHit> seen = new HashMap<>();
        for (SearchHit h : hits) {
            if (h.kind() == PlaceKind.STREET || h.kind() == PlaceKind.SQUARE) {
                SearchHit before = seen.put(NameKeys.key(h.name()), h);
                assertThat(before).as(query + ": " + h + " listed twice, also as " + before).isNull();
            }
        }
    }

    /** A name index written by {@link NameIndexWriter} into a plain SQLite file. */
    private static final class SqliteIndex implements NameIndexFile {
        private final Path file;
        private final Connection connection;

        SqliteIndex(Path file) throws SQLException {
            this.file = file;
            this.connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        }

        @Override
        public Connection connection() {
            return connection;
        }

        @Override
        public Path file() {
            return file;
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
