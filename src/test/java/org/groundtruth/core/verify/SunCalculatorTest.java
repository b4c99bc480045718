package org.groundtruth.core.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.groundtruth.core.geo.LatLon;
import org.junit.jupiter.api.Test;

class SunCalculatorTest {
    private static final LatLon KHERSON = new LatLon(46.6354, 32.6169);

    @Test
    void khersonOnASummerAfternoonMatchesTheReferenceFigures() {
        // DESIGN.md: Kherson, 2025-07-06 14:00 Kyiv time (UTC+3): azimuth 214.48°, altitude 62.60° (NOAA within 0.02°).
        SunAngles sun = SunCalculator.at(KHERSON, Instant.parse("2025-07-06T11:00:00Z"));
        assertThat(sun.azimuthDegrees()).isCloseTo(214.48, within(0.1));
        assertThat(sun.altitudeDegrees()).isCloseTo(62.60, within(0.1));
        assertThat(sun.shadowBearingDegrees()).isCloseTo(34.48, within(0.1));
        assertThat(sun.shadowLengthPerMetre()).isCloseTo(1 / Math.tan(Math.toRadians(sun.altitudeDegrees())), within(1e-9));
    }

    @Test
    void atNightThereIsNoShadow() {
        SunAngles sun = SunCalculator.at(KHERSON, Instant.parse("2025-07-06T21:00:00Z"));
        assertThat(sun.isUp()).isFalse();
        assertThat(sun.shadowLengthPerMetre()).isInfinite();
    }

    @Test
    void theInverseFindsTheTimeAShadowBearingWasMeasured() {
        Instant truth = Instant.parse("2025-07-06T08:20:00Z");
        double measured = SunCalculator.at(KHERSON, truth).shadowBearingDegrees();
        List<TimeWindow> windows = SunCalculator.shadowWindows(KHERSON, LocalDate.parse("2025-07-06"), measured, 2);
        assertThat(windows).hasSize(1);
        assertThat(windows.get(0).from()).isBeforeOrEqualTo(truth);
        assertThat(windows.get(0).to()).isAfterOrEqualTo(truth);
        assertThat(java.time.Duration.between(windows.get(0).from(), windows.get(0).to()).toMinutes()).isLessThan(60);
    }

    @Test
    void bearingsWrapAroundNorth() {
        assertThat(SunCalculator.angleBetween(359, 1)).isEqualTo(2);
        assertThat(SunCalculator.angleBetween(90, 270)).isEqualTo(180);
    }
}
