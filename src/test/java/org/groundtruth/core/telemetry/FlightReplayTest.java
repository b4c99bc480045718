package org.groundtruth.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.groundtruth.core.geo.Geodesy;
import org.groundtruth.core.geo.LatLon;
import org.junit.jupiter.api.Test;

/** Replaying a track against video time: the sample at a time, footprints when everything is known, pin suggestions. */
class FlightReplayTest {
    private static final LatLon KHERSON = new LatLon(46.6354, 32.6169);

    /** Samples every second flying north, camera yaw 90° (east), pitch −45°, 100 m above take-off. */
    private static FlightTrack track(boolean withAngles) {
        List<TelemetrySample> samples = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            LatLon p = Geodesy.destination(KHERSON, 0, 10.0 * i);
            TelemetrySample s = TelemetrySample.at(i, p.lat(), p.lon()).withFrame(Optional.of(i * 30))
                    .withAltitudes(Optional.of(150.0), Optional.of(100.0));
            samples.add(withAngles ? s.withAngles(Optional.of(90.0), Optional.of(-45.0), Optional.of(0.0), Optional.empty()) : s);
        }
        return new FlightTrack(samples, "DJI SRT", Optional.empty(), Optional.of(30.0), List.of());
    }

    @Test
    void theSampleAtAVideoTimeIsTheLastAtOrBeforeIt() {
        FlightReplay replay = new FlightReplay(track(true), Optional.of("FC3411"), 16.0 / 9, Optional.empty());
        assertThat(replay.at(0).orElseThrow().index()).isZero();
        assertThat(replay.at(2.999).orElseThrow().index()).isEqualTo(2);
        assertThat(replay.at(3.0).orElseThrow().index()).isEqualTo(3);
        assertThat(replay.at(99).orElseThrow().index()).isEqualTo(4);
        assertThat(replay.at(3.0).orElseThrow().frame(30)).isEqualTo(90);
        assertThat(replay.path()).hasSize(5);
        assertThat(new FlightReplay(new FlightTrack(List.of(), "none", Optional.empty(), Optional.empty(), List.of()),
                Optional.empty(), 1.5, Optional.empty()).at(1)).isEmpty();
    }

    @Test
    void footprintFromTheModelsFieldOfViewAndTheSampleAngles() {
        FlightReplay replay = new FlightReplay(track(true), Optional.of("FC3411"), 16.0 / 9, Optional.empty());
        FlightReplay.Moment m = replay.at(1.5).orElseThrow();
        assertThat(replay.horizontalFov()).isPresent();
        assertThat(replay.needsFieldOfView()).isFalse();
        // pitch −45° at 100 m: the frame centre is 100 m out along the camera's yaw (east)
        var leg = Geodesy.measure(m.sample().position(), m.footprint().orElseThrow().centre());
        assertThat(leg.distanceMeters()).isCloseTo(100, within(0.5));
        assertThat(leg.initialAzimuthDegrees()).isCloseTo(90, within(0.5));
        assertThat(m.footprintNote()).contains("flat ground");
    }

    @Test
    void anUnknownCameraNeedsItsFieldOfViewOnce() {
        FlightReplay unknown = new FlightReplay(track(true), Optional.of("Mystery Cam"), 4.0 / 3, Optional.empty());
        assertThat(unknown.needsFieldOfView()).isTrue();
        FlightReplay.Moment m = unknown.at(0).orElseThrow();
        assertThat(m.footprint()).isEmpty();
        assertThat(m.footprintNote()).isEqualTo("field of view unknown for Mystery Cam");
        FlightReplay given = new FlightReplay(track(true), Optional.of("Mystery Cam"), 4.0 / 3, Optional.of(84.0));
        assertThat(given.at(0).orElseThrow().footprint()).isPresent();
        assertThat(given.needsFieldOfView()).isFalse();
    }

    @Test
    void samplesWithoutAnglesHaveNoFootprintAndSayWhy() {
        FlightReplay replay = new FlightReplay(track(false), Optional.of("FC3411"), 16.0 / 9, Optional.empty());
        assertThat(replay.needsFieldOfView()).isFalse();
        assertThat(replay.at(0).orElseThrow().footprintNote()).isEqualTo("no camera yaw in this sample");
    }

    @Test
    void nearestSampleToAClick() {
        FlightReplay replay = new FlightReplay(track(true), Optional.empty(), 1.5, Optional.empty());
        LatLon nearThird = Geodesy.destination(Geodesy.destination(KHERSON, 0, 21), 90, 2);
        assertThat(replay.nearest(nearThird, 5)).contains(2);
        assertThat(replay.nearest(Geodesy.destination(KHERSON, 180, 500), 50)).isEmpty();
    }

    @Test
    void pinSuggestionFromTheFootprintCarriesItsSourceAndIsNeverMorePreciseThanTenMetres() {
        FlightReplay replay = new FlightReplay(track(true), Optional.of("FC3411"), 16.0 / 9, Optional.empty());
        FlightReplay.Moment m = replay.at(2).orElseThrow();
        PinSuggestion s = PinSuggestion.fromFootprint(m, 60, "DJI_0042.MP4", "ev-1", "DJI SRT");
        assertThat(s.target()).isEqualTo(m.footprint().orElseThrow().centre());
        assertThat(s.precisionMeters()).isGreaterThanOrEqualTo(PinSuggestion.MIN_FOOTPRINT_METERS)
                .isGreaterThanOrEqualTo(m.footprint().orElseThrow().uncertaintyMeters());
        assertThat(s.camera().orElseThrow().position()).isEqualTo(m.sample().position());
        assertThat(s.camera().orElseThrow().bearingDegrees()).isEqualTo(90);
        assertThat(s.source()).isEqualTo("telemetry (DJI SRT) of DJI_0042.MP4 (ev-1) at frame 60");
        assertThat(s.method()).startsWith("Camera from telemetry at frame 60").contains("confirm against imagery");

        FlightReplay.Moment none = new FlightReplay(track(false), Optional.empty(), 1.5, Optional.empty()).at(0).orElseThrow();
        assertThatThrownBy(() -> PinSuggestion.fromFootprint(none, 0, "a", "b", "c"))
                .hasMessageContaining("no camera yaw");
    }

    @Test
    void pinSuggestionFromAPhotoIsWhereThePhotographerStood() {
        PinSuggestion s = PinSuggestion.fromPhoto(KHERSON, "EXIF GPS", Optional.of(-30.0), Optional.empty(), "IMG.jpg", "ev-2");
        assertThat(s.target()).isEqualTo(KHERSON);
        assertThat(s.precisionMeters()).isEqualTo(PinSuggestion.PHOTO_GPS_METERS);
        assertThat(s.camera().orElseThrow().bearingDegrees()).isEqualTo(330);
        assertThat(s.source()).isEqualTo("photo GPS (EXIF GPS) of IMG.jpg (ev-2)");
        assertThat(PinSuggestion.fromPhoto(KHERSON, "EXIF GPS", Optional.empty(), Optional.empty(), "a", "b").camera())
                .isEmpty();
    }
}
