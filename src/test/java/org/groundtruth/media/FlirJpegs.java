package org.groundtruth.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Writes FLIR thermal-camera JPEGs for tests: a real camera JPEG from {@code ../shared/data/media} with FLIR's APP1
 * segments inserted after SOI, laid out as exiftool's FLIR module documents them — {@code "FLIR\0"}, a marker byte,
 * chunk index, last chunk index, then the pieces of a big-endian FFF file (header, a record directory of 32-byte
 * entries, a camera-information record with the model at 0xd4 and a little-endian GPS record: valid flag, version,
 * reference letters at 8 and 10, latitude and longitude doubles at 16 and 24, altitude float at 32, direction
 * reference at 72, direction at 84, datum at 88).
 */
public final class FlirJpegs {
    /** What to write in the GPS record; the numbers are written as given (a FLIR camera may store them unsigned). */
    public record Gps(boolean valid, String latRef, double lat, String lonRef, double lon, float altitude,
            float direction) {
    }

    private FlirJpegs() {
    }

    /** {@code base} with the FLIR segments split into {@code chunks} pieces, written in {@code reversed} order if asked. */
    public static Path write(Path base, Path out, Gps gps, int chunks, boolean reversed) throws IOException {
        byte[] fff = fff(gps);
        List<byte[]> segments = new ArrayList<>();
        int size = (fff.length + chunks - 1) / chunks;
        for (int i = 0; i < chunks; i++) {
            int from = i * size;
            int to = Math.min(fff.length, from + size);
            ByteArrayOutputStream payload = new ByteArrayOutputStream();
            payload.writeBytes("FLIR\0".getBytes(StandardCharsets.US_ASCII));
            payload.write(1);
            payload.write(i);
            payload.write(chunks - 1);
            payload.write(fff, from, to - from);
            segments.add(app1(payload.toByteArray()));
        }
        if (reversed) {
            Collections.reverse(segments);
        }
        return insertAfterSoi(Files.readAllBytes(base), segments, out);
    }

    /** {@code base} with one APP1 segment that claims to be chunk 1 of 2 (chunk 0 missing). */
    public static Path writeMissingChunk(Path base, Path out, Gps gps) throws IOException {
        byte[] fff = fff(gps);
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.writeBytes("FLIR\0".getBytes(StandardCharsets.US_ASCII));
        payload.write(1);
        payload.write(1);
        payload.write(1);
        payload.write(fff, 64, fff.length - 64);
        return insertAfterSoi(Files.readAllBytes(base), List.of(app1(payload.toByteArray())), out);
    }

    static byte[] fff(Gps gps) {
        int dirOffset = 0x40;
        int cameraOffset = dirOffset + 2 * 0x20;
        int cameraLength = 0x100;
        int gpsOffset = cameraOffset + cameraLength;
        int gpsLength = 0x6c;
        ByteBuffer b = ByteBuffer.allocate(gpsOffset + gpsLength).order(ByteOrder.BIG_ENDIAN);
        b.put(0, "FFF\0".getBytes(StandardCharsets.US_ASCII));
        b.put(4, "Groundtruth test".getBytes(StandardCharsets.US_ASCII));
        b.putInt(0x14, 100);
        b.putInt(0x18, dirOffset);
        b.putInt(0x1c, 2);
        b.putInt(0x20, 3);
        entry(b, dirOffset, 0x20, cameraOffset, cameraLength);
        entry(b, dirOffset + 0x20, 0x2b, gpsOffset, gpsLength);
        b.putShort(cameraOffset, (short) 2);
        b.put(cameraOffset + 0xd4, "FLIR T640".getBytes(StandardCharsets.US_ASCII));
        ByteBuffer g = ByteBuffer.wrap(b.array(), gpsOffset, gpsLength).slice().order(ByteOrder.LITTLE_ENDIAN);
        g.putInt(0, gps.valid() ? 1 : 0);
        g.put(4, new byte[] {2, 2, 0, 0});
        g.put(8, gps.latRef().getBytes(StandardCharsets.US_ASCII));
        g.put(0x0a, gps.lonRef().getBytes(StandardCharsets.US_ASCII));
        g.putDouble(0x10, gps.lat());
        g.putDouble(0x18, gps.lon());
        g.putFloat(0x20, gps.altitude());
        g.put(0x48, "T".getBytes(StandardCharsets.US_ASCII));
        g.putFloat(0x4c, -1f);
        g.putFloat(0x50, -1f);
        g.putFloat(0x54, gps.direction());
        g.put(0x58, "WGS-84".getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    private static void entry(ByteBuffer b, int at, int type, int offset, int length) {
        b.putShort(at, (short) type);
        b.putShort(at + 2, (short) 1);
        b.putInt(at + 4, 0x64);
        b.putInt(at + 8, 1);
        b.putInt(at + 0x0c, offset);
        b.putInt(at + 0x10, length);
    }

    private static byte[] app1(byte[] payload) {
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        s.write(0xff);
        s.write(0xe1);
        int length = payload.length + 2;
        s.write(length >> 8);
        s.write(length & 0xff);
        s.writeBytes(payload);
        return s.toByteArray();
    }

    private static Path insertAfterSoi(byte[] jpeg, List<byte[]> segments, Path out) throws IOException {
        if ((jpeg[0] & 0xff) != 0xff || (jpeg[1] & 0xff) != 0xd8) {
            throw new IOException("not a JPEG");
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(jpeg, 0, 2);
        segments.forEach(all::writeBytes);
        all.write(jpeg, 2, jpeg.length - 2);
        Files.write(out, all.toByteArray());
        return out;
    }
}
