package org.groundtruth.media;

import com.drew.metadata.Directory;
import com.drew.metadata.TagDescriptor;
import java.util.HashMap;
import java.util.Optional;
import org.groundtruth.core.evidence.GpsFix;

/**
 * What a FLIR thermal camera writes in its own JPEG APP1 segments (the FFF record directory): the GPS record with its
 * reference letters, and the camera model and creator software. Read by {@link FlirSegmentReader}; tag names follow
 * exiftool's FLIR tags so an analyst can compare the two.
 */
public final class FlirDirectory extends Directory {
    public static final String GPS_SOURCE = "FLIR GPS";
    public static final int TAG_CREATOR_SOFTWARE = 1;
    public static final int TAG_GPS_VALID = 2;
    public static final int TAG_GPS_LATITUDE_REF = 3;
    public static final int TAG_GPS_LONGITUDE_REF = 4;
    public static final int TAG_GPS_LATITUDE = 5;
    public static final int TAG_GPS_LONGITUDE = 6;
    public static final int TAG_GPS_ALTITUDE = 7;
    public static final int TAG_GPS_IMG_DIRECTION_REF = 8;
    public static final int TAG_GPS_IMG_DIRECTION = 9;
    public static final int TAG_GPS_MAP_DATUM = 10;
    public static final int TAG_CAMERA_MODEL = 11;

    private static final HashMap<Integer, String> NAMES = new HashMap<>();

    static {
        NAMES.put(TAG_CREATOR_SOFTWARE, "Creator Software");
        NAMES.put(TAG_GPS_VALID, "GPS Valid");
        NAMES.put(TAG_GPS_LATITUDE_REF, "GPS Latitude Ref");
        NAMES.put(TAG_GPS_LONGITUDE_REF, "GPS Longitude Ref");
        NAMES.put(TAG_GPS_LATITUDE, "GPS Latitude");
        NAMES.put(TAG_GPS_LONGITUDE, "GPS Longitude");
        NAMES.put(TAG_GPS_ALTITUDE, "GPS Altitude");
        NAMES.put(TAG_GPS_IMG_DIRECTION_REF, "GPS Img Direction Ref");
        NAMES.put(TAG_GPS_IMG_DIRECTION, "GPS Img Direction");
        NAMES.put(TAG_GPS_MAP_DATUM, "GPS Map Datum");
        NAMES.put(TAG_CAMERA_MODEL, "Camera Model");
    }

    public FlirDirectory() {
        setDescriptor(new TagDescriptor<>(this));
    }

    @Override
    public String getName() {
        return "FLIR";
    }

    @Override
    protected HashMap<Integer, String> getTagNameMap() {
        return NAMES;
    }

    /**
     * The position, signed by its reference letters ({@code S} and {@code W} are negative whatever the stored sign,
     * {@code N} and {@code E} positive; without a letter the stored sign stands). Empty when the record says it is not
     * valid, or holds no position (0,0, out of range).
     */
    public Optional<GpsFix> gps() {
        if (!"Yes".equals(getString(TAG_GPS_VALID)) || !containsTag(TAG_GPS_LATITUDE) || !containsTag(TAG_GPS_LONGITUDE)) {
            return Optional.empty();
        }
        double lat = signed(getDoubleObject(TAG_GPS_LATITUDE), getString(TAG_GPS_LATITUDE_REF), "S", "N");
        double lon = signed(getDoubleObject(TAG_GPS_LONGITUDE), getString(TAG_GPS_LONGITUDE_REF), "W", "E");
        Optional<Double> altitude = Optional.ofNullable(getDoubleObject(TAG_GPS_ALTITUDE));
        return GpsFix.of(lat, lon, altitude, GPS_SOURCE);
    }

    /** The camera's direction (degrees from north) when the record has one. */
    public Optional<Double> imageDirection() {
        return Optional.ofNullable(getDoubleObject(TAG_GPS_IMG_DIRECTION));
    }

    private static double signed(Double value, String ref, String negative, String positive) {
        if (value == null) {
            return Double.NaN;
        }
        if (negative.equalsIgnoreCase(ref)) {
            return -Math.abs(value);
        }
        if (positive.equalsIgnoreCase(ref)) {
            return Math.abs(value);
        }
        return value;
    }
}
