package org.groundtruth.map.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.groundtruth.core.geo.UkrainianRegions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Region outlines from the shipped gazetteer, found by the names incidents record. */
class RegionOutlinesTest {
    private static Gazetteer gazetteer;
    private static RegionOutlines outlines;

    @BeforeAll
    static void open() {
        gazetteer = Gazetteer.open(Path.of("maps", Gazetteer.FILE_NAME));
        outlines = new RegionOutlines(gazetteer.regionOutlines());
    }

    @AfterAll
    static void close() {
        gazetteer.close();
    }

    @Test
    void everyUkrainianRegionHasExactlyOneOutlineUnderItsOfficialName() {
        for (int code : new int[] {5, 7, 9, 12, 14, 18, 21, 23, 26, 30, 32, 35, 40, 43, 46, 48, 51, 53, 56, 59, 61, 63,
            65, 68, 71, 74, 77}) {
            String iso = String.format("UA-%02d", code);
            String name = UkrainianRegions.englishName(iso).orElseThrow();
            assertThat(outlines.find(name)).as(name).hasValueSatisfying(o -> {
                assertThat(o.region().iso()).isEqualTo(iso);
                assertThat(o.shape().isEmpty()).isFalse();
            });
        }
        assertThat(outlines.inCountries(Set.of("UA"))).hasSize(27);
    }

    @Test
    void theNameReverseLookupRecordsFindsTheSameRegion() {
        GazetteerPlaceLookup lookup = (GazetteerPlaceLookup) GazetteerPlaceLookup.shipped();
        String kyiv = lookup.at(new org.groundtruth.core.geo.LatLon(50.45, 30.52)).orElseThrow().admin1().orElseThrow();
        String sevastopol = lookup.at(new org.groundtruth.core.geo.LatLon(44.6, 33.52)).orElseThrow().admin1().orElseThrow();
        assertThat(outlines.find(kyiv).orElseThrow().region().iso()).isEqualTo("UA-30");
        assertThat(outlines.find(sevastopol).orElseThrow().region().iso()).isEqualTo("UA-40");
    }

    @Test
    void typedSpellingsAndUkrainianNamesMatchButAmbiguousOrUnknownNamesDoNot() {
        assertThat(outlines.find("kherson").map(o -> o.region().iso())).contains("UA-65");
        assertThat(outlines.find("Херсонська область").map(o -> o.region().iso())).contains("UA-65");
        assertThat(outlines.find("Київська область").map(o -> o.region().iso())).contains("UA-32");
        assertThat(outlines.find("Київ").map(o -> o.region().iso())).contains("UA-30");
        assertThat(outlines.find("Limburg")).isEmpty();
        assertThat(outlines.find("Atlantis Oblast")).isEmpty();
    }
}
