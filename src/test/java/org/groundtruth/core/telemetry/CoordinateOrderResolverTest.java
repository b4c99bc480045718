package org.groundtruth.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.groundtruth.core.geo.Geodesy;
import org.groundtruth.core.geo.LatLon;
import org.junit.jupiter.api.Test;

/** The order of old DJI GPS(a,b) pairs, decided by reasoning, with the rule that decided. */
class CoordinateOrderResolverTest {
    /** Buenos Aires and Kyiv stand in for a gazetteer. */
    private static final List<LatLon> TOWNS = List.of(new LatLon(-34.6037, -58.3816), new LatLon(50.4501, 30.5234));
    private static final SettlementDistance NEAREST = p -> TOWNS.stream()
            .map(t -> Geodesy.measure(p, t).distanceMeters()).min(Double::compare);
    private final CoordinateOrderResolver resolver = new CoordinateOrderResolver(NEAREST);

    private static OrderEvidence evidence(double a, double b, Optional<String> model, Optional<LatLon> container,
            Optional<CoordinateOrder> override) {
        return new OrderEvidence(List.<double[]>of(new double[] {a, b}), List.of(), model, container, override);
    }

    @Test
    void aValueBeyond90IsALongitude() {
        OrderDecision d = resolver.decide(evidence(149.0251, -20.2533, Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(d.order()).isEqualTo(CoordinateOrder.LON_LAT);
        assertThat(d.rule()).isEqualTo("value-range");
        OrderDecision swapped = resolver.decide(evidence(-20.2533, 149.0251, Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(swapped.order()).isEqualTo(CoordinateOrder.LAT_LON);
    }

    @Test
    void theContainersOwnGpsDecidesWhenBothReadingsAreInRange() {
        OrderDecision d = resolver.decide(evidence(50.4501, 30.5234, Optional.empty(),
                Optional.of(new LatLon(50.4502, 30.5230)), Optional.empty()));
        assertThat(d.order()).isEqualTo(CoordinateOrder.LAT_LON);
        assertThat(d.rule()).isEqualTo("container-gps");
    }

    @Test
    void enterpriseModelsWriteLatitudeFirst() {
        OrderDecision d = resolver.decide(evidence(10.0, 20.0, Optional.of("M2EA"), Optional.empty(), Optional.empty()));
        assertThat(d.order()).isEqualTo(CoordinateOrder.LAT_LON);
        assertThat(d.rule()).isEqualTo("model");
    }

    @Test
    void theHomePointLiesNearASettlement() {
        OrderEvidence home = new OrderEvidence(List.<double[]>of(new double[] {-58.4563, -34.7383}),
                List.<double[]>of(new double[] {-58.4563, -34.7386}), Optional.empty(), Optional.empty(), Optional.empty());
        OrderDecision d = resolver.decide(home);
        assertThat(d.order()).isEqualTo(CoordinateOrder.LON_LAT);
        assertThat(d.rule()).isEqualTo("settlements");
        assertThat(d.reason()).contains("HOME");
    }

    @Test
    void theInvestigatorOverridesEverything() {
        OrderDecision d = resolver.decide(evidence(149.0, -20.0, Optional.empty(), Optional.empty(),
                Optional.of(CoordinateOrder.LAT_LON)));
        assertThat(d.rule()).isEqualTo("override");
        assertThat(d.order()).isEqualTo(CoordinateOrder.LAT_LON);
    }

    @Test
    void withNothingToGoOnTheDefaultSaysSo() {
        OrderDecision d = new CoordinateOrderResolver(SettlementDistance.NONE)
                .decide(evidence(10.0, 20.0, Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(d.order()).isEqualTo(CoordinateOrder.LON_LAT);
        assertThat(d.rule()).isEqualTo("default");
        assertThat(d.reason()).contains("check on the map");
    }
}
