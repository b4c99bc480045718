package org.groundtruth.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.groundtruth.core.evidence.GpsFix;
import org.groundtruth.core.evidence.MediaMetadata;
import org.groundtruth.core.evidence.MetadataSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Container locations at the precision the file holds (FFmpeg rounds 3GPP {@code loci} to 4 decimals) and the local
 * capture time with its offset beside UTC, from real videos and from EXIF written by hand.
 */
public class ContainerPrecisionTest {
    private final MetadataReader reader = new MetadataReader();
    @TempDir
    Path tmp;

    @Test
    void lociIsReadAtFullPrecisionWithTheLocalTimeAndItsOffset() {
        MediaMetadata m = reader.read(SharedMedia.file("video/Issue 515 (java).mp4"));
        MetadataSummary s = m.summary();
        GpsFix fix = s.gps().orElseThrow();
        // the file's 16.16 fixed-point values: 0x00345e8a and 0x0006ad14 (exiftool: 52.36929, 6.67609)
        assertThat(fix.latitudeDegrees()).isEqualTo(0x00345e8a / 65536.0);
        assertThat(fix.longitudeDegrees()).isEqualTo(0x0006ad14 / 65536.0);
        assertThat(fix.latitudeDegrees()).isCloseTo(52.36929, within(5e-6)).isNotEqualTo(52.3693);
        assertThat(fix.altitudeMetres().orElseThrow()).isCloseTo(10.535, within(0.001));
        // UTC from the movie header, and the phone's own local time with its offset (the same instant, +1 h)
        assertThat(s.createdAt()).contains("2020-11-20T14:04:36Z");
        assertThat(s.createdLocal()).contains("2020-11-20T15:04:02+01:00");
        assertThat(m.tags()).anySatisfy(t -> {
            assertThat(t.name()).isEqualTo("loci (full precision)");
            assertThat(t.value()).startsWith("52.369293, 6.676086");
        });
        // the video's one-point track carries both times
        var point = new org.groundtruth.media.telemetry.TelemetryReader(new org.groundtruth.core.telemetry
                .CoordinateOrderResolver(p -> java.util.Optional.empty())).read(SharedMedia.file(
                        "video/Issue 515 (java).mp4"), java.util.Optional.empty()).track().samples().get(0);
        assertThat(point.localTime().orElseThrow()).hasToString("2020-11-20T15:04:02");
        assertThat(point.utcTime().orElseThrow()).hasToString("2020-11-20T14:04:02Z");
        assertThat(point.lat()).isEqualTo(fix.latitudeDegrees());
        // stored and read back (the evidence item's metadata JSON) the local time stays
        assertThat(MetadataJson.read(MetadataJson.write(m, java.util.List.of())).metadata().summary().createdLocal())
                .contains("2020-11-20T15:04:02+01:00");
    }

    @Test
    void quickTimeXyzKeepsTheTextAsWrittenAndFilesWithoutALocalTimeHaveNone() {
        MetadataSummary s = reader.read(SharedMedia.file("video/with-gps.mp4")).summary();
        assertThat(s.gps().orElseThrow().latitudeDegrees()).isEqualTo(51.4169);
        assertThat(s.gps().orElseThrow().longitudeDegrees()).isEqualTo(-0.0806);
        assertThat(s.createdLocal()).isEmpty();
        assertThat(MetadataJson.write(reader.read(SharedMedia.file("video/with-gps.mp4")), java.util.List.of()))
                .contains("\"createdLocal\":null");
    }

