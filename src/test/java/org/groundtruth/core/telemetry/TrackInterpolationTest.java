package org.groundtruth.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The camera between telemetry samples: linear position and height, yaw the short way round, no bridging of gaps. */
class TrackInterpolationTest {
    private static TelemetrySample sample(double t, double lat, double lon, double rel, double yaw, double pitch) {
        return TelemetrySample.at(t, lat, lon).withFrame(Optional.of((int) Math.round(t * 30)))
                .withAltitudes(Optional.of(100 + rel), Optional.of(rel))
                .withAngles(Optional.of(yaw), Optional.of(pitch), Optional.of(0.0), Optional.of(yaw));
    }

    @Test
    void positionAndHeightAreLinearInTime() {
        TelemetrySample a = sample(1.0, 46.0, 32.0, 40, 10, -90)
                .withLocalTime(Optional.of(LocalDateTime.parse("2025-06-01T10:00:00")))
                .withUtcTime(Optional.of(Instant.parse("2025-06-01T07:00:00Z")));
        TelemetrySample b = sample(2.0, 46.001, 32.002, 60, 30, -60);
        TelemetrySample m = TrackInterpolation.between(a, b, 1.25);
        assertThat(m.lat()).isCloseTo(46.00025, within(1e-9));
        assertThat(m.lon()).isCloseTo(32.0005, within(1e-9));
        assertThat(m.relativeAltitudeMetres()).hasValueSatisfying(h -> assertThat(h).isCloseTo(45, within(1e-9)));
        assertThat(m.altitudeMetres()).hasValueSatisfying(h -> assertThat(h).isCloseTo(145, within(1e-9)));
        assertThat(m.yawDegrees()).hasValueSatisfying(y -> assertThat(y).isCloseTo(15, within(1e-9)));
        assertThat(m.pitchDegrees()).hasValueSatisfying(p -> assertThat(p).isCloseTo(-82.5, within(1e-9)));
        assertThat(m.timeSeconds()).isEqualTo(1.25);
        assertThat(m.frame()).isEmpty(); // its frame follows from its time
        assertThat(m.localTime()).contains(LocalDateTime.parse("2025-06-01T10:00:00.250"));
        assertThat(m.utcTime()).contains(Instant.parse("2025-06-01T07:00:00.250Z"));
    }

    @Test
    void yawTurnsTheShortWayAcrossNorth() {
        TelemetrySample a = sample(0, 46, 32, 40, 350, -45);
        TelemetrySample b = sample(1, 46, 32, 40, 10, -45);
        assertThat(TrackInterpolation.between(a, b, 0.25).yawDegrees().orElseThrow()).isCloseTo(355, within(1e-9));
        assertThat(TrackInterpolation.between(a, b, 0.75).yawDegrees().orElseThrow()).isCloseTo(365 - 360, within(1e-9));
        // DJI writes gimbal yaw −180…180: 170 → −170 passes south (180), not north
        TelemetrySample c = sample(0, 46, 32, 40, 170, -45);
        TelemetrySample d = sample(1, 46, 32, 40, -170, -45);
        double half = TrackInterpolation.between(c, d, 0.5).yawDegrees().orElseThrow();
        assertThat(((half % 360) + 360) % 360).isCloseTo(180, within(1e-9));
        assertThat(TrackInterpolation.shortestArc(10, 350)).isEqualTo(-20);
        assertThat(TrackInterpolation.shortestArc(-170, 170)).isEqualTo(-20);
    }

    @Test
    void aValueOnlyTheEarlierSampleHasIsHeld() {
        TelemetrySample a = sample(0, 46, 32, 40, 90, -45);
        TelemetrySample b = TelemetrySample.at(1, 46.001, 32);
        TelemetrySample m = TrackInterpolation.between(a, b, 0.5);
        assertThat(m.yawDegrees()).contains(90.0);
        assertThat(m.relativeAltitudeMetres()).contains(40.0);
        assertThat(TrackInterpolation.between(b.withFrame(Optional.empty()), sample(2, 46, 32, 40, 0, 0), 1.5)
                .yawDegrees()).isEmpty();
    }

    @Test
    void samplesMoreThanTwoSecondsApartAreNotBridged() {
        TelemetrySample a = sample(0, 46, 32, 40, 0, -90);
        assertThat(TrackInterpolation.bridges(a, sample(2.0, 46, 32, 40, 0, -90))).isTrue();
        assertThat(TrackInterpolation.bridges(a, sample(2.5, 46, 32, 40, 0, -90))).isFalse();
        assertThatThrownBy(() -> TrackInterpolation.between(a, sample(3, 46.1, 32, 40, 0, -90), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not interpolated across");
    }

    @Test
    void theReplayGlidesBetweenSamplesButHoldsAcrossAGap() {
        List<TelemetrySample> samples = List.of(sample(0, 46.0, 32, 40, 350, -90), sample(1, 46.001, 32, 60, 10, -90),
                sample(5, 46.1, 32, 60, 90, -90));
        FlightReplay replay = new FlightReplay(new FlightTrack(samples, "DJI SRT", Optional.empty(), Optional.of(30.0),
                List.of()), Optional.of("FC3411"), 16.0 / 9, Optional.empty());
        FlightReplay.Moment mid = replay.at(0.5).orElseThrow();
        assertThat(mid.index()).isZero();
        assertThat(mid.sample().lat()).isCloseTo(46.0005, within(1e-9));
        assertThat(mid.sample().yawDegrees().orElseThrow()).isCloseTo(360, within(1e-9));
        assertThat(mid.frame(30)).isEqualTo(15);
        // the footprint follows the interpolated camera: nadir centre under the interpolated position, 50 m up
        assertThat(mid.footprint().orElseThrow().centre().lat()).isCloseTo(46.0005, within(1e-7));
        assertThat(mid.pose().orElseThrow().heightAboveGroundMetres()).isCloseTo(50, within(1e-9));
        // half a frame before a sample counts as that sample
        assertThat(replay.at(1 - 0.01, 0.5 / 30).orElseThrow().sample()).isEqualTo(samples.get(1));
        // 1 s → 5 s is a gap over 2 s: the camera stays at the sample before it
        FlightReplay.Moment inGap = replay.at(3).orElseThrow();
        assertThat(inGap.index()).isEqualTo(1);
        assertThat(inGap.sample()).isEqualTo(samples.get(1));
        assertThat(replay.at(7).orElseThrow().sample()).isEqualTo(samples.get(2));
    }
}
