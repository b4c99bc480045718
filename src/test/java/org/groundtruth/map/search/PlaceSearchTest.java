package org.groundtruth.map.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.ProgressMonitor;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.map.TestData;
import org.groundtruth.map.gazetteer.Gazetteer;
import org.groundtruth.map.osm.OsmStore;
import org.groundtruth.map.osm.PbfImporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaceSearchTest {
    @TempDir
    static Path dir;
    static OsmStore moscow;
    static OsmStore monaco;
    static Gazetteer gazetteer;
    static PlaceSearch search;

    @BeforeAll
    static void importExtracts() throws Exception {
        Path moscowFile = dir.resolve("moscow" + OsmStore.EXTENSION);
        PbfImporter.importFile(TestData.shared("osm/moscow-north.osm.pbf"), moscowFile, ProgressMonitor.NONE);
        Path monacoFile = dir.resolve("monaco" + OsmStore.EXTENSION);
        PbfImporter.importFile(TestData.shared("osm/monaco.osm.pbf"), monacoFile, ProgressMonitor.NONE);
        moscow = OsmStore.open(moscowFile);
        monaco = OsmStore.open(monacoFile);
        gazetteer = Gazetteer.open(TestData.maps(Gazetteer.FILE_NAME));
        search = new PlaceSearch(Optional.of(gazetteer), List.of(new PlaceSearch.Source("moscow-north", moscow),
                new PlaceSearch.Source("monaco", monaco)));
    }

    @AfterAll
    static void close() {
        moscow.close();
        monaco.close();
        gazetteer.close();
    }

    @Test
    void findsACyrillicStreetFromLatinAndCyrillicWithOrWithoutItsType() {
        for (String query : List.of("улица Руставели", "Руставели", "Rustaveli", "ul. Rustaveli", "Rustaveli street")) {
            List<SearchHit> hits = search.search(query, PlaceSearch.Context.NONE, 5);
            assertThat(hits).as(query).isNotEmpty();
            assertThat(hits.get(0).name()).as(query).isEqualTo("улица Руставели");
            assertThat(hits.get(0).kind()).isEqualTo(PlaceKind.STREET);
            assertThat(hits.get(0).source()).isEqualTo("moscow-north");
            assertThat(hits.get(0).location().lat()).isBetween(55.77, 55.87);
        }
    }

    @Test
    void findsAHouseNumberOnAStreet() {
        List<SearchHit> hits = search.search("ул. Руставели 1", PlaceSearch.Context.NONE, 5);
        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0).kind()).isEqualTo(PlaceKind.ADDRESS);
        assertThat(hits.get(0).name()).startsWith("улица Руставели, 1");
        // the street spelt by an older or the Russian system, with the number
        for (String query : List.of("Bolshaya Novodmitrovskaya 63", "ulitsa Bolshaja Novodmitrovskaja 63")) {
            List<SearchHit> variant = search.search(query, PlaceSearch.Context.NONE, 5);
            assertThat(variant).as(query).isNotEmpty();
            assertThat(variant.get(0).kind()).as(query).isEqualTo(PlaceKind.ADDRESS);
            assertThat(variant.get(0).name()).as(query).isEqualTo("Большая Новодмитровская улица, 63");
        }
    }

    @Test
    void findsLatinStreetsByAnyWordAndPlacesFromTheGazetteer() {
        List<SearchHit> hits = search.search("Princesse Grace", PlaceSearch.Context.NONE, 5);
        assertThat(hits).extracting(SearchHit::name).anyMatch(n -> n.contains("Princesse Grace"));
        List<SearchHit> places = search.search("Kupjansk", PlaceSearch.Context.NONE, 3);
        assertThat(places.get(0).name()).isEqualTo("Kupiansk");
        assertThat(places.get(0).source()).isEqualTo(PlaceSearch.GAZETTEER_SOURCE);
        assertThat(search.search("Kiev", PlaceSearch.Context.NONE, 3).get(0).label()).isEqualTo("Kyiv (Kiev)");
        SearchHit zaporizhzhia = search.search("Zaporozhye", PlaceSearch.Context.NONE, 3).get(0);
        assertThat(zaporizhzhia.name()).startsWith("Zaporizhzh"); // GeoNames spells it Zaporizhzhya
        assertThat(zaporizhzhia.importance()).isGreaterThan(500_000);
        assertThat(search.search("Купянськ", PlaceSearch.Context.NONE, 3).get(0).name()).isEqualTo("Kupiansk");
    }

    @Test
    void anExactMatchIsNeverOutrankedByAPrefixAndTheViewComesFirstAmongEquals() {
        List<SearchHit> hits = search.search("Kherson", PlaceSearch.Context.NONE, 10);
        assertThat(hits.get(0).name()).isEqualTo("Kherson");
        for (int i = 1; i < hits.size(); i++) {
            assertThat(MatchQuality.exact(hits.get(i - 1).quality()) || !MatchQuality.exact(hits.get(i).quality())).isTrue();
        }
        // "Odesa" exists in Ukraine and elsewhere: the view near the US one brings it first
        List<SearchHit> near = search.search("Odessa", PlaceSearch.Context.near(new LatLon(31.84, -102.37)), 3);
        assertThat(near.get(0).countryCode()).isEqualTo("US");
        List<SearchHit> anywhere = search.search("Odessa", PlaceSearch.Context.NONE, 3);
        assertThat(anywhere.get(0).countryCode()).isEqualTo("UA");
    }

    @Test
    void inTheViewComesBeforeElsewhereAmongExactMatchesButNeverAPrefixBeforeAnExactMatch() {
        // "Grace" is a word of a Monaco avenue and the whole name of places elsewhere: looking at Monaco, the avenue
        List<SearchHit> nearMonaco = search.search("Grace", PlaceSearch.Context.near(new LatLon(43.74, 7.42)), 5);
        assertThat(nearMonaco.get(0).name()).contains("Princesse Grace");
        assertThat(nearMonaco.get(0).source()).isEqualTo("monaco");
        // looking at Moscow, a street that only starts with the text stays behind every exact match
        for (String query : List.of("Grace", "Kherson", "Руставели", "Kyiv")) {
            List<SearchHit> hits = search.search(query, PlaceSearch.Context.near(new LatLon(55.81, 37.59)), 20);
            int firstInexact = hits.size();
            for (int i = 0; i < hits.size(); i++) {
                if (!MatchQuality.exact(hits.get(i).quality())) {
                    firstInexact = Math.min(firstInexact, i);
                } else {
                    assertThat(i).as(query + ": exact " + hits.get(i).name() + " after an inexact match").isLessThan(firstInexact);
                }
            }
        }
    }

    @Test
    void theWholeNameInAnotherScriptOrSystemComesBeforeAFragmentOfALongerName() {
        // the shipped gazetteer has no "Запоріжжя" spelling for the city, only for "Vilne Zaporizhzhya" (a word of it)
        for (String query : List.of("Запоріжжя", "Zaporozhye", "Zaporizhzhia", "Запорожье")) {
            SearchHit first = search.search(query, PlaceSearch.Context.NONE, 3).get(0);
            assertThat(first.name()).as(query).isEqualTo("Zaporizhzhya");
            assertThat(first.importance()).isGreaterThan(500_000);
        }
        for (String query : List.of("Kupyansk", "Kupiansk", "Kupjansk", "Купянськ", "Купянск", "Куп'янськ", "Kup’iansk")) {
            assertThat(search.search(query, PlaceSearch.Context.NONE, 3).get(0).name()).as(query).isEqualTo("Kupiansk");
        }
        for (String query : List.of("Kiev", "Kyiv", "Київ", "Киев")) {
            assertThat(search.search(query, PlaceSearch.Context.NONE, 3).get(0).name()).as(query).isEqualTo("Kyiv");
        }
    }
}
