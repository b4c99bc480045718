package org.groundtruth.map.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.map.MapFileException;
import org.groundtruth.map.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped maps/gazetteer.sqlite (GeoNames cities500). */
class GazetteerTest {
    private static Gazetteer gazetteer;

    @BeforeAll
    static void open() {
        gazetteer = Gazetteer.open(TestData.maps(Gazetteer.FILE_NAME));
    }

    @AfterAll
    static void close() {
        gazetteer.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Horlivka", "Gorlovka", "Горлівка", "Горловка", "horliv"})
    void findsHorlivkaUnderEverySpelling(String text) {
        Place first = gazetteer.search(text, 5).get(0);
        assertThat(first.name()).isEqualTo("Horlivka");
        assertThat(first.countryCode()).isEqualTo("UA");
        assertThat(first.country()).isEqualTo("Ukraine");
        assertThat(first.admin1()).isEqualTo("Donets'k");
        assertThat(first.location().lat()).isCloseTo(48.3, within(0.1));
    }

    @Test
    void ranksExactNamesFirstThenByPopulation() {
        List<Place> kyiv = gazetteer.search("Kyiv", 5);
        assertThat(kyiv.get(0).name()).isEqualTo("Kyiv");
        assertThat(kyiv.get(0).population()).isGreaterThan(2_000_000);
        List<Place> kherson = gazetteer.search("Херсон", 3);
        assertThat(kherson.get(0).name()).isEqualTo("Kherson");
        assertThat(kherson.get(0).admin1()).isEqualTo("Kherson");
    }

    @Test
    void userTextCannotBreakTheQuery() {
        assertThat(gazetteer.search("\"AND OR * NEAR( -", 5)).isEmpty();
        assertThat(gazetteer.search("   ", 5)).isEmpty();
        assertThat(gazetteer.search("Kam'janec'-Podil's'kij", 3).get(0).name()).isEqualTo("Kamianets-Podilskyi");
    }

    @Test
    void reverseLookupGivesNearestPlaceAndOblast() {
        ReverseResult result = gazetteer.reverse(new LatLon(46.6354, 32.6169));
        assertThat(result.nearest()).get().extracting(Place::name).isEqualTo("Kherson");
        assertThat(result.distanceMeters()).isLessThan(3000);
        assertThat(result.region()).get().satisfies(region -> {
            assertThat(region.iso()).isEqualTo("UA-65");
            assertThat(region.nameUk()).isEqualTo("Херсонська область");
        });
    }

    @Test
    void crimeaAndSevastopolAreUkraine() {
        assertThat(gazetteer.reverse(new LatLon(45.0, 34.1)).region()).get()
                .satisfies(r -> assertThat(r.iso()).isEqualTo("UA-43"))
                .satisfies(r -> assertThat(r.countryCode()).isEqualTo("UA"));
        assertThat(gazetteer.reverse(new LatLon(44.6, 33.52)).region()).get()
                .satisfies(r -> assertThat(r.countryCode()).isEqualTo("UA"));
    }

    @Test
    void openSeaHasNoRegion() {
        assertThat(gazetteer.reverse(new LatLon(43.5, 34.0)).region()).isEmpty();
    }

    @Test
    void aFileThatIsNotAGazetteerIsNamedInTheError(@TempDir Path dir) throws Exception {
        Path bogus = dir.resolve("gazetteer.sqlite");
        Files.writeString(bogus, "not a database");
        assertThatThrownBy(() -> Gazetteer.open(bogus)).isInstanceOf(MapFileException.class)
                .hasMessageStartingWith("gazetteer.sqlite: ");
        assertThatThrownBy(() -> Gazetteer.open(dir.resolve("none.sqlite"))).hasMessageStartingWith("none.sqlite: gazetteer not found");
    }

    @Test
    void ukrainianSpellingIsChosenByTransliteration() {
        GeoNamesPlace odesa = new GeoNamesPlace(698740, "Odesa", "Odesa", List.of("Odessa", "Одесса", "Одеса", "オデッサ"),
                46.48, 30.73, "P", "PPLA", "UA", "17", 1_000_000);
        assertThat(odesa.ukrainianName()).contains("Одеса");
        assertThat(GazetteerBuilder.searchableNames(odesa)).containsExactly("Odesa", "Odessa", "Одесса", "Одеса");
    }
}
