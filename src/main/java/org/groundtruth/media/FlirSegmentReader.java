package org.groundtruth.media;

import com.drew.imaging.jpeg.JpegSegmentMetadataReader;
import com.drew.imaging.jpeg.JpegSegmentType;
import com.drew.metadata.Metadata;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeMap;

/**
 * FLIR's APP1 segments in a JPEG: {@code "FLIR\0"}, a marker byte, the chunk's index and the last chunk's index, then
 * a piece of an FFF file. The pieces are joined in index order; the FFF header ({@code "FFF\0"}, creator, version
 * 100–199 telling the byte order, record directory offset and count) leads to 32-byte directory entries (type,
 * subtype, version, id, offset, length…). Record {@code 0x2b} is the GPS record, little-endian: valid flag (int32),
 * version, latitude and longitude reference letters (2 bytes each, at 8 and 10), latitude and longitude as doubles
 * (16, 24), altitude as a float (32), image direction reference (72) and direction (84, float; negative = none), map
 * datum (88, 16 bytes). Record {@code 0x20} (camera information) holds the camera model at 212 (32 bytes). Layout as
 * documented by exiftool's FLIR module. Anything damaged becomes an error on the directory, never an exception.
 */
final class FlirSegmentReader implements JpegSegmentMetadataReader {
    private static final byte[] SIGNATURE = "FLIR\0".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = 0x40;
    private static final int ENTRY = 0x20;
    private static final int GPS_RECORD = 0x2b;
    private static final int CAMERA_RECORD = 0x20;

    @Override
    public Iterable<JpegSegmentType> getSegmentTypes() {
        return List.of(JpegSegmentType.APP1);
    }

    @Override
    public void readJpegSegments(Iterable<byte[]> segments, Metadata metadata, JpegSegmentType type) {
        TreeMap<Integer, byte[]> chunks = new TreeMap<>();
        int last = -1;
        for (byte[] segment : segments) {
            if (segment.length < 8 || !startsWith(segment, SIGNATURE)) {
                continue;
            }
            chunks.putIfAbsent(segment[6] & 0xff, java.util.Arrays.copyOfRange(segment, 8, segment.length));
            last = Math.max(last, segment[7] & 0xff);
        }
        if (chunks.isEmpty()) {
            return;
        }
        FlirDirectory directory = new FlirDirectory();
        metadata.addDirectory(directory);
        ByteArrayOutputStream fff = new ByteArrayOutputStream();
        for (int i = 0; i <= Math.max(last, chunks.lastKey()); i++) {
            byte[] chunk = chunks.get(i);
            if (chunk == null) {
                directory.addError("FLIR segment " + i + " of " + (last + 1) + " is missing; read up to it");
                break;
            }
            fff.writeBytes(chunk);
        }
        read(fff.toByteArray(), directory);
    }

    static void read(byte[] fff, FlirDirectory directory) {
        if (fff.length < HEADER || !startsWith(fff, "FFF\0".getBytes(StandardCharsets.US_ASCII))) {
            directory.addError("FLIR data is not an FFF record (" + fff.length + " bytes)");
            return;
        }
        directory.setString(FlirDirectory.TAG_CREATOR_SOFTWARE, string(fff, 4, 16));
        ByteBuffer header = ByteBuffer.wrap(fff).order(ByteOrder.BIG_ENDIAN);
        long version = header.getInt(0x14) & 0xffffffffL;
        if (version < 100 || version >= 200) {
            header.order(ByteOrder.LITTLE_ENDIAN);
            version = header.getInt(0x14) & 0xffffffffL;
            if (version < 100 || version >= 200) {
                directory.addError("unsupported FLIR FFF version " + version);
                return;
            }
        }
        long dirOffset = header.getInt(0x18) & 0xffffffffL;
        long count = header.getInt(0x1c) & 0xffffffffL;
        if (count > 10_000 || dirOffset + count * ENTRY > fff.length) {
            directory.addError("FLIR record directory (" + count + " entries at " + dirOffset + ") lies beyond the data");
            return;
        }
        for (int i = 0; i < count; i++) {
            int entry = (int) dirOffset + i * ENTRY;
            int recordType = header.getShort(entry) & 0xffff;
            long offset = header.getInt(entry + 0x0c) & 0xffffffffL;
            long length = header.getInt(entry + 0x10) & 0xffffffffL;
            if (recordType != GPS_RECORD && recordType != CAMERA_RECORD) {
                continue;
            }
            if (offset + length > fff.length) {
                directory.addError("FLIR record 0x" + Integer.toHexString(recordType) + " lies beyond the data");
                continue;
            }
            if (recordType == GPS_RECORD) {
                gps(ByteBuffer.wrap(fff, (int) offset, (int) length).slice().order(ByteOrder.LITTLE_ENDIAN), directory);
            } else if (length >= 0xd4 + 32) {
                String model = string(fff, (int) offset + 0xd4, 32);
                if (!model.isEmpty()) {
                    directory.setString(FlirDirectory.TAG_CAMERA_MODEL, model);
                }
            }
        }
    }

    private static void gps(ByteBuffer record, FlirDirectory directory) {
        if (record.capacity() < 0x24) {
            directory.addError("FLIR GPS record is too short (" + record.capacity() + " bytes)");
            return;
        }
        boolean valid = record.getInt(0) == 1;
        directory.setString(FlirDirectory.TAG_GPS_VALID, valid ? "Yes" : "No");
        if (!valid) {
            return;
        }
        setRef(directory, FlirDirectory.TAG_GPS_LATITUDE_REF, record, 0x08);
        setRef(directory, FlirDirectory.TAG_GPS_LONGITUDE_REF, record, 0x0a);
        double lat = record.getDouble(0x10);
        double lon = record.getDouble(0x18);
        float altitude = record.getFloat(0x20);
        if (Double.isFinite(lat) && Double.isFinite(lon)) {
            directory.setDouble(FlirDirectory.TAG_GPS_LATITUDE, lat);
            directory.setDouble(FlirDirectory.TAG_GPS_LONGITUDE, lon);
        } else {
            directory.addError("FLIR GPS position is not a number");
        }
        if (Float.isFinite(altitude) && altitude != -1f) { // -1 is written when there is none
            directory.setDouble(FlirDirectory.TAG_GPS_ALTITUDE, altitude);
        }
        if (record.capacity() >= 0x58) {
            setRef(directory, FlirDirectory.TAG_GPS_IMG_DIRECTION_REF, record, 0x48);
            float direction = record.getFloat(0x54);
            if (Float.isFinite(direction) && direction >= 0 && direction <= 360) {
                directory.setDouble(FlirDirectory.TAG_GPS_IMG_DIRECTION, direction);
            }
        }
        if (record.capacity() >= 0x68) {
            byte[] datum = new byte[16];
            record.get(0x58, datum);
            String text = string(datum, 0, 16);
            if (!text.isEmpty()) {
                directory.setString(FlirDirectory.TAG_GPS_MAP_DATUM, text);
            }
        }
    }

    private static void setRef(FlirDirectory directory, int tag, ByteBuffer record, int at) {
        byte[] ref = new byte[2];
        record.get(at, ref);
        String text = string(ref, 0, 2);
        if (!text.isEmpty()) {
            directory.setString(tag, text);
        }
    }

    /** An ASCII string of at most {@code length} bytes, ending at the first NUL, without surrounding blanks. */
    private static String string(byte[] bytes, int from, int length) {
        int end = from;
        while (end < from + length && end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, from, end - from, StandardCharsets.ISO_8859_1).strip();
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
