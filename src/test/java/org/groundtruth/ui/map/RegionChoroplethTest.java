package org.groundtruth.ui.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.geo.PlaceLookup;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.incident.IncidentQuery;
import org.groundtruth.map.gazetteer.GazetteerPlaceLookup;
import org.groundtruth.store.Investigation;
import org.groundtruth.store.TestInvestigations;
import org.groundtruth.store.demo.DemoInvestigation;
import org.groundtruth.ui.analysis.DashboardViewModel;
import org.groundtruth.ui.analysis.RegionTotals;
import org.groundtruth.ui.common.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The incidents-per-region layer's ViewModel on the demo investigation and the shipped maps, without a toolkit. */
class RegionChoroplethTest {
    @TempDir
    Path dir;
    private final InlineBackground background = new InlineBackground();
    private MapViewModel map;
    private RegionChoropleth layer;

    @BeforeEach
    void open() {
        map = new MapViewModel(background, Optional.of(Path.of("maps")), dir.resolve("tile-cache"));
        layer = map.choropleth();
    }

    @AfterEach
    void close() {
        map.close();
    }

    @Test
    void everyRegionOfTheDemoFindsItsOutlineAndReverseLookupGivesTheSameNames() {
        Investigation investigation = TestInvestigations.open(dir.resolve("demo"));
        try {
            DemoInvestigation.populateIfEmpty(investigation);
            Session session = new Session();
            DashboardViewModel dashboard = new DashboardViewModel(session, background);
            session.investigationProperty().set(investigation);
            RegionTotals totals = dashboard.regionTotalsProperty().get();
            assertThat(totals.counts()).isNotEmpty();
            assertThat(totals.filterText()).isEqualTo("Filter: all incidents");

            layer.show(totals.counts(), totals.filterText(), totals.summary());
            layer.visibleProperty().set(true);
            ChoroplethFrame frame = layer.frameProperty().get();
            assertThat(frame.notOnMap()).isZero();
            assertThat(frame.notOnMapText()).isEmpty();
            assertThat(frame.filterText()).isEqualTo("Filter: all incidents");
            assertThat(frame.summary()).isEqualTo(totals.summary());
            for (Map.Entry<String, Long> e : totals.counts().entrySet()) {
                assertThat(frame.regions()).as(e.getKey()).filteredOn(r -> r.name().equals(e.getKey())).singleElement()
                        .satisfies(r -> {
                            assertThat(r.count()).isEqualTo(e.getValue());
                            assertThat(r.fill()).isPresent();
                            assertThat(r.projected()).isPresent();
                        });
            }
            assertThat(frame.regions().stream().mapToLong(ShadedRegion::count).sum())
                    .isEqualTo(totals.counts().values().stream().mapToLong(Long::longValue).sum());
            // The demo's recorded regions are what reverse lookup gives for the incidents' locations.
            PlaceLookup lookup = GazetteerPlaceLookup.shipped();
            for (Incident incident : investigation.incidents().list(IncidentQuery.ALL)) {
                incident.location().ifPresent(at -> assertThat(lookup.at(at).flatMap(f -> f.admin1()))
                        .as(incident.title()).contains(incident.admin1()));
            }
        } finally {
            investigation.close();
        }
    }

    @Test
    void countsWithoutAnOutlineAreNamedInTheLegendNotDropped() {
        layer.visibleProperty().set(true);
        layer.show(Map.of("Kherson Oblast", 4L, "kharkiv", 1L, "Atlantis Oblast", 2L, "Limburg", 1L),
                "Filter: status Verified", "8 counted; 1 without a region not counted");
        ChoroplethFrame frame = layer.frameProperty().get();
        assertThat(frame.notOnMap()).isEqualTo(3);
        assertThat(frame.notOnMapText()).contains("3 incidents are not on the map: no outline for Atlantis Oblast, Limburg");
        assertThat(frame.filterText()).isEqualTo("Filter: status Verified");
        assertThat(frame.classes().classes()).extracting(ChoroplethClasses.CountClass::range)
                .containsExactly("1", "2", "3", "4");
        ShadedRegion kherson = frame.regionAt(new LatLon(46.9, 33.5)).orElseThrow();
        assertThat(ChoroplethFrame.describe(kherson)).isEqualTo("Kherson Oblast: 4 incidents");
        assertThat(kherson.fill()).isEqualTo(frame.classes().colourOf(4));
        // Every Ukrainian region can be hovered, the ones without incidents say 0 and are not filled.
        ShadedRegion poltava = frame.regionAt(new LatLon(49.6, 34.5)).orElseThrow();
        assertThat(ChoroplethFrame.describe(poltava)).isEqualTo("Poltava Oblast: 0 incidents");
        assertThat(poltava.fill()).isEmpty();
        assertThat(poltava.projected()).isEmpty();
        assertThat(frame.regions()).hasSize(27);
    }

    @Test
    void nothingIsComputedWhileHiddenAndNewNumbersReplaceTheFrame() {
        int before = background.jobs;
        layer.show(Map.of("Odesa Oblast", 1L), "Filter: all incidents", "");
        assertThat(background.jobs).isEqualTo(before);
        assertThat(layer.frameProperty().get().regions()).isEmpty();
        layer.visibleProperty().set(true);
        assertThat(layer.frameProperty().get().regionAt(new LatLon(46.48, 30.72)).map(ShadedRegion::count)).contains(1L);
        layer.show(Map.of("Odesa Oblast", 5L), "Filter: target Ambulance", "");
        assertThat(layer.frameProperty().get().regionAt(new LatLon(46.48, 30.72)).map(ShadedRegion::count)).contains(5L);
        assertThat(layer.frameProperty().get().filterText()).isEqualTo("Filter: target Ambulance");
    }

    @Test
    void projectedOutlinesAreSimplerAtLowZoomAndKeepKyivAsAHole() {
        layer.visibleProperty().set(true);
        layer.show(Map.of("Kyiv Oblast", 2L), "", "");
        ProjectedRegion oblast = layer.frameProperty().get().regions().stream().filter(r -> r.count() == 2)
                .findFirst().orElseThrow().projected().orElseThrow();
        int atZoom4 = oblast.rings(4).stream().mapToInt(r -> r.length / 2).sum();
        assertThat(atZoom4).isLessThan(oblast.vertices() / 4);
        assertThat(oblast.rings(ProjectedRegion.MAX_DETAIL_ZOOM).size()).isGreaterThanOrEqualTo(2);
        assertThat(layer.frameProperty().get().regionAt(new LatLon(50.45, 30.52)).map(ChoroplethFrame::describe))
                .contains("Kyiv: 0 incidents");
    }
}
