package org.groundtruth.ui.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.incident.Incident;
import org.groundtruth.core.verify.VerificationStatus;
import org.junit.jupiter.api.Test;

class MarkerIndexTest {

    @Test
    void clustersAccountForEveryVisibleMarkerExactlyOnce() {
        List<Incident> incidents = new ArrayList<>();
        Random random = new Random(3);
        for (int i = 0; i < 2000; i++) {
            incidents.add(MapViewModelTest.incident("i" + i, new LatLon(48 + random.nextGaussian(), 36 + random.nextGaussian()),
                    VerificationStatus.values()[i % 8]));
        }
        MarkerIndex index = new MarkerIndex(incidents);
        MapViewport view = MapViewport.centredOn(new LatLon(48, 36), 6, 1600, 1000);
        List<MarkerIndex.Cluster> clusters = index.cluster(view, 44);
        int[] visible = {0};
        index.forEachVisible(view, (i, x, y, s) -> visible[0]++);
        assertThat(clusters.stream().mapToInt(MarkerIndex.Cluster::count).sum()).isEqualTo(visible[0]);
        assertThat(clusters.size()).isLessThan(visible[0]);
    }

    @Test
    void distantMarkersStaySingleAndKeepTheirStatus() {
        MarkerIndex index = new MarkerIndex(List.of(
                MapViewModelTest.incident("a", new LatLon(46.6, 32.6), VerificationStatus.VERIFIED),
                MapViewModelTest.incident("b", new LatLon(48.0, 37.8), VerificationStatus.DISPUTED)));
        List<MarkerIndex.Cluster> clusters = index.cluster(MapViewport.centredOn(new LatLon(47.3, 35.2), 8, 2000, 1400), 44);
        assertThat(clusters).hasSize(2).allMatch(MarkerIndex.Cluster::isSingle);
        assertThat(clusters).extracting(MarkerIndex.Cluster::status)
                .containsExactlyInAnyOrder(VerificationStatus.VERIFIED, VerificationStatus.DISPUTED);
    }

    @Test
    void aClusterTakesTheMostCommonStatus() {
        MarkerIndex index = new MarkerIndex(List.of(
                MapViewModelTest.incident("a", new LatLon(48.0, 37.80), VerificationStatus.VERIFIED),
                MapViewModelTest.incident("b", new LatLon(48.0, 37.8001), VerificationStatus.VERIFIED),
                MapViewModelTest.incident("c", new LatLon(48.0001, 37.80), VerificationStatus.REJECTED)));
        List<MarkerIndex.Cluster> clusters = index.cluster(MapViewport.centredOn(new LatLon(48, 37.8), 6, 800, 600), 44);
        assertThat(clusters).singleElement().satisfies(c -> {
            assertThat(c.count()).isEqualTo(3);
            assertThat(c.status()).isEqualTo(VerificationStatus.VERIFIED);
        });
    }

    @Test
    void clustersDoNotJumpWhenThePanIsSmallerThanACell() {
        List<Incident> incidents = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            incidents.add(MapViewModelTest.incident("i" + i, new LatLon(48 + i * 0.01, 37 + i * 0.013), VerificationStatus.IN_PROGRESS));
        }
        MarkerIndex index = new MarkerIndex(incidents);
        MapViewport view = MapViewport.centredOn(new LatLon(48.2, 37.3), 7, 1600, 1000);
        assertThat(index.cluster(view.panBy(10, 7), 44)).extracting(MarkerIndex.Cluster::count)
                .containsExactlyInAnyOrderElementsOf(index.cluster(view, 44).stream().map(MarkerIndex.Cluster::count).toList());
    }
}
