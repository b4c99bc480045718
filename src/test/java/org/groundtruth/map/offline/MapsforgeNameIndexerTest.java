package org.groundtruth.map.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.map.MapFileException;
import org.groundtruth.map.TestData;
import org.groundtruth.map.osm.OsmStore;
import org.groundtruth.map.osm.PbfImporter;
import org.groundtruth.map.search.PlaceKind;
import org.groundtruth.map.search.PlaceSearch;
import org.groundtruth.map.search.SearchHit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The name index built from mapsforge {@code .map} files against the index of the same data imported from
 * {@code .osm.pbf}: the same streets, squares, buildings and house numbers are found, in Cyrillic and Latin.
 */
class MapsforgeNameIndexerTest {
    @TempDir
    static Path dir;
    static OsmStore moscowMap;
    static OsmStore moscowPbf;
    static OsmStore monacoMap;
    static OsmStore monacoPbf;
    static MapsforgeNameIndexer.Summary moscowSummary;
    static PlaceSearch fromMap;
    static PlaceSearch fromPbf;

    @BeforeAll
    static void index() throws Exception {
        Path moscowIndex = dir.resolve("moscow-north" + MapsforgeNameIndexer.EXTENSION);
        moscowSummary = MapsforgeNameIndexer.index(TestData.shared("osm/moscow-north.map"), moscowIndex, ProgressMonitor.NONE);
        Path monacoIndex = dir.resolve("monaco" + MapsforgeNameIndexer.EXTENSION);
        MapsforgeNameIndexer.index(TestData.shared("osm/monaco.map"), monacoIndex, ProgressMonitor.NONE);
        Path moscowStreets = dir.resolve("moscow-north" + OsmStore.EXTENSION);
        PbfImporter.importFile(TestData.shared("osm/moscow-north.osm.pbf"), moscowStreets, ProgressMonitor.NONE);
        Path monacoStreets = dir.resolve("monaco" + OsmStore.EXTENSION);
        PbfImporter.importFile(TestData.shared("osm/monaco.osm.pbf"), monacoStreets, ProgressMonitor.NONE);
        moscowMap = OsmStore.open(moscowIndex);
        monacoMap = OsmStore.open(monacoIndex);
        moscowPbf = OsmStore.open(moscowStreets);
        monacoPbf = OsmStore.open(monacoStreets);
        fromMap = new PlaceSearch(Optional.empty(), List.of(new PlaceSearch.Source("moscow-north.map", moscowMap),
                new PlaceSearch.Source("monaco.map", monacoMap)));
        fromPbf = new PlaceSearch(Optional.empty(), List.of(new PlaceSearch.Source("moscow-north.pbf", moscowPbf),
                new PlaceSearch.Source("monaco.pbf", monacoPbf)));
    }

    @AfterAll
    static void close() {
        for (OsmStore s : List.of(moscowMap, moscowPbf, monacoMap, monacoPbf)) {
            s.close();
        }
    }

    @Test
    void aCyrillicStreetIsFoundOnceInBothIndexesFromCyrillicAndLatin() {
        for (String query : List.of("улица Руставели", "Руставели", "Rustaveli", "ul. Rustaveli", "Rustaveli street")) {
            List<SearchHit> map = fromMap.search(query, PlaceSearch.Context.NONE, 5);
            List<SearchHit> pbf = fromPbf.search(query, PlaceSearch.Context.NONE, 5);
            assertThat(map).as(query).isNotEmpty();
            assertThat(map.get(0).name()).as(query).isEqualTo(pbf.get(0).name()).isEqualTo("улица Руставели");
            assertThat(map.get(0).kind()).isEqualTo(PlaceKind.STREET);
            assertThat(map.get(0).source()).isEqualTo("moscow-north.map");
            // segments of one street in many tiles are one result, near where the .pbf index puts it
            assertThat(map.stream().filter(h -> h.name().equals("улица Руставели"))).hasSize(
                    (int) pbf.stream().filter(h -> h.name().equals("улица Руставели")).count());
            assertThat(metres(map.get(0), pbf.get(0))).as(query).isLessThan(2500);
        }
    }

    @Test
    void aHouseNumberIsGivenItsStreetAndFoundInBoth() {
        // mapsforge files keep the house number but not addr:street: the nearest street is taken
        for (String query : List.of("ул. Большая Новодмитровская 63", "Bolshaia Novodmytrovskaia 63",
                "Bolshaya Novodmitrovskaya ul. 63", "Avenue des Ligures 5")) {
            List<SearchHit> map = fromMap.search(query, PlaceSearch.Context.NONE, 5);
            List<SearchHit> pbf = fromPbf.search(query, PlaceSearch.Context.NONE, 5);
            assertThat(pbf.get(0).kind()).as(query).isEqualTo(PlaceKind.ADDRESS);
            assertThat(map).as(query).isNotEmpty();
            assertThat(map.get(0).kind()).as(query).isEqualTo(PlaceKind.ADDRESS);
            assertThat(map.get(0).name()).as(query).isEqualTo(pbf.get(0).name());
            assertThat(metres(map.get(0), pbf.get(0))).as(query).isLessThan(60);
        }
    }

