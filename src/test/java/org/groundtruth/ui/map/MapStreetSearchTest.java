package org.groundtruth.ui.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.map.TestData;
import org.groundtruth.map.offline.OfflineMapLibrary;
import org.groundtruth.map.search.PlaceKind;
import org.groundtruth.map.search.SearchHit;
import org.groundtruth.ui.common.Background;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The map's search box over the added street maps, without a toolkit: streets and house numbers in Cyrillic and Latin,
 * the map jumps to street zoom, the work goes through {@link Background} (never the calling thread), a later keystroke's
 * results are never replaced by an earlier one's, and the coverage outlines follow the added maps.
 */
class MapStreetSearchTest {
    @TempDir
    Path dir;
    private final QueuedBackground background = new QueuedBackground();
    private MapViewModel vm;

    @BeforeEach
    void open() {
        vm = new MapViewModel(background, Optional.of(Path.of("maps")), dir.resolve("tile-cache"));
        vm.addOfflineMap(new OfflineMapLibrary(dir.resolve("maps")), TestData.shared("osm/moscow-north.osm.pbf"));
        background.runAll();
    }

    @AfterEach
    void close() {
        vm.close();
    }

    @Test
    void findsAStreetInLatinOrCyrillicAndJumpsThereAtStreetZoom() {
        for (String query : List.of("Rustaveli", "улица Руставели", "ul. Rustaveli")) {
            vm.search(query);
            assertThat(vm.searchResults()).as("nothing before the background job ran").isEmpty();
            background.runAll();
            assertThat(vm.searchResults()).as(query).isNotEmpty();
            SearchHit street = vm.searchResults().get(0);
            assertThat(street.name()).as(query).isEqualTo("улица Руставели");
            assertThat(street.kind()).isEqualTo(PlaceKind.STREET);
            assertThat(street.source()).isEqualTo("moscow-north");
            vm.searchResults().clear();
        }
        vm.search("Rustaveli");
        background.runAll();
        SearchHit street = vm.searchResults().get(0);
        vm.showPlace(street);
        assertThat(vm.viewportProperty().get().zoom()).isEqualTo(MapViewModel.STREET_ZOOM);
        assertThat(vm.viewportProperty().get().center().lat()).isCloseTo(street.location().lat(), within(1e-6));
        assertThat(vm.foundPlaceProperty().get()).contains(street);
        assertThat(vm.messageProperty().get()).startsWith("улица Руставели").contains("street", "moscow-north");
    }

    @Test
    void findsAHouseNumberAndShowsItCloserStill() {
        vm.search("ул. Руставели 1");
        background.runAll();
        SearchHit house = vm.searchResults().get(0);
        assertThat(house.kind()).isEqualTo(PlaceKind.ADDRESS);
        vm.showPlace(house);
        assertThat(vm.viewportProperty().get().zoom()).isEqualTo(MapViewModel.STREET_ZOOM + 1);
    }

    @Test
    void placesFromTheGazetteerStillComeFirstForTownNames() {
        vm.search("Kupjansk");
        background.runAll();
        SearchHit town = vm.searchResults().get(0);
        assertThat(town.name()).isEqualTo("Kupiansk");
        assertThat(town.kind()).isEqualTo(PlaceKind.PLACE);
        vm.showPlace(town);
        assertThat(vm.viewportProperty().get().zoom()).isEqualTo(12);
    }

    @Test
    void anEarlierKeystrokesResultsNeverReplaceALaterOnes() {
        vm.search("Kherson");
        vm.search("Rustaveli");
        assertThat(background.pending()).isEqualTo(2);
        background.runLastFirst();
        assertThat(vm.searchResults()).isNotEmpty();
        assertThat(vm.searchResults().get(0).name()).isEqualTo("улица Руставели");
        assertThat(background.cancelled).isEqualTo(1);
    }

    @Test
    void coverageFollowsTheAddedMapsAndTheirVisibility() {
        assertThat(vm.offlineCoverage()).hasSize(1);
        MapViewModel.Coverage moscow = vm.offlineCoverage().get(0);
        assertThat(moscow.name()).isEqualTo("moscow-north");
        assertThat(moscow.bounds().contains(new LatLon(55.82, 37.6))).isTrue();
        MapLayer layer = vm.layers().stream().filter(l -> l.name().equals("moscow-north")).findFirst().orElseThrow();
        layer.visibleProperty().set(false);
        assertThat(vm.offlineCoverage()).isEmpty();
        layer.visibleProperty().set(true);
        vm.removeLayer(layer);
        background.runAll();
        assertThat(vm.offlineCoverage()).isEmpty();
    }

    /** Keeps jobs until the test runs them, like a pool thread that has not got to them yet. */
    private static final class QueuedBackground implements Background {
        private final List<Runnable> jobs = new ArrayList<>();
        int cancelled;

        @Override
        public <T> Job run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            jobs.add(() -> {
                try {
                    onSuccess.accept(work.run(ProgressMonitor.NONE));
                } catch (Exception e) {
                    onFailure.accept(e);
                }
            });
            return () -> cancelled++;
        }

        int pending() {
            return jobs.size();
        }

        void runAll() {
            while (!jobs.isEmpty()) {
                jobs.remove(0).run();
            }
        }

        void runLastFirst() {
            while (!jobs.isEmpty()) {
                jobs.remove(jobs.size() - 1).run();
            }
        }
    }
}
