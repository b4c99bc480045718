package org.groundtruth.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.groundtruth.core.evidence.GpsFix;
import org.groundtruth.core.evidence.MediaMetadata;
import org.groundtruth.core.evidence.MetadataTag;
import org.groundtruth.core.telemetry.TelemetrySample;
import org.groundtruth.media.telemetry.PhotoTelemetryReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FLIR thermal JPEGs: the GPS record in FLIR's own APP1 segments (FFF record 0x2b), signed by its reference letters,
 * read like EXIF GPS. The files are a real camera JPEG (no GPS of its own) with FLIR segments written from the
 * documented layout ({@link FlirJpegs}); exiftool 12.57 reads the same segments from them.
 */
class FlirGpsTest {
    private static final Path BASE = SharedMedia.file("jpg/Canon EOS 1000D.jpg");
    @TempDir
    Path tmp;

    private static String tag(MediaMetadata m, String directory, String name) {
        return m.tags().stream().filter(t -> t.group().equals(directory) && t.name().equals(name))
                .map(MetadataTag::value).findFirst().orElseThrow(() -> new AssertionError("no " + directory + " " + name));
    }

    @Test
    void unsignedNumbersTakeTheirSignFromTheReferenceLetters() throws Exception {
        // Buenos Aires written as a camera may: positive numbers, S and W letters; chunks stored out of order
        Path file = FlirJpegs.write(BASE, tmp.resolve("flir.jpg"),
                new FlirJpegs.Gps(true, "S", 34.6037, "W", 58.3816, 25.5f, 123.5f), 3, true);
        MediaMetadata m = new MetadataReader().read(file);
        GpsFix fix = m.summary().gps().orElseThrow();
        assertThat(fix.latitudeDegrees()).isEqualTo(-34.6037);
        assertThat(fix.longitudeDegrees()).isEqualTo(-58.3816);
        assertThat(fix.altitudeMetres().orElseThrow()).isCloseTo(25.5, within(1e-6));
        assertThat(fix.source()).isEqualTo("FLIR GPS");
        assertThat(tag(m, "FLIR", "Camera Model")).isEqualTo("FLIR T640");
        assertThat(tag(m, "FLIR", "GPS Latitude Ref")).isEqualTo("S");
        assertThat(tag(m, "FLIR", "GPS Img Direction")).startsWith("123.5");
        assertThat(tag(m, "FLIR", "GPS Map Datum")).isEqualTo("WGS-84");
        // the rest of the photo's metadata is read as before
        assertThat(m.summary().model()).contains("Canon EOS 1000D");
        assertThat(m.warnings()).isEmpty();

        // the one-point track of the photo: the same position, the direction as the camera's yaw
        TelemetrySample only = new PhotoTelemetryReader().read(file).track().samples().get(0);
        assertThat(only.lat()).isEqualTo(-34.6037);
        assertThat(only.lon()).isEqualTo(-58.3816);
        assertThat(only.yawDegrees().orElseThrow()).isCloseTo(123.5, within(1e-6));
        assertThat(new PhotoTelemetryReader().read(file).track().format()).isEqualTo("FLIR GPS");
    }

    @Test
    void signedNumbersWithoutLettersKeepTheirSign() throws Exception {
        Path file = FlirJpegs.write(BASE, tmp.resolve("flir.jpg"),
                new FlirJpegs.Gps(true, "\0", 46.6354, "\0", -3.25, -1f, -1f), 1, false);
        GpsFix fix = new MetadataReader().read(file).summary().gps().orElseThrow();
        assertThat(fix.latitudeDegrees()).isEqualTo(46.6354);
        assertThat(fix.longitudeDegrees()).isEqualTo(-3.25);
        assertThat(fix.altitudeMetres()).isEmpty(); // -1 is FLIR's "no altitude"
        // a letter wins over the stored sign: N makes a negative number positive
        Path north = FlirJpegs.write(BASE, tmp.resolve("north.jpg"),
                new FlirJpegs.Gps(true, "N", -46.6354, "E", -32.6169, 10f, -1f), 2, false);
        GpsFix n = new MetadataReader().read(north).summary().gps().orElseThrow();
        assertThat(n.latitudeDegrees()).isEqualTo(46.6354);
        assertThat(n.longitudeDegrees()).isEqualTo(32.6169);
    }

    @Test
    void invalidOrDamagedRecordsGiveNoPositionAndNoCrash() throws Exception {
        Path invalid = FlirJpegs.write(BASE, tmp.resolve("invalid.jpg"),
                new FlirJpegs.Gps(false, "S", 34.6, "W", 58.4, 25f, -1f), 2, false);
        MediaMetadata m = new MetadataReader().read(invalid);
        assertThat(m.summary().gps()).isEmpty();
        assertThat(tag(m, "FLIR", "GPS Valid")).isEqualTo("No");

        Path missing = FlirJpegs.writeMissingChunk(BASE, tmp.resolve("missing.jpg"),
                new FlirJpegs.Gps(true, "S", 34.6, "W", 58.4, 25f, -1f));
        MediaMetadata broken = new MetadataReader().read(missing);
        assertThat(broken.summary().gps()).isEmpty();
        assertThat(broken.warnings()).anySatisfy(w -> assertThat(w).contains("FLIR segment 0 of 2 is missing"));
        assertThat(broken.summary().model()).contains("Canon EOS 1000D");
    }
}
