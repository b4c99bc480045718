package org.groundtruth.ui.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Optional;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.map.search.PlaceKind;
import org.groundtruth.map.search.SearchHit;
import org.groundtruth.ui.common.I18n;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The status line's description of a found place: the population stands apart from the country code. */
class PlaceDescriptionTest {
    private static final SearchHit VASLUI = new SearchHit("Vaslui", Optional.empty(), PlaceKind.PLACE,
            new LatLon(46.64, 27.73), "Vaslui", "RO", "gazetteer", 0, 55_407);

    @AfterEach
    void english() {
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void populationIsSeparatedFromTheCountry() {
        I18n.use(Locale.ENGLISH);
        assertThat(MapViewModel.describe(VASLUI)).endsWith(", RO  (pop. 55,407)");
    }

    @Test
    void ukrainianReadersSeeTheirWordForPopulation() {
        I18n.use(Locale.forLanguageTag("uk"));
        assertThat(MapViewModel.describe(VASLUI)).contains("RO  (нас. ");
    }
}
