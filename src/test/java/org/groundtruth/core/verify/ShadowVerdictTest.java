package org.groundtruth.core.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.Ids;
import org.groundtruth.core.geo.LatLon;
import org.junit.jupiter.api.Test;

/** The sun check's verdict on the claimed time follows from the measured shadow and the sun there that day. */
class ShadowVerdictTest {
    private static final LatLon DNIPRO = new LatLon(48.4647, 35.0462);
    private static final LocalDate DAY = LocalDate.of(2025, 7, 6);

    private static Chronolocation check(Instant claimed, Optional<Double> bearing) {
        List<TimeWindow> windows = bearing.map(b -> SunCalculator.shadowWindows(DNIPRO, DAY, b, 5)).orElse(List.of());
        SunAngles sun = SunCalculator.at(DNIPRO, claimed);
        return new Chronolocation(Ids.next(Chronolocation.ID_PREFIX), Ids.next("inc"), claimed, sun.azimuthDegrees(),
                sun.altitudeDegrees(), bearing, windows, "", "Олена", Instant.parse("2025-07-07T10:00:00Z"));
    }

    @Test
    void aMorningShadowDoesNotFitALateMorningClaim() {
        double morningShadow = SunCalculator.at(DNIPRO, Instant.parse("2025-07-06T06:30:00Z")).shadowBearingDegrees();
        ShadowVerdict v = ShadowVerdict.of(check(Instant.parse("2025-07-06T08:25:00Z"), Optional.of(morningShadow)))
                .orElseThrow();
        assertThat(v.claimedTimeFits()).isFalse();
        assertThat(v.windows()).isNotEmpty();
        assertThat(v.windowsText()).matches("\\d\\d:\\d\\d\u2013\\d\\d:\\d\\d(, \\d\\d:\\d\\d\u2013\\d\\d:\\d\\d)*")
                .contains("06:");
        assertThat(v.claimedText()).isEqualTo("08:25");
        assertThat(v.bearingText()).isEqualTo(String.format(java.util.Locale.ROOT, "%.0f", morningShadow));
    }

    @Test
    void theShadowOfTheClaimedTimeFitsIt() {
        Instant claimed = Instant.parse("2025-07-06T06:30:00Z");
        double shadow = SunCalculator.at(DNIPRO, claimed).shadowBearingDegrees();
        assertThat(ShadowVerdict.of(check(claimed, Optional.of(shadow))).orElseThrow().claimedTimeFits()).isTrue();
    }

    @Test
    void theLastMinuteOfAWindowCountsWhole() {
        TimeWindow w = new TimeWindow(Instant.parse("2025-07-06T06:06:00Z"), Instant.parse("2025-07-06T06:49:00Z"));
        assertThat(ShadowVerdict.fits(Instant.parse("2025-07-06T06:49:59Z"), List.of(w))).isTrue();
        assertThat(ShadowVerdict.fits(Instant.parse("2025-07-06T06:06:00Z"), List.of(w))).isTrue();
        assertThat(ShadowVerdict.fits(Instant.parse("2025-07-06T06:50:00Z"), List.of(w))).isFalse();
        assertThat(ShadowVerdict.fits(Instant.parse("2025-07-06T06:05:59Z"), List.of(w))).isFalse();
    }

    @Test
    void aShadowNoTimeOfTheDayCastsFitsNothing() {
        // At 48° N in July the sun never stands in the north, so no shadow ever points due south.
        ShadowVerdict v = ShadowVerdict.of(check(Instant.parse("2025-07-06T08:25:00Z"), Optional.of(180.0))).orElseThrow();
        assertThat(v.windows()).isEmpty();
        assertThat(v.claimedTimeFits()).isFalse();
        assertThat(v.windowsText()).isEmpty();
    }

    @Test
    void withoutAMeasuredShadowThereIsNoVerdict() {
        assertThat(ShadowVerdict.of(check(Instant.parse("2025-07-06T08:25:00Z"), Optional.empty()))).isEmpty();
    }

    @Test
    void aVerdictThatContradictsItsWindowsIsRefused() {
        TimeWindow w = new TimeWindow(Instant.parse("2025-07-06T06:06:00Z"), Instant.parse("2025-07-06T06:49:00Z"));
        assertThatThrownBy(() -> new ShadowVerdict(300, Instant.parse("2025-07-06T08:25:00Z"), List.of(w), true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ShadowVerdict(361, Instant.parse("2025-07-06T08:25:00Z"), List.of(w), false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
