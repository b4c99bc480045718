package org.groundtruth.ui.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.map.TestData;
import org.groundtruth.map.offline.MapsforgeNameIndexer;
import org.groundtruth.map.offline.OfflineMapLibrary;
import org.groundtruth.map.search.PlaceKind;
import org.groundtruth.map.search.SearchHit;
import org.groundtruth.ui.common.Background;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The map's search box over mapsforge {@code .map} layers, without a toolkit: a map added in the window is searchable,
 * one added by an earlier version (no index) is indexed in the background when the window opens it, and a removed
 * layer's index is no longer searched.
 */
class MapFileSearchBoxTest {
    @TempDir
    Path dir;
    private final QueuedBackground background = new QueuedBackground();
    private MapViewModel vm;

    @BeforeEach
    void open() {
        vm = new MapViewModel(background, Optional.of(Path.of("maps")), dir.resolve("tile-cache"));
        background.runAll(); // the basemap and the gazetteer
    }

    @AfterEach
    void close() {
        vm.close();
    }

    @Test
    void aMapAddedInTheWindowIsSearchedAndStopsBeingSearchedWhenItsLayerIsRemoved() {
        vm.addOfflineMap(new OfflineMapLibrary(dir.resolve("maps")), TestData.shared("osm/moscow-north.map"));
        background.runAll();
        assertThat(dir.resolve("maps/moscow-north" + MapsforgeNameIndexer.EXTENSION)).isRegularFile();
        SearchHit street = search("Rustaveli").get(0);
        assertThat(street.name()).isEqualTo("улица Руставели");
        assertThat(street.kind()).isEqualTo(PlaceKind.STREET);
        assertThat(street.source()).isEqualTo("moscow-north");
        assertThat(search("Большая Новодмитровская 63").get(0).kind()).isEqualTo(PlaceKind.ADDRESS);

        MapLayer layer = vm.layers().stream().filter(l -> l.name().equals("moscow-north")).findFirst().orElseThrow();
        vm.removeLayer(layer);
        background.runAll();
        assertThat(search("Rustaveli")).extracting(SearchHit::name).doesNotContain("улица Руставели");
    }

    @Test
    void aMapAddedByAnEarlierVersionIsIndexedWhenTheWindowOpensIt() throws Exception {
        Path maps = Files.createDirectories(dir.resolve("maps"));
        Files.copy(TestData.shared("osm/monaco.map"), maps.resolve("monaco.map")); // no index beside it
        OfflineMapLibrary library = new OfflineMapLibrary(maps);
        vm.openOfflineMaps(library);
        background.runOne(); // opens the layers; the indexing job is queued behind
        assertThat(vm.layers()).extracting(MapLayer::name).contains("monaco");
        assertThat(background.pending()).isEqualTo(1);
        background.runAll();
        assertThat(maps.resolve("monaco" + MapsforgeNameIndexer.EXTENSION)).isRegularFile();
        SearchHit casino = search("Place du Casino").get(0);
        assertThat(casino.kind()).isEqualTo(PlaceKind.SQUARE);
        assertThat(casino.source()).isEqualTo("monaco");
    }

    @Test
    void theSameAreaAddedAsMapAndPbfGivesEachStreetOnceNamingBothLayers() throws Exception {
        OfflineMapLibrary library = new OfflineMapLibrary(dir.resolve("maps"));
        vm.addOfflineMap(library, TestData.shared("osm/moscow-north.map"));
        background.runAll();
        Path pbf = Files.createDirectories(dir.resolve("downloads")).resolve("moscow-pbf.osm.pbf");
        Files.copy(TestData.shared("osm/moscow-north.osm.pbf"), pbf);
        vm.addOfflineMap(library, pbf);
        background.runAll();
        assertThat(vm.layers()).extracting(MapLayer::name).contains("moscow-north", "moscow-pbf");
        for (String query : List.of("Rustaveli", "улица Гончарова")) {
            List<SearchHit> streets = search(query).stream().filter(h -> h.kind() == PlaceKind.STREET).toList();
            assertThat(streets).as(query).hasSize(1);
            assertThat(MapViewModel.describe(streets.get(0))).as(query).contains("moscow-north", "moscow-pbf");
        }
    }

    private List<SearchHit> search(String text) {
        vm.search(text);
        background.runAll();
        return List.copyOf(vm.searchResults());
    }

    /** Keeps jobs until the test runs them, like a pool thread that has not got to them yet. */
    private static final class QueuedBackground implements Background {
        private final List<Runnable> jobs = new ArrayList<>();

        @Override
        public <T> Job run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            jobs.add(() -> {
                try {
                    onSuccess.accept(work.run(ProgressMonitor.NONE));
                } catch (Exception e) {
                    onFailure.accept(e);
                }
            });
            return () -> { };
        }

        int pending() {
            return jobs.size();
        }

        void runOne() {
            jobs.remove(0).run();
        }

        void runAll() {
            while (!jobs.isEmpty()) {
                jobs.remove(0).run();
            }
        }
    }
}
