package org.groundtruth.media.telemetry;

import com.drew.lang.GeoLocation;
import com.drew.lang.Rational;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.groundtruth.core.evidence.GpsFix;
import org.groundtruth.core.telemetry.FlightTrack;
import org.groundtruth.core.telemetry.TelemetrySample;
import org.groundtruth.media.FlirDirectory;
import org.groundtruth.media.ImageMetadata;
import org.groundtruth.media.MediaFormatException;

/**
 * A photo's one-point track: EXIF GPS (else a FLIR thermal camera's GPS record, else DJI's XMP {@code GpsLatitude}/{@code GpsLongitude} — also spelt
 * {@code GpsLongtitude} — when EXIF has none), DJI XMP {@code drone-dji:} gimbal yaw, pitch and roll, flight yaw,
 * relative and absolute altitude, else EXIF {@code GPSImgDirection} as the camera's direction; the capture time
 * from EXIF.
 */
public final class PhotoTelemetryReader {
    public static final String FORMAT_XMP = "DJI XMP";
    public static final String FORMAT_EXIF = "EXIF GPS";
    private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

    /** The track (empty when the photo has no position) and the camera model and aspect ratio, for the footprint. */
    public record Result(FlightTrack track, Optional<String> model, Optional<Double> aspectRatio) {
    }

    public Result read(Path file) {
        Metadata metadata;
        try {
            metadata = ImageMetadata.read(file);
        } catch (Exception e) {
            throw new MediaFormatException("no readable image metadata (" + e.getMessage() + ")", e);
        }
        Map<String, String> xmp = new HashMap<>();
        for (XmpDirectory d : metadata.getDirectoriesOfType(XmpDirectory.class)) {
            d.getXmpProperties().forEach((k, v) -> xmp.put(k.toLowerCase(Locale.ROOT), v));
        }
        Optional<GpsFix> flir = metadata.getDirectoriesOfType(FlirDirectory.class).stream().map(FlirDirectory::gps)
                .flatMap(Optional::stream).findFirst();
        Optional<double[]> exif = exifPosition(metadata);
        Optional<double[]> position = exif
                .or(() -> flir.map(f -> new double[] {f.latitudeDegrees(), f.longitudeDegrees()}))
                .or(() -> xmpPosition(xmp));
        Optional<String> model = string(metadata, com.drew.metadata.exif.ExifIFD0Directory.class,
                com.drew.metadata.exif.ExifIFD0Directory.TAG_MODEL).or(() -> Optional.ofNullable(xmp.get("tiff:model")));
        Optional<Double> aspect = aspect(metadata);
        if (position.isEmpty()) {
            return new Result(new FlightTrack(List.of(), FORMAT_EXIF, Optional.empty(), Optional.empty(),
                    List.of("the photo has no GPS position")), model, aspect);
        }
        boolean dji = xmp.keySet().stream().anyMatch(k -> k.startsWith("drone-dji:"));
        Optional<Double> yaw = number(xmp, "drone-dji:gimbalyawdegree", 360).or(() -> imageDirection(metadata))
                .or(() -> metadata.getDirectoriesOfType(FlirDirectory.class).stream().map(FlirDirectory::imageDirection)
                        .flatMap(Optional::stream).findFirst());
        TelemetrySample sample = TelemetrySample.at(0, position.get()[0], position.get()[1])
                .withFrame(Optional.of(0))
                .withAltitudes(number(xmp, "drone-dji:absolutealtitude", 1e6).or(() -> exifAltitude(metadata))
                        .or(() -> flir.flatMap(GpsFix::altitudeMetres)),
                        number(xmp, "drone-dji:relativealtitude", 1e6))
                .withAngles(yaw, number(xmp, "drone-dji:gimbalpitchdegree", 180),
                        number(xmp, "drone-dji:gimbalrolldegree", 180), number(xmp, "drone-dji:flightyawdegree", 360))
                .withLocalTime(captureTime(metadata));
        return new Result(new FlightTrack(List.of(sample), dji ? FORMAT_XMP : exif.isEmpty() && flir.isPresent() ? FlirDirectory.GPS_SOURCE : FORMAT_EXIF,
                Optional.empty(),
                Optional.empty(), List.of()), model, aspect);
    }

