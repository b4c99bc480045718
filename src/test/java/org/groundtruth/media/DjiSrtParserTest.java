package org.groundtruth.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDateTime;
import org.groundtruth.core.evidence.GpsFix;
import org.groundtruth.core.evidence.TelemetryTrack;
import org.junit.jupiter.api.Test;

/** The DJI sidecars in ../shared/data/media/dji-srt, both firmware generations, and damaged input. */
class DjiSrtParserTest {
    private final DjiSrtParser parser = new DjiSrtParser();

    private TelemetryTrack parse(String name) throws IOException {
        return parser.parse(Files.readAllBytes(SharedMedia.file("dji-srt/" + name)));
    }

    @Test
    void oldFirmwareWritesLongitudeFirst() throws IOException {
        TelemetryTrack track = parse("mavic_pro.SRT");
        GpsFix first = track.fixes().get(0).position();
        // GPS(149.0251,-20.2533,16): Queensland, Australia, not a point in the Indian Ocean
        assertThat(first.latitudeDegrees()).isCloseTo(-20.2533, within(1e-9));
        assertThat(first.longitudeDegrees()).isCloseTo(149.0251, within(1e-9));
        assertThat(first.altitudeMetres()).contains(16.0);
        assertThat(track.fixes().get(0).deviceTime()).contains(LocalDateTime.of(2017, 8, 5, 14, 11, 51));
        assertThat(track.fixes().get(0).videoTimeSeconds()).isEqualTo(1.0);
        assertThat(track.fixes()).hasSize(track.blocks());
        assertThat(track.warnings()).isEmpty();
    }

    @Test
    void miniWritesGpsWithSpaces() throws IOException {
        TelemetryTrack track = parse("mavic_mini.SRT");
        assertThat(track.fixes()).isNotEmpty().hasSize(track.blocks());
        GpsFix first = track.fixes().get(0).position();
        assertThat(first.latitudeDegrees()).isCloseTo(48.0771, within(1e-9));
        assertThat(first.longitudeDegrees()).isCloseTo(-121.7458, within(1e-9));
    }

    @Test
    void newFirmwareUsesNamedFields() throws IOException {
        TelemetryTrack track = parse("air2s.srt");
        assertThat(track.blocks()).isEqualTo(17);
        assertThat(track.fixes()).hasSize(17);
        GpsFix first = track.fixes().get(0).position();
        assertThat(first.latitudeDegrees()).isCloseTo(41.424724, within(1e-9));
        assertThat(first.longitudeDegrees()).isCloseTo(2.234156, within(1e-9));
        assertThat(first.altitudeMetres()).contains(117.0);
        assertThat(track.fixes().get(1).videoTimeSeconds()).isCloseTo(0.033, within(1e-9));
        assertThat(track.fixes().get(0).deviceTime()).contains(LocalDateTime.of(2022, 8, 7, 13, 40, 40));
    }

    @Test
    void misspelledLongitudeAndRelativeAltitudeAreRead() {
        String srt = "1\n00:00:00,000 --> 00:00:00,033\n<font size=\"28\">FrameCnt: 1, DiffTime: 33ms\n"
                + "2023-03-18 10:13:27.123\n[iso: 100] [latitude: 50.450100] [longtitude: 30.523400] "
                + "[rel_alt: 1.300 abs_alt: 186.184] </font>\n";
        TelemetryTrack track = parser.parse(srt.getBytes(StandardCharsets.UTF_8));
        GpsFix fix = track.fixes().get(0).position();
        assertThat(fix.latitudeDegrees()).isEqualTo(50.4501);
        assertThat(fix.longitudeDegrees()).isEqualTo(30.5234);
        assertThat(fix.altitudeMetres()).contains(186.184);
    }

    @Test
    void fileWithoutGpsHasNoFixesAndSaysSo() throws IOException {
        TelemetryTrack track = parse("mavic_air.SRT");
        assertThat(track.blocks()).isEqualTo(2);
        assertThat(track.fixes()).isEmpty();
        assertThat(track.warnings()).containsExactly("no GPS position in 2 block(s)");
    }

    @Test
    void truncatedFileGivesFixesSoFarAndAWarning() throws IOException {
        TelemetryTrack track = parse("broken_incomplete.SRT");
        assertThat(track.fixes()).hasSize(19);
        assertThat(track.fixes().get(18).position().latitudeDegrees()).isCloseTo(-34.7383, within(1e-9));
        assertThat(track.warnings()).singleElement().asString().startsWith("truncated: block 20");
    }

    @Test
    void zeroZeroIsNoFix() {
        String srt = "1\n00:00:00,000 --> 00:00:01,000\nGPS(0.0,0.0,0) BAROMETER:1.0\n\n"
                + "2\n00:00:01,000 --> 00:00:02,000\nGPS(30.5,50.4,10) BAROMETER:1.0\n";
        TelemetryTrack track = parser.parse(srt.getBytes(StandardCharsets.UTF_8));
        assertThat(track.fixes()).singleElement().satisfies(f -> assertThat(f.sequence()).isEqualTo(2));
        assertThat(track.warnings()).containsExactly("1 block(s) without a GPS position");
    }

    @Test
    void garbageIsRefusedWithAClearReason() throws Exception {
        byte[] garbage = Files.readAllBytes(java.nio.file.Path.of(getClass().getResource("/media/broken.srt").toURI()));
        assertThatThrownBy(() -> parser.parse(garbage)).isInstanceOf(MediaFormatException.class)
                .hasMessage("not an SRT telemetry file (no subtitle block found)");
    }

    @Test
    void recognisesSrtFromItsFirstLines() {
        assertThat(DjiSrtParser.looksLikeSrt("\uFEFF1\r\n00:00:00,000 --> 00:00:00,033\r\n")).isTrue();
        assertThat(DjiSrtParser.looksLikeSrt("hello\nworld\n")).isFalse();
    }
}
