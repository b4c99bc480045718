package org.groundtruth.ui.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.evidence.GpsFix;
import org.groundtruth.core.evidence.TelemetryFix;
import org.groundtruth.core.evidence.TelemetryTrack;
import org.groundtruth.media.DjiSrtParser;
import org.groundtruth.media.SharedMedia;
import org.junit.jupiter.api.Test;

class TrackShapeTest {
    private static TelemetryFix fix(int n, double t, double lat, double lon) {
        return new TelemetryFix(n, t, Optional.empty(), GpsFix.of(lat, lon, Optional.empty(), "test").orElseThrow());
    }

    @Test
    void aKilometreNorthIsDrawnUpwardsAndMeasured() {
        // 0.008993° of latitude is 1 km
        TelemetryTrack track = new TelemetryTrack(List.of(fix(1, 0, 50.0, 30.0), fix(2, 60, 50.008993, 30.0)), 2, List.of());
        TrackShape shape = TrackShape.of(track, 200, 200, 10);
        assertThat(shape.lengthMetres()).isCloseTo(1000, within(2.0));
        assertThat(shape.durationSeconds()).isEqualTo(60);
        assertThat(shape.points().get(0)[1]).isCloseTo(190, within(0.01)); // start at the bottom
        assertThat(shape.points().get(1)[1]).isCloseTo(10, within(0.01)); // north is up
        assertThat(shape.points().get(0)[0]).isCloseTo(100, within(0.5)); // centred (a straight line is given 1 m of width)
    }

    @Test
    void realFlightFitsItsBox() throws Exception {
        TelemetryTrack track = new DjiSrtParser().parse(Files.readAllBytes(SharedMedia.file("dji-srt/mavic_pro.SRT")));
        TrackShape shape = TrackShape.of(track, 640, 360, 20);
        assertThat(shape.points()).hasSize(track.fixes().size()).allSatisfy(p -> {
            assertThat(p[0]).isBetween(19.99, 620.01);
            assertThat(p[1]).isBetween(19.99, 340.01);
        });
        assertThat(shape.lengthMetres()).isPositive();
        assertThat(TrackShape.of(new TelemetryTrack(List.of(), 0, List.of()), 100, 100, 5).points()).isEmpty();
    }
}
