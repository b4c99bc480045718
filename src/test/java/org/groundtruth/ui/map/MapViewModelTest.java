package org.groundtruth.ui.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.verify.VerificationStatus;
import org.groundtruth.map.TestData;
import org.groundtruth.map.search.SearchHit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The map's ViewModel without a toolkit: the shipped maps/, real imagery, background work run inline. */
class MapViewModelTest {
    @TempDir
    Path dir;
    private MapViewModel vm;
    private final InlineBackground background = new InlineBackground();

    @BeforeEach
    void open() {
        vm = new MapViewModel(background, Optional.of(Path.of("maps")), dir.resolve("tile-cache"));
    }

    @AfterEach
    void close() {
        vm.close();
    }

    @Test
    void startsWithTheShippedBasemapAndGazetteer() {
        assertThat(vm.layers()).hasSize(1);
        assertThat(vm.layers().get(0).isBasemap()).isTrue();
        assertThat(vm.hasGazetteer()).isTrue();
        assertThat(vm.attribution()).contains("Natural Earth", "GeoNames");
        assertThat(vm.messageProperty().get()).isEmpty();
    }

    @Test
    void withoutMapsTheMapStillWorksAndSaysWhy() {
        try (MapViewModel bare = new MapViewModel(background, Optional.empty(), dir)) {
            assertThat(bare.layers()).isEmpty();
            assertThat(bare.messageProperty().get()).contains("basemap not found");
            bare.search("Kyiv");
            assertThat(bare.messageProperty().get()).contains("gazetteer");
        }
    }

    @Test
    void goToCentresOnAnyCoordinateFormat() {
        assertThat(vm.goTo("36T VS 70677 64720")).isTrue();
        LatLon center = vm.viewportProperty().get().center();
        assertThat(center.lat()).isCloseTo(46.6354, within(0.001));
        assertThat(center.lon()).isCloseTo(32.6169, within(0.001));
        assertThat(vm.viewportProperty().get().zoom()).isGreaterThanOrEqualTo(MapViewModel.POINT_ZOOM);
        assertThat(vm.messageProperty().get()).contains("46°38'07");
    }

    @Test
    void badGoToLeavesTheMapWhereItWasAndSaysWhatIsWrong() {
        var before = vm.viewportProperty().get();
        assertThat(vm.goTo("151.2093, -33.8688")).isFalse();
        assertThat(vm.viewportProperty().get()).isEqualTo(before);
        assertThat(vm.messageProperty().get()).contains("Latitude 151.2093 is out of range");
    }

    @Test
    void searchFillsResultsAndShowingOneCentresTheMap() {
        vm.search("Горлівка");
        assertThat(vm.searchResults()).isNotEmpty();
        SearchHit horlivka = vm.searchResults().get(0);
        assertThat(horlivka.name()).isEqualTo("Horlivka");
        vm.showPlace(horlivka);
        assertThat(vm.viewportProperty().get().center().lat()).isCloseTo(horlivka.location().lat(), within(0.01));
        vm.search("Qzxqzxqzx");
        assertThat(vm.searchResults()).isEmpty();
        assertThat(vm.messageProperty().get()).contains("No place matches");
    }

    @Test
    void imageryIsAddedOrderedAndRemoved() {
        vm.addImagery(TestData.shared("imagery/ukraine-bluemarble.mbtiles"));
        vm.addImagery(TestData.shared("imagery/ukraine-bluemarble-epsg4326.tif"));
        assertThat(vm.layers()).hasSize(3);
        MapLayer tiff = vm.layers().get(2);
        vm.moveLayer(tiff, false);
        assertThat(vm.layers().indexOf(tiff)).isEqualTo(1);
        vm.moveLayer(vm.layers().get(0), false); // already at the bottom: nothing happens
        assertThat(vm.layers().get(0).isBasemap()).isTrue();
        vm.removeLayer(tiff);
        assertThat(vm.layers()).hasSize(2).doesNotContain(tiff);
        vm.removeLayer(vm.layers().get(0));
        assertThat(vm.layers().get(0).isBasemap()).isTrue();
        assertThat(vm.layers().get(0).visibleProperty().get()).isFalse();
    }

    @Test
    void aCorruptFileAddsNoLayerAndExplainsInOneLine() throws Exception {
        Path corrupt = dir.resolve("broken.tif");
        Files.write(corrupt, new byte[] {'I', 'I', 42, 0, 1, 2, 3});
        vm.addImagery(corrupt);
        assertThat(vm.layers()).hasSize(1);
        assertThat(vm.messageProperty().get()).startsWith("broken.tif: ").doesNotContain("\n");
    }

    @Test
    void anInvalidTileUrlIsRefused() {
        vm.addXyz("tile.example.org/{z}/{x}/{y}.png", "", 18);
        assertThat(vm.layers()).hasSize(1);
        assertThat(vm.messageProperty().get()).contains("http:// or https://");
    }

    @Test
    void measuringGivesGeodesicDistanceAndAzimuth() {
        vm.addMeasurePoint(new LatLon(50.4501, 30.5234));
        assertThat(vm.measureTextProperty().get()).contains("click the next point");
        vm.addMeasurePoint(new LatLon(46.6354, 32.6169));
        assertThat(vm.measureTextProperty().get()).isEqualTo("451.4 km, azimuth 159.2°");
        vm.addMeasurePoint(new LatLon(46.9659, 31.9974));
        assertThat(vm.measureTextProperty().get()).startsWith("Total ").contains("last leg");
        assertThat(vm.measurement()).get().satisfies(m -> assertThat(m.legs()).hasSize(2));
        vm.clearMeasurement();
        assertThat(vm.measureTextProperty().get()).isEmpty();
    }

    @Test
    void selectionIsDroppedWhenTheIncidentLeavesTheList() {
        Incident located = incident("Strike on fire engine", new LatLon(48.0, 37.8), VerificationStatus.GEOLOCATED);
        Incident unlocated = Incident.titled("No location yet");
        vm.showIncidents(List.of(located, unlocated));
        assertThat(vm.markersProperty().get().size()).isEqualTo(1);
        vm.select(Optional.of(located));
        vm.zoomToSelection();
        assertThat(vm.viewportProperty().get().center().lat()).isCloseTo(48.0, within(0.01));
        vm.showIncidents(List.of(unlocated));
        assertThat(vm.selectedIncidentProperty().get()).isEmpty();
        vm.select(Optional.of(unlocated));
        vm.zoomToSelection();
        assertThat(vm.messageProperty().get()).contains("no location");
    }

    @Test
    void reverseLookupAnswersForTheIncidentForm() {
        var answer = new java.util.concurrent.atomic.AtomicReference<org.groundtruth.map.gazetteer.ReverseResult>();
        vm.reverseLookup(new LatLon(48.3, 38.05), answer::set);
        assertThat(answer.get().region()).get().satisfies(r -> assertThat(r.iso()).isEqualTo("UA-14"));
    }

    @Test
    void cursorPositionIsShownInThreeFormats() {
        vm.cursorMoved(new LatLon(46.6354, 32.6169));
        assertThat(vm.cursorTextProperty().get()).contains("46.635400, 32.616900", "46°38'07.4\"N 32°37'00.8\"E", "36TVS7067764720");
    }

    static Incident incident(String title, LatLon at, VerificationStatus status) {
        return Incident.titled(title).toBuilder().location(Optional.of(at)).status(status)
                .occurredAt(Optional.of(Instant.parse("2025-07-06T11:00:00Z"))).build();
    }
}
