package org.groundtruth.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.groundtruth.core.geo.Geodesy;
import org.groundtruth.core.geo.LatLon;
import org.junit.jupiter.api.Test;

/** The footprint against geometry checked by hand. */
class FootprintCalculatorTest {
    private static final LatLon KHERSON = new LatLon(46.6354, 32.6169);

    @Test
    void nadirAt40MetresWith84DegreesCovers72MetresAcross() {
        // 2 × 40 m × tan(42°) = 72.03 m
        Footprint f = FootprintCalculator.compute(new CameraPose(KHERSON, 40, 0, -90, 0, 84, 4.0 / 3)).footprint().orElseThrow();
        assertThat(FootprintCalculator.edgeMeters(f, true)).isCloseTo(72.0, within(0.1));
        assertThat(FootprintCalculator.edgeMeters(f, false)).isCloseTo(72.0, within(0.1));
        // 4:3 → 54.0 m along the frame's vertical (north-south with yaw 0)
        assertThat(Geodesy.measure(f.corners().get(0), f.corners().get(3)).distanceMeters()).isCloseTo(54.0, within(0.1));
        assertThat(Geodesy.measure(KHERSON, f.centre()).distanceMeters()).isLessThan(0.01);
        // yaw 0: the top of the frame is north, its left is west
        assertThat(f.corners().get(0).lat()).isGreaterThan(KHERSON.lat());
        assertThat(f.corners().get(0).lon()).isLessThan(KHERSON.lon());
        assertThat(f.corners().get(2).lat()).isLessThan(KHERSON.lat());
        assertThat(f.corners().get(2).lon()).isGreaterThan(KHERSON.lon());
    }

    @Test
    void obliqueViewLooksAheadAlongTheYaw() {
        // pitch −45° east from 100 m: the centre is 100 m east, the far edge wider than the near one
        Footprint f = FootprintCalculator.compute(new CameraPose(KHERSON, 100, 90, -45, 0, 60, 16.0 / 9)).footprint().orElseThrow();
        var leg = Geodesy.measure(KHERSON, f.centre());
        assertThat(leg.distanceMeters()).isCloseTo(100, within(0.05));
        assertThat(leg.initialAzimuthDegrees()).isCloseTo(90, within(0.01));
        assertThat(FootprintCalculator.edgeMeters(f, true)).isGreaterThan(FootprintCalculator.edgeMeters(f, false));
        assertThat(f.uncertaintyMeters()).isGreaterThan(3).isLessThan(20);
    }

    @Test
    void rollTurnsTheFrameOnTheGround() {
        Footprint level = FootprintCalculator.compute(new CameraPose(KHERSON, 40, 0, -90, 0, 84, 1)).footprint().orElseThrow();
        Footprint rolled = FootprintCalculator.compute(new CameraPose(KHERSON, 40, 0, -90, 90, 84, 1)).footprint().orElseThrow();
        // a square frame rolled 90° covers the same square, corners moved one place round
        assertThat(Geodesy.measure(level.corners().get(1), rolled.corners().get(0)).distanceMeters()).isLessThan(0.01);
    }

    @Test
    void aCameraAboveTheHorizonHasNoFootprint() {
        FootprintResult level = FootprintCalculator.compute(new CameraPose(KHERSON, 40, 0, 0, 0, 84, 16.0 / 9));
        assertThat(level.footprint()).isEmpty();
        assertThat(level.aboveHorizon().orElseThrow()).contains("above the horizon", "top-left");
        // looking down 20° with a 60° tall frame: the top edge is 10° above the horizon
        assertThat(FootprintCalculator.compute(new CameraPose(KHERSON, 40, 0, -20, 0, 90, 1)).aboveHorizon()).isPresent();
    }

    @Test
    void fieldOfViewFromTheTable() {
        assertThat(CameraModels.horizontalFov("FC300S", 16.0 / 9).orElseThrow()).isCloseTo(86.1, within(0.1)); // 2·atan(tan 47° · 16/√(16²+9²))
        assertThat(CameraModels.horizontalFromDiagonal(84, 1e6)).isCloseTo(84, within(0.01));
        assertThat(CameraModels.horizontalFov("Unknown Cam 9000", 1.5)).isEmpty();
    }
}