    private static Optional<double[]> exifPosition(Metadata metadata) {
        for (GpsDirectory d : metadata.getDirectoriesOfType(GpsDirectory.class)) {
            try {
                GeoLocation g = d.getGeoLocation();
                if (g != null && !g.isZero() && Math.abs(g.getLatitude()) <= 90 && Math.abs(g.getLongitude()) <= 180) {
                    return Optional.of(new double[] {g.getLatitude(), g.getLongitude()});
                }
            } catch (RuntimeException e) {
                // a damaged GPS directory: try the next, then XMP
            }
        }
        return Optional.empty();
    }

    private static Optional<double[]> xmpPosition(Map<String, String> xmp) {
        Optional<Double> lat = number(xmp, "drone-dji:gpslatitude", 90);
        Optional<Double> lon = number(xmp, "drone-dji:gpslongitude", 180)
                .or(() -> number(xmp, "drone-dji:gpslongtitude", 180));
        if (lat.isPresent() && lon.isPresent() && !(lat.get() == 0 && lon.get() == 0)) {
            return Optional.of(new double[] {lat.get(), lon.get()});
        }
        return Optional.empty();
    }

    private static Optional<Double> exifAltitude(Metadata metadata) {
        for (GpsDirectory d : metadata.getDirectoriesOfType(GpsDirectory.class)) {
            Rational r = d.getRational(GpsDirectory.TAG_ALTITUDE);
            if (r != null && Double.isFinite(r.doubleValue())) {
                Integer ref = d.getInteger(GpsDirectory.TAG_ALTITUDE_REF);
                double v = ref != null && ref == 1 ? -r.doubleValue() : r.doubleValue();
                if (v > -20_000 && v < 1_000_000) {
                    return Optional.of(v);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Double> imageDirection(Metadata metadata) {
        for (GpsDirectory d : metadata.getDirectoriesOfType(GpsDirectory.class)) {
            Rational r = d.getRational(GpsDirectory.TAG_IMG_DIRECTION);
            if (r != null && Double.isFinite(r.doubleValue()) && r.doubleValue() >= 0 && r.doubleValue() <= 360) {
                return Optional.of(r.doubleValue());
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDateTime> captureTime(Metadata metadata) {
        for (int tag : new int[] {ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL, ExifSubIFDDirectory.TAG_DATETIME_DIGITIZED}) {
            Optional<String> text = string(metadata, ExifSubIFDDirectory.class, tag);
            if (text.isPresent()) {
                try {
                    return Optional.of(LocalDateTime.parse(text.get().substring(0, Math.min(19, text.get().length())),
                            EXIF_TIME));
                } catch (DateTimeParseException e) {
                    // not a date: try the next tag
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Double> aspect(Metadata metadata) {
        for (Directory d : metadata.getDirectories()) {
            if (d instanceof com.drew.metadata.jpeg.JpegDirectory j) {
                Integer w = j.getInteger(com.drew.metadata.jpeg.JpegDirectory.TAG_IMAGE_WIDTH);
                Integer h = j.getInteger(com.drew.metadata.jpeg.JpegDirectory.TAG_IMAGE_HEIGHT);
                if (w != null && h != null && w > 0 && h > 0) {
                    return Optional.of(w / (double) h);
                }
            }
        }
        for (ExifSubIFDDirectory d : metadata.getDirectoriesOfType(ExifSubIFDDirectory.class)) {
            Integer w = d.getInteger(ExifSubIFDDirectory.TAG_EXIF_IMAGE_WIDTH);
            Integer h = d.getInteger(ExifSubIFDDirectory.TAG_EXIF_IMAGE_HEIGHT);
            if (w != null && h != null && w > 0 && h > 0) {
                return Optional.of(w / (double) h);
            }
        }
        return Optional.empty();
    }

    private static Optional<Double> number(Map<String, String> xmp, String key, double limit) {
        String v = xmp.get(key);
        if (v == null) {
            return Optional.empty();
        }
        try {
            double d = Double.parseDouble(v.strip().replace("+", ""));
            return Double.isFinite(d) && Math.abs(d) <= limit ? Optional.of(d) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> string(Metadata metadata, Class<? extends Directory> type, int tag) {
        for (Directory d : metadata.getDirectoriesOfType(type)) {
            String v = d.getString(tag);
            if (v != null && !v.replace("\0", "").isBlank()) {
                return Optional.of(v.replace("\0", "").strip());
            }
        }
        return Optional.empty();
    }
}
