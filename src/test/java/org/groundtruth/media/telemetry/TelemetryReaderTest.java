package org.groundtruth.media.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.geo.Geodesy;
import org.groundtruth.core.geo.LatLon;
import org.groundtruth.core.telemetry.CoordinateOrder;
import org.groundtruth.core.telemetry.CoordinateOrderResolver;
import org.groundtruth.core.telemetry.FlightTrack;
import org.groundtruth.core.telemetry.SettlementDistance;
import org.groundtruth.core.telemetry.TelemetrySample;
import org.groundtruth.media.MediaFormatException;
import org.groundtruth.media.SrtTelemetryParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tracks from the real files in ../shared/data and from generated SRT files of each coordinate order. */
class TelemetryReaderTest {
    private static final Path MEDIA = Path.of("..", "shared", "data", "media");
    /** Kyiv and Buenos Aires stand in for the gazetteer. */
    private static final SettlementDistance TOWNS = p -> List.of(new LatLon(50.4501, 30.5234), new LatLon(-34.6037, -58.3816))
            .stream().map(t -> Geodesy.measure(p, t).distanceMeters()).min(Double::compare);
    private final TelemetryReader reader = new TelemetryReader(new CoordinateOrderResolver(TOWNS));

    @TempDir
    Path tmp;