    @Test
    void lociSouthAndWestAreSignedFixedPoint() {
        ByteArrayOutputStream box = new ByteArrayOutputStream();
        box.writeBytes(new byte[] {0, 0, 0, 0, 0x15, (byte) 0xc7}); // version, flags, language
        box.writeBytes("Буенос-Айрес\0".getBytes(StandardCharsets.UTF_8));
        box.write(0); // role: shooting
        ByteBuffer numbers = ByteBuffer.allocate(12).order(ByteOrder.BIG_ENDIAN);
        numbers.putInt((int) Math.round(-58.381592 * 65536)).putInt((int) Math.round(-34.603722 * 65536))
                .putInt((int) Math.round(25.5 * 65536));
        box.writeBytes(numbers.array());
        box.writeBytes("earth\0\0".getBytes(StandardCharsets.US_ASCII));
        GpsFix fix = Mp4UserData.loci(ByteBuffer.wrap(box.toByteArray())).orElseThrow();
        assertThat(fix.latitudeDegrees()).isCloseTo(-34.603722, within(1e-5));
        assertThat(fix.longitudeDegrees()).isCloseTo(-58.381592, within(1e-5));
        assertThat(fix.altitudeMetres()).contains(25.5);
        assertThat(Mp4UserData.offsetTime("2020-11-20T15:04:02+0100").orElseThrow().getOffset().getTotalSeconds())
                .isEqualTo(3600);
        assertThat(Mp4UserData.offsetTime("2020")).isEmpty();
    }

    @Test
    void exifOffsetTimeGivesThePhotosLocalTimeWithItsOffset() throws Exception {
        Path photo = withExif(SharedMedia.file("jpg/Canon EOS 1000D.jpg"), tmp.resolve("offset.jpg"),
                "2025:07:06 14:00:00", "+03:00");
        MetadataSummary s = reader.read(photo).summary();
        assertThat(s.createdAt()).contains("2025-07-06T14:00:00"); // zone-less, as EXIF writes it
        assertThat(s.createdLocal()).contains("2025-07-06T14:00:00+03:00");
    }

    /**
     * {@code base} with its APP segments replaced by one EXIF APP1 (big-endian TIFF): IFD0 with a pointer to the EXIF
     * IFD, which holds DateTimeOriginal (0x9003) and OffsetTimeOriginal (0x9011).
     */
    public static Path withExif(Path base, Path out, String dateTime, String offset) throws Exception {
        byte[] date = (dateTime + "\0").getBytes(StandardCharsets.US_ASCII); // 20 bytes
        byte[] zone = (offset + "\0").getBytes(StandardCharsets.US_ASCII); // 7 bytes
        ByteBuffer tiff = ByteBuffer.allocate(128).order(ByteOrder.BIG_ENDIAN);
        tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        tiff.putShort((short) 1); // IFD0: one entry, the EXIF IFD pointer
        tiff.putShort((short) 0x8769).putShort((short) 4).putInt(1).putInt(26);
        tiff.putInt(0);
        // EXIF IFD at 26: two ASCII entries with their values after it
        int values = 26 + 2 + 2 * 12 + 4;
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x9003).putShort((short) 2).putInt(date.length).putInt(values);
        tiff.putShort((short) 0x9011).putShort((short) 2).putInt(zone.length).putInt(values + date.length);
        tiff.putInt(0);
        tiff.put(date).put(zone);
        byte[] exif = new byte[6 + tiff.position()];
        System.arraycopy("Exif\0\0".getBytes(StandardCharsets.US_ASCII), 0, exif, 0, 6);
        System.arraycopy(tiff.array(), 0, exif, 6, tiff.position());
        byte[] jpeg = Files.readAllBytes(base);
        int p = 2;
        while ((jpeg[p] & 0xff) == 0xff && (jpeg[p + 1] & 0xf0) == 0xe0) { // skip the original APPn segments
            p += 2 + ((jpeg[p + 2] & 0xff) << 8 | (jpeg[p + 3] & 0xff));
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(jpeg, 0, 2);
        all.write(0xff);
        all.write(0xe1);
        all.write((exif.length + 2) >> 8);
        all.write((exif.length + 2) & 0xff);
        all.writeBytes(exif);
        all.write(jpeg, p, jpeg.length - p);
        Files.write(out, all.toByteArray());
        return out;
    }
}
