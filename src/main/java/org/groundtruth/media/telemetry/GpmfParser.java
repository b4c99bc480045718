package org.groundtruth.media.telemetry;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * GoPro Metadata Format (GPMF) payloads: big-endian KLV (4-character key, 1-byte type, 1-byte structure size,
 * 2-byte repeat count, data padded to 4 bytes; type 0 nests). Reads {@code GPS5} (latitude, longitude, altitude,
 * 2D and 3D speed), {@code GPS9} (the same plus days since 2000, seconds since midnight, DOP and fix), their
 * {@code SCAL} divisors, {@code GPSU} UTC time and {@code GPSF} fix, and the {@code CORI}/{@code IORI}
 * quaternions. Malformed payloads stop at the damage; what was read before is kept.
 */
final class GpmfParser {
    /** Positions of one payload, in payload order, with the payload's UTC time and fix type when written. */
    record GpsPayload(List<double[]> positions, Optional<LocalDateTime> utc, Optional<Integer> fix) {
    }

    /** What one payload held. */
    record Payload(List<GpsPayload> gps, List<double[]> cameraOrientation) {
    }

    private static final DateTimeFormatter GPSU = DateTimeFormatter.ofPattern("yyMMddHHmmss.SSS");

    Payload parse(byte[] data) {
        List<GpsPayload> gps = new ArrayList<>();
        List<double[]> cori = new ArrayList<>();
        walk(ByteBuffer.wrap(data).order(ByteOrder.BIG_ENDIAN), data.length, new Stream(), gps, cori, 0);
        return new Payload(gps, cori);
    }

    /** Properties that apply to the data that follows them inside one {@code STRM}. */
    private static final class Stream {
        double[] scale = {1};
        String complexType = "";
        Optional<LocalDateTime> utc = Optional.empty();
        Optional<Integer> fix = Optional.empty();
    }

    private void walk(ByteBuffer buf, int end, Stream stream, List<GpsPayload> gps, List<double[]> cori, int depth) {
        while (buf.position() + 8 <= end && depth < 8) {
            byte[] keyBytes = new byte[4];
            buf.get(keyBytes);
            String key = new String(keyBytes, StandardCharsets.US_ASCII);
            char type = (char) (buf.get() & 0xff);
            int size = buf.get() & 0xff;
            int repeat = buf.getShort() & 0xffff;
            int length = size * repeat;
            int padded = (length + 3) & ~3;
            int start = buf.position();
            if (start + padded > end || (key.charAt(0) == 0 && length == 0)) {
                return;
            }
            if (type == 0) {
                walk(buf, start + length, "STRM".equals(key) ? new Stream() : stream, gps, cori, depth + 1);
            } else {
                ByteBuffer value = buf.slice(start, length).order(ByteOrder.BIG_ENDIAN);
                read(key, type, size, repeat, value, stream, gps, cori);
            }
            buf.position(Math.min(end, start + padded));
        }
    }

    private void read(String key, char type, int size, int repeat, ByteBuffer v, Stream stream, List<GpsPayload> gps,
            List<double[]> cori) {
        switch (key) {
            case "SCAL" -> stream.scale = numbers(type, size, repeat, v);
            case "TYPE" -> stream.complexType = new String(bytes(v), StandardCharsets.US_ASCII).replace("\0", "");
            case "GPSU" -> stream.utc = utc(new String(bytes(v), StandardCharsets.US_ASCII).strip());
            case "GPSF" -> stream.fix = Optional.of((int) numbers(type, size, repeat, v)[0]);
            case "GPS5" -> gps.add(new GpsPayload(rows(type, size, repeat, v, 5, "lllll", stream.scale),
                    stream.utc, stream.fix));
            case "GPS9" -> gps.add(gps9(type, size, repeat, v, stream));
            case "CORI", "IORI" -> {
                if ("CORI".equals(key)) {
                    cori.addAll(rows(type, size, repeat, v, 4, "ssss", stream.scale));
                }
            }
            default -> {
                // other sensors (accelerometer, gyroscope, exposure, scene…): not needed for the track
            }
        }
    }

    private GpsPayload gps9(char type, int size, int repeat, ByteBuffer v, Stream stream) {
        String layout = type == '?' && !stream.complexType.isEmpty() ? stream.complexType : "lllllllSS";
        List<double[]> rows = rows('?', size, repeat, v, layout.length(), layout, stream.scale);
        Optional<LocalDateTime> utc = stream.utc;
        Optional<Integer> fix = stream.fix;
        if (!rows.isEmpty() && rows.get(0).length >= 9) {
            double[] first = rows.get(0);
            // days since 2000-01-01 and seconds since midnight (UTC) of the first sample
            long days = Math.round(first[5]);
            double seconds = first[6];
            if (days > 0 && seconds >= 0 && seconds < 86_400) {
                utc = Optional.of(LocalDateTime.of(2000, 1, 1, 0, 0).plusDays(days)
                        .plusNanos(Math.round(seconds * 1e9)));
            }
            fix = Optional.of((int) Math.round(first[8]));
        }
        return new GpsPayload(rows, utc, fix);
    }

    /** {@code repeat} rows of {@code count} numbers laid out as {@code layout} (GPMF type characters), scaled. */
    private static List<double[]> rows(char type, int size, int repeat, ByteBuffer v, int count, String layout,
            double[] scale) {
        List<double[]> rows = new ArrayList<>();
        String types = type == '?' ? layout : String.valueOf(type).repeat(count);
        for (int r = 0; r < repeat; r++) {
            int rowStart = r * size;
            double[] row = new double[count];
            int offset = rowStart;
            for (int i = 0; i < count && i < types.length(); i++) {
                char t = types.charAt(i);
                int width = width(t);
                if (width == 0 || offset + width > rowStart + size || offset + width > v.limit()) {
                    return rows;
                }
                double raw = value(t, v, offset);
                double s = scale.length == 0 ? 1 : scale[Math.min(i, scale.length - 1)];
                row[i] = s == 0 ? raw : raw / s;
                offset += width;
            }
            rows.add(row);
        }
        return rows;
    }

    private static double[] numbers(char type, int size, int repeat, ByteBuffer v) {
        int width = width(type);
        if (width == 0) {
            return new double[] {1};
        }
        int n = size * repeat / width;
        double[] out = new double[Math.max(1, n)];
        out[0] = 1;
        for (int i = 0; i < n; i++) {
            out[i] = value(type, v, i * width);
        }
        return out;
    }

    private static int width(char t) {
        return switch (t) {
            case 'b', 'B', 'c' -> 1;
            case 's', 'S' -> 2;
            case 'l', 'L', 'f' -> 4;
            case 'd', 'j', 'J' -> 8;
            default -> 0;
        };
    }

    private static double value(char t, ByteBuffer v, int offset) {
        return switch (t) {
            case 'b' -> v.get(offset);
            case 'B', 'c' -> v.get(offset) & 0xff;
            case 's' -> v.getShort(offset);
            case 'S' -> v.getShort(offset) & 0xffff;
            case 'l' -> v.getInt(offset);
            case 'L' -> v.getInt(offset) & 0xffffffffL;
            case 'f' -> v.getFloat(offset);
            case 'd' -> v.getDouble(offset);
            case 'j', 'J' -> v.getLong(offset);
            default -> 0;
        };
    }

    private static byte[] bytes(ByteBuffer v) {
        byte[] b = new byte[v.remaining()];
        v.duplicate().get(b);
        return b;
    }

    private static Optional<LocalDateTime> utc(String text) {
        try {
            return Optional.of(LocalDateTime.parse(text.length() > 16 ? text.substring(0, 16) : text, GPSU));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