    @Test
    void theStreetsOfThePbfIndexAreInTheMapIndexAndMostHouseNumbersOnTheSameStreet() throws SQLException {
        int mapAddresses = 0;
        int agreeing = 0;
        for (OsmStore[] pair : new OsmStore[][] {{moscowMap, moscowPbf}, {monacoMap, monacoPbf}}) {
            Set<String> mapStreets = names(pair[0], PlaceKind.STREET, PlaceKind.SQUARE);
            Set<String> pbfStreets = names(pair[1], PlaceKind.STREET, PlaceKind.SQUARE);
            Set<String> common = new HashSet<>(pbfStreets);
            common.retainAll(mapStreets);
            assertThat(pbfStreets).isNotEmpty();
            assertThat((double) common.size() / pbfStreets.size()).as(pair[1].file() + " streets in " + pair[0].file())
                    .isGreaterThan(0.85);
            // the .map files were written with a tag mapping that keeps few house numbers (15 against 569 in the .pbf);
            // of those it has, most must be put on the street the .pbf's addr:street names
            Set<String> fromMapFile = names(pair[0], PlaceKind.ADDRESS);
            Set<String> same = new HashSet<>(fromMapFile);
            same.retainAll(names(pair[1], PlaceKind.ADDRESS));
            mapAddresses += fromMapFile.size();
            agreeing += same.size();
        }
        assertThat(mapAddresses).isGreaterThan(10);
        assertThat((double) agreeing / mapAddresses).isGreaterThanOrEqualTo(0.5);
    }

    @Test
    void latinNamesFindTheirStreetsAndSquaresAsInThePbfIndex() {
        for (String query : List.of("Princesse Grace", "Boulevard du Larvotto", "Place du Casino")) {
            List<SearchHit> map = fromMap.search(query, PlaceSearch.Context.NONE, 3);
            List<SearchHit> pbf = fromPbf.search(query, PlaceSearch.Context.NONE, 3);
            assertThat(map).as(query).isNotEmpty();
            assertThat(map.get(0).name()).as(query).isEqualTo(pbf.get(0).name());
            assertThat(map.get(0).kind()).as(query).isEqualTo(pbf.get(0).kind());
        }
    }

    @Test
    void reportsProgressAndCancelsLeavingNothing() throws Exception {
        Path output = dir.resolve("cancelled" + MapsforgeNameIndexer.EXTENSION);
        AtomicLong calls = new AtomicLong();
        ProgressMonitor cancelHalfway = new ProgressMonitor() {
            @Override
            public void progress(long done, long total) {
                assertThat(done).isBetween(0L, total);
                calls.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return calls.get() > 20;
            }
        };
        assertThatThrownBy(() -> MapsforgeNameIndexer.index(TestData.shared("osm/monaco.map"), output, cancelHalfway))
                .isInstanceOf(CancellationException.class);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("cancelled"));
        }
    }

    @Test
    void aFileThatIsNotAMapIsRefusedNamingIt() throws Exception {
        Path bad = dir.resolve("not-a-map.map");
        Files.writeString(bad, "mapsforge binary OSM but nothing after it");
        Path output = dir.resolve("bad" + MapsforgeNameIndexer.EXTENSION);
        assertThatThrownBy(() -> MapsforgeNameIndexer.index(bad, output, ProgressMonitor.NONE))
                .isInstanceOf(MapFileException.class).hasMessageContaining("not-a-map.map");
        assertThat(output).doesNotExist();
    }

    private static Set<String> names(OsmStore store, PlaceKind... kinds) throws SQLException {
        List<String> ordinals = new ArrayList<>();
        for (PlaceKind k : kinds) {
            ordinals.add(Integer.toString(k.ordinal()));
        }
        Set<String> names = new HashSet<>();
        Connection c = store.connection();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name FROM osm_name WHERE kind IN (" + String.join(",", ordinals) + ")")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static double metres(SearchHit a, SearchHit b) {
        double dLat = (a.location().lat() - b.location().lat()) * 111_320;
        double dLon = (a.location().lon() - b.location().lon()) * 111_320 * Math.cos(Math.toRadians(a.location().lat()));
        return Math.hypot(dLat, dLon);
    }
}