    private static String oldSrt(String home, String... gps) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < gps.length; i++) {
            b.append(i + 1).append('\n').append(String.format("00:00:%02d,000 --> 00:00:%02d,000%n", i, i + 1))
                    .append("HOME(").append(home).append(") 2025.07.06 10:15:0").append(i).append('\n')
                    .append("GPS(").append(gps[i]).append(") BAROMETER:45.2\n")
                    .append("ISO:100 Shutter:400 EV:0 Fnum:F2.8\n\n");
        }
        return b.toString();
    }

    @Test
    void oldSrtLongitudeFirstWithAHomeLineNearKyiv() throws Exception {
        Path srt = Files.writeString(tmp.resolve("lonlat.SRT"), oldSrt("30.5230,50.4500", "30.5231,50.4502,120", "30.5233,50.4503,121"));
        FlightTrack track = reader.read(srt, Optional.empty()).track();
        assertThat(track.order().orElseThrow().order()).isEqualTo(CoordinateOrder.LON_LAT);
        assertThat(track.order().get().rule()).isEqualTo("settlements");
        TelemetrySample first = track.samples().get(0);
        assertThat(first.lat()).isEqualTo(50.4502);
        assertThat(first.lon()).isEqualTo(30.5231);
        assertThat(first.altitudeMetres()).contains(120.0);
        assertThat(first.relativeAltitudeMetres()).contains(45.2);
        assertThat(first.exposure().iso()).contains(100);
        assertThat(first.localTime().orElseThrow().toString()).isEqualTo("2025-07-06T10:15");
    }

    @Test
    void oldSrtLatitudeFirstWithAHomeLineNearKyiv() throws Exception {
        Path srt = Files.writeString(tmp.resolve("latlon.SRT"), oldSrt("50.4500,30.5230", "50.4502,30.5231,120"));
        FlightTrack track = reader.read(srt, Optional.empty()).track();
        assertThat(track.order().orElseThrow().order()).isEqualTo(CoordinateOrder.LAT_LON);
        assertThat(track.samples().get(0).lat()).isEqualTo(50.4502);
        assertThat(track.samples().get(0).lon()).isEqualTo(30.5231);
        // the investigator can override, and the rule says so
        FlightTrack overridden = reader.read(srt, Optional.of(CoordinateOrder.LON_LAT)).track();
        assertThat(overridden.order().get().rule()).isEqualTo("override");
        assertThat(overridden.samples().get(0).lat()).isEqualTo(30.5231);
    }

    @Test
    void realSrtOfEveryGeneration() {
        FlightTrack pro = reader.read(MEDIA.resolve("dji-srt/mavic_pro.SRT"), Optional.empty()).track();
        assertThat(pro.order().orElseThrow().rule()).isEqualTo("value-range");
        assertThat(pro.samples().get(0).lat()).isEqualTo(-20.2533);
        FlightTrack broken = reader.read(MEDIA.resolve("dji-srt/broken_incomplete.SRT"), Optional.empty()).track();
        assertThat(broken.order().orElseThrow().rule()).isEqualTo("settlements");
        assertThat(broken.samples()).hasSize(19);
        assertThat(broken.samples().get(0).lat()).isEqualTo(-34.7383);
        FlightTrack air2s = reader.read(MEDIA.resolve("dji-srt/air2s.srt"), Optional.empty()).track();
        assertThat(air2s.order()).isEmpty();
        assertThat(air2s.samples()).hasSize(17);
        assertThat(air2s.samples().get(1).frame()).contains(1);
        assertThat(air2s.samples().get(0).exposure().focalLengthMm()).contains(24.0);
        assertThat(air2s.samples().get(0).exposure().fNumber()).contains(2.8);
        assertThat(reader.read(MEDIA.resolve("dji-srt/mavic_air.SRT"), Optional.empty()).track().samples()).isEmpty();
    }

    @Test
    void newGenerationWithGimbalAnglesAndWithoutTimecodeLines() throws Exception {
        String srt = "<font size=\"28\">FrameCnt: 1, DiffTime: 33ms\n2023-03-18 10:13:27.123\n[iso: 100] [focal_len: 24.00]"
                + " [latitude: 46.635400] [longtitude: 32.616900] [rel_alt: 40.000 abs_alt: 86.184]"
                + " [gb_yaw: 12.5 gb_pitch: -90.0 gb_roll: 0.0] </font>\n\n"
                + "<font size=\"28\">FrameCnt: 2, DiffTime: 33ms\n2023-03-18 10:13:27.156\n[latitude: 46.635410]"
                + " [longtitude: 32.616910] [rel_alt: 40.100 abs_alt: 86.284] [gb_yaw: 12.6 gb_pitch: -89.0 gb_roll: 0.1] </font>\n";
        FlightTrack track = new SrtTelemetryParser(new CoordinateOrderResolver(SettlementDistance.NONE))
                .parse(srt.getBytes(StandardCharsets.UTF_8), SrtTelemetryParser.Hints.NONE).track();
        assertThat(track.samples()).hasSize(2);
        TelemetrySample second = track.samples().get(1);
        assertThat(second.frame()).contains(1);
        assertThat(second.timeSeconds()).isCloseTo(0.033, within(1e-9));
        assertThat(second.relativeAltitudeMetres()).contains(40.1);
        assertThat(second.altitudeMetres()).contains(86.284);
        assertThat(second.yawDegrees()).contains(12.6);
        assertThat(second.pitchDegrees()).contains(-89.0);
        assertThat(second.rollDegrees()).contains(0.1);
    }

    @Test
    void goProGpmfTrackMapsToVideoFrames() {
        TelemetryFile file = reader.read(MEDIA.resolve("video/gopro-max-heromode.mp4"), Optional.empty());
        FlightTrack track = file.track();
        assertThat(track.format()).isEqualTo(GoProTelemetryReader.FORMAT);
        // exiftool -ee lists 191 GPS5 samples in this file; the first is 33.12677, -117.3273436, -22.959 m
        assertThat(track.samples()).hasSize(191);
        TelemetrySample first = track.samples().get(0);
        assertThat(first.lat()).isCloseTo(33.12677, within(1e-7));
        assertThat(first.lon()).isCloseTo(-117.3273436, within(1e-7));
        assertThat(first.altitudeMetres().orElseThrow()).isCloseTo(-22.959, within(1e-3));
        assertThat(first.utcTime().orElseThrow().toString()).isEqualTo("2019-11-18T23:45:14Z");
        TelemetrySample last = track.samples().get(track.samples().size() - 1);
        assertThat(last.timeSeconds()).isBetween(10.0, 10.6);
        assertThat(last.frame().orElseThrow()).isEqualTo((int) Math.round(last.timeSeconds() * track.frameRate().orElseThrow()));
        assertThat(track.samples()).isSortedAccordingTo((a, b) -> Double.compare(a.timeSeconds(), b.timeSeconds()));
    }

    @Test
    void djiPhotoGivesOnePointWithGimbalAngles() {
        TelemetryFile file = reader.read(Path.of("..", "shared", "data", "aerial", "brighton-beach", "images", "DJI_0018.JPG"),
                Optional.empty());
        TelemetrySample s = file.track().samples().get(0);
        assertThat(file.track().format()).isEqualTo(PhotoTelemetryReader.FORMAT_XMP);
        assertThat(s.lat()).isCloseTo(46.8426070833, within(1e-9));
        assertThat(s.lon()).isCloseTo(-91.9945598889, within(1e-9));
        assertThat(s.relativeAltitudeMetres()).contains(39.8);
        assertThat(s.altitudeMetres()).contains(198.31);
        assertThat(s.yawDegrees()).contains(45.0);
        assertThat(s.pitchDegrees()).contains(-89.9);
        assertThat(s.rollDegrees()).contains(0.0);
        assertThat(s.flightYawDegrees()).contains(46.0);
        assertThat(file.model()).contains("FC300S");
        assertThat(file.aspectRatio().orElseThrow()).isCloseTo(4000.0 / 2250, within(1e-9));
    }

    @Test
    void videoWithAnSrtSidecarUsesItAndItsContainerGps() throws Exception {
        Path video = Files.copy(MEDIA.resolve("video/with-gps.mp4"), tmp.resolve("DJI_0001.MP4"));
        // with-gps.mp4 says 51.4169, -0.0806 (London): both readings of GPS(a,b) are in range; the container decides
        Files.writeString(tmp.resolve("DJI_0001.SRT"), oldSrt("51.4168,-0.0805", "51.4169,-0.0806,30", "51.4170,-0.0807,31"));
        TelemetryFile file = reader.read(video, Optional.empty());
        assertThat(file.readFrom().getFileName().toString()).isEqualTo("DJI_0001.SRT");
        assertThat(file.track().order().orElseThrow().rule()).isEqualTo("container-gps");
        assertThat(file.track().samples().get(0).lat()).isEqualTo(51.4169);
        assertThat(file.track().samples().get(1).frame()).isPresent();
    }

    @Test
    void aVideoWithoutTelemetryGivesItsContainerPointAndAPhotoWithoutGpsNothing() {
        FlightTrack point = reader.read(MEDIA.resolve("video/with-gps.mp4"), Optional.empty()).track();
        assertThat(point.samples()).hasSize(1);
        assertThat(point.warnings()).anyMatch(w -> w.contains("no telemetry track"));
        FlightTrack none = reader.read(MEDIA.resolve("jpg/Canon EOS 1000D.jpg"), Optional.empty()).track();
        assertThat(none.samples()).isEmpty();
        assertThat(none.warnings()).containsExactly("the photo has no GPS position");
    }

    @Test
    void garbageIsRefused() throws Exception {
        Path junk = Files.write(tmp.resolve("junk.mp4"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertThatThrownBy(() -> reader.read(junk, Optional.empty())).isInstanceOf(MediaFormatException.class);
    }
}
