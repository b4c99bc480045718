package org.groundtruth.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.incident.Incident;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DoubleTapDetectorTest {
    private static final Instant T0 = Instant.parse("2025-07-03T09:10:00Z");
    private static final DoubleTapParameters DEFAULTS = DoubleTapParameters.DEFAULT;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2025})
    void agreesWithTheBruteForceOracleOnRandomData(long seed) {
        List<Incident> incidents = randomInvestigation(new Random(seed), 1200);
        for (DoubleTapParameters p : List.of(DEFAULTS, new DoubleTapParameters(150, Duration.ofMinutes(40)),
                new DoubleTapParameters(3000, Duration.ofHours(12)), new DoubleTapParameters(0, Duration.ofHours(1)))) {
            DoubleTapReport expected = BruteForceDoubleTaps.detect(incidents, p);
            DoubleTapReport actual = new DoubleTapDetector(p).detect(incidents);
            assertThat(actual).isEqualTo(expected);
            if (p.equals(DEFAULTS)) {
                assertThat(actual.pairs()).as("the random data must exercise the search").hasSizeGreaterThan(20);
                assertThat(actual.groups()).anyMatch(DoubleTapGroup::isChain);
                assertThat(actual.skipped()).isPositive();
            }
        }
    }

    @Test
    void aStrikeAtExactlyTheRadiusIsInAndOneMetreFurtherIsOut() {
        LatLon origin = new LatLon(47.5712, 34.3962);
        Incident first = Strikes.at(origin, T0);
        Incident atRadius = Strikes.at(Strikes.destination(origin, 63, 500), T0.plusSeconds(600));
        Incident beyondRadius = Strikes.at(Strikes.destination(origin, 243, 501), T0.plusSeconds(700));
        List<Incident> incidents = List.of(first, atRadius, beyondRadius);
        DoubleTapReport report = new DoubleTapDetector(DEFAULTS).detect(incidents);

        assertThat(report.pairs()).hasSize(1);
        DoubleTapPair pair = report.pairs().get(0);
        assertThat(pair.first()).isEqualTo(first.id());
        assertThat(pair.second()).isEqualTo(atRadius.id());
        assertThat(pair.distanceMeters()).isCloseTo(500, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(pair.gapSeconds()).isEqualTo(600);
        assertThat(report).isEqualTo(BruteForceDoubleTaps.detect(incidents, DEFAULTS));
    }

    @Test
    void aStrikeAtExactlyTheWindowIsInAndTheNextSecondIsOut() {
        LatLon origin = new LatLon(50.0301, 36.2952);
        Incident first = Strikes.at(origin, T0);
        Incident atWindow = Strikes.at(Strikes.destination(origin, 10, 120), T0.plus(Duration.ofHours(3)));
        DoubleTapReport report = new DoubleTapDetector(DEFAULTS).detect(List.of(first, atWindow));
        assertThat(report.pairs()).containsExactly(new DoubleTapPair(first.id(), atWindow.id(),
                report.pairs().get(0).distanceMeters(), 3 * 3600));
        assertThat(report.pairs().get(0).distanceMeters()).isCloseTo(120, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void aStrikeOneSecondPastTheWindowIsNotAFollowUp() {
        LatLon origin = new LatLon(50.0301, 36.2952);
        Incident first = Strikes.at(origin, T0);
        Incident late = Strikes.at(Strikes.destination(origin, 45, 120), T0.plusSeconds(3 * 3600 + 1));
        Incident sameSecond = Strikes.at(Strikes.destination(origin, 90, 50), T0);
        DoubleTapReport report = new DoubleTapDetector(DEFAULTS).detect(List.of(first, late, sameSecond));
        assertThat(report.pairs()).isEmpty();
        assertThat(report.groups()).isEmpty();
        assertThat(report.considered()).isEqualTo(3);
    }

    @Test
    void findsPairsAcrossTheAntimeridianAndAtThePole() {
        Incident east = Strikes.at(-16.5, 179.9990, T0);
        Incident west = Strikes.at(-16.5, -179.9990, T0.plusSeconds(1800));
        Incident pole = Strikes.at(89.9990, 10, T0);
        Incident otherSideOfPole = Strikes.at(89.9990, -170, T0.plusSeconds(60));
        DoubleTapReport report = new DoubleTapDetector(DEFAULTS).detect(List.of(east, west, pole, otherSideOfPole));
        assertThat(report.pairs()).extracting(DoubleTapPair::first, DoubleTapPair::second)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(east.id(), west.id()),
                        org.assertj.core.groups.Tuple.tuple(pole.id(), otherSideOfPole.id()));
        DoubleTapPair across = report.pairs().stream().filter(p -> p.first().equals(east.id())).findFirst().orElseThrow();
        assertThat(across.distanceMeters()).isBetween(200.0, 230.0);
    }

    @Test
    void aChainOfThreeIsOneGroupAndEachFollowUpLinksToTheStrikeBeforeIt() {
        LatLon origin = new LatLon(47.5712, 34.3962);
        Incident a = Strikes.at(origin, T0);
        Incident b = Strikes.at(Strikes.destination(origin, 90, 300), T0.plusSeconds(3000));
        Incident c = Strikes.at(Strikes.destination(origin, 90, 700), T0.plusSeconds(5400));
        Incident elsewhere = Strikes.at(46.4825, 30.7233, T0.plusSeconds(60));
        DoubleTapReport report = new DoubleTapDetector(DEFAULTS).detect(List.of(c, elsewhere, b, a));
        assertThat(report.pairs()).extracting(DoubleTapPair::first, DoubleTapPair::second).containsExactly(
                org.assertj.core.groups.Tuple.tuple(a.id(), b.id()), org.assertj.core.groups.Tuple.tuple(b.id(), c.id()));
        assertThat(report.groups()).containsExactly(new DoubleTapGroup(List.of(a.id(), b.id(), c.id())));
        assertThat(report.groups().get(0).isChain()).isTrue();
        assertThat(report.groupNumbers()).containsOnlyKeys(a.id(), b.id(), c.id()).containsValue(1);
        assertThat(report.groupOf(elsewhere.id())).isEmpty();
    }

    @Test
    void incidentsWithoutLocationOrTimeAreSkippedAndCounted() {
        LatLon origin = new LatLon(46.6425, 32.6480);
        List<Incident> incidents = List.of(Strikes.at(origin, T0), Strikes.withoutLocation(T0.plusSeconds(60)),
                Strikes.withoutTime(origin.lat(), origin.lon()), Strikes.withNeither(), Strikes.withNeither());
        DoubleTapReport report = new DoubleTapDetector(DEFAULTS).detect(incidents);
        assertThat(report.considered()).isEqualTo(1);
        assertThat(report.withoutLocation()).isEqualTo(3);
        assertThat(report.withoutTime()).isEqualTo(3);
        assertThat(report.skipped()).isEqualTo(4);
        assertThat(report.pairs()).isEmpty();
    }

    @Test
    void nothingToSearchIsAnEmptyReport() {
        DoubleTapReport report = new DoubleTapDetector(DEFAULTS).detect(List.of());
        assertThat(report.pairs()).isEmpty();
        assertThat(report.considered()).isZero();
    }

    /**
     * Strikes in a few hot spots (so pairs exist), some spread out, a cluster on the antimeridian and one near the
     * pole, pairs placed at exactly R and exactly T from another strike, and incidents with no place or no time.
     */
    static List<Incident> randomInvestigation(Random random, int size) {
        List<LatLon> hotSpots = List.of(new LatLon(46.6425, 32.6480), new LatLon(47.5712, 34.3962),
                new LatLon(50.0301, 36.2952), new LatLon(-16.5, 179.9995), new LatLon(-16.5, -179.9995),
                new LatLon(89.9995, 0), new LatLon(0, 0));
        List<Incident> incidents = new ArrayList<>();
        Instant start = Instant.parse("2025-06-01T00:00:00Z");
        long span = 20L * 24 * 3600;
        while (incidents.size() < size) {
            int kind = random.nextInt(20);
            Instant when = start.plusSeconds(random.nextLong(span) / 60 * 60);
            if (kind == 0) {
                incidents.add(Strikes.withoutLocation(when));
            } else if (kind == 1) {
                incidents.add(Strikes.withoutTime(46 + random.nextDouble(), 33 + random.nextDouble()));
            } else if (kind == 2) {
                incidents.add(Strikes.withNeither());
            } else if (kind < 6) {
                incidents.add(Strikes.at(44 + random.nextDouble() * 8, 22 + random.nextDouble() * 18, when));
            } else if (kind < 9 && !incidents.isEmpty()) {
                // exactly at a limit of an existing strike: radius 500 m, 150 m or 3 km; window 3 h, 40 min, 1 h
                Incident base = incidents.get(random.nextInt(incidents.size()));
                if (base.location().isEmpty() || base.occurredAt().isEmpty()) {
                    continue;
                }
                double[] radii = {500, 150, 3000, 499.999, 500.01};
                long[] gaps = {3 * 3600, 40 * 60, 3600, 3 * 3600 + 1, 1};
                double r = radii[random.nextInt(radii.length)];
                long gap = gaps[random.nextInt(gaps.length)];
                incidents.add(Strikes.at(Strikes.destination(base.location().get(), random.nextDouble() * 360, r),
                        base.occurredAt().get().plusSeconds(gap)));
            } else {
                LatLon spot = hotSpots.get(random.nextInt(hotSpots.size()));
                double r = random.nextDouble() * 2500;
                LatLon where = Strikes.destination(spot, random.nextDouble() * 360, r);
                Instant clustered = start.plusSeconds((random.nextInt(6) * 86_400L) + random.nextInt(8 * 3600));
                incidents.add(Strikes.at(where, clustered));
            }
        }
        Collections.shuffle(incidents, random);
        return incidents;
    }
}
