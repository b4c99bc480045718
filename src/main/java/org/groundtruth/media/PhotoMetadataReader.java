package org.groundtruth.media;

import com.drew.imaging.ImageProcessingException;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.Tag;
import com.drew.metadata.bmp.BmpHeaderDirectory;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.file.FileSystemDirectory;
import com.drew.metadata.icc.IccDirectory;
import com.drew.metadata.gif.GifHeaderDirectory;
import com.drew.metadata.heif.HeifDirectory;
import com.drew.metadata.jpeg.JpegDirectory;
import com.drew.metadata.png.PngDirectory;
import com.drew.metadata.webp.WebpDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.evidence.GpsFix;
import org.groundtruth.core.evidence.MediaMetadata;
import org.groundtruth.core.evidence.MetadataSummary;
import org.groundtruth.core.evidence.MetadataTag;

/**
 * EXIF, XMP, IPTC, ICC and format headers of still images (JPEG, HEIC, TIFF, WebP, PNG, GIF, BMP) through
 * metadata-extractor, and FLIR's own APP1 segments of thermal JPEGs (GPS there when EXIF has none). It reads headers only, never pixels, so a decompression bomb costs nothing here.
 */
final class PhotoMetadataReader {
    static final String GPS_SOURCE = "EXIF GPS";

    MediaMetadata read(Path file) {
        Metadata metadata;
        try {
            metadata = ImageMetadata.read(file);
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            return MediaMetadata.unreadable("no readable image metadata (" + MediaErrors.describe(e) + ")");
        }
        return summarize(metadata);
    }

    MediaMetadata summarize(Metadata metadata) {
        List<MetadataTag> tags = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Directory directory : metadata.getDirectories()) {
            if (directory instanceof FileSystemDirectory) {
                continue; // name, size and date of the vault copy, not of the original as collected
            }
            for (Tag tag : directory.getTags()) {
                String value = directory instanceof IccDirectory && tag.getTagName().endsWith("TRC")
                        ? "(tone curve)" // formatting the curve's points costs ~25 ms and tells an analyst nothing
                        : safeDescription(tag);
                tags.add(new MetadataTag(directory.getName(), tag.getTagName(), Texts.clip(value)));
            }
            for (String error : directory.getErrors()) {
                warnings.add(directory.getName() + ": " + error);
            }
        }
        MetadataSummary summary = new MetadataSummary(gps(metadata), createdAt(metadata),
                string(metadata, ExifIFD0Directory.class, ExifIFD0Directory.TAG_MAKE),
                string(metadata, ExifIFD0Directory.class, ExifIFD0Directory.TAG_MODEL),
                dimension(metadata, true), dimension(metadata, false),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), createdLocal(metadata));
        return new MediaMetadata(summary, tags, Optional.empty(), warnings);
    }

    private static String safeDescription(Tag tag) {
        try {
            String description = tag.getDescription();
            return description == null ? "" : description;
        } catch (RuntimeException e) {
            return "(unreadable)";
        }
    }

    static Optional<GpsFix> gps(Metadata metadata) {
        for (GpsDirectory directory : metadata.getDirectoriesOfType(GpsDirectory.class)) {
            GeoLocation location;
            try {
                location = directory.getGeoLocation();
            } catch (RuntimeException e) {
                continue;
            }
            if (location == null || location.isZero()) {
                continue;
            }
            Optional<GpsFix> fix = GpsFix.of(location.getLatitude(), location.getLongitude(), altitude(directory),
                    GPS_SOURCE);
            if (fix.isPresent()) {
                return fix;
            }
        }
        for (FlirDirectory directory : metadata.getDirectoriesOfType(FlirDirectory.class)) {
            Optional<GpsFix> fix = directory.gps();
            if (fix.isPresent()) {
                return fix;
            }
        }
        return Optional.empty();
    }

    private static Optional<Double> altitude(GpsDirectory directory) {
        try {
            if (!directory.containsTag(GpsDirectory.TAG_ALTITUDE)) {
                return Optional.empty();
            }
            double metres = directory.getRational(GpsDirectory.TAG_ALTITUDE).doubleValue();
            Integer ref = directory.getInteger(GpsDirectory.TAG_ALTITUDE_REF);
            return Optional.of(ref != null && ref == 1 ? -metres : metres);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Digitized time first (exiftool's CreateDate), then original, then the file's modification stamp. */
    private static Optional<String> createdAt(Metadata metadata) {
        Optional<String> digitized = string(metadata, ExifSubIFDDirectory.class,
                ExifSubIFDDirectory.TAG_DATETIME_DIGITIZED);
        if (digitized.isPresent()) {
            return digitized.flatMap(ExifDates::toIso);
        }
        Optional<String> original = string(metadata, ExifSubIFDDirectory.class,
                ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL);
        if (original.isPresent()) {
            return original.flatMap(ExifDates::toIso);
        }
        return string(metadata, ExifIFD0Directory.class, ExifIFD0Directory.TAG_DATETIME).flatMap(ExifDates::toIso);
    }

    /**
     * The capture time with its UTC offset when EXIF 2.31 writes one ({@code OffsetTimeDigitized} beside the
     * digitized time, {@code OffsetTimeOriginal} beside the original), as {@code 2019-05-04T18:22:01+03:00}.
     */
    private static Optional<String> createdLocal(Metadata metadata) {
        int[][] pairs = {{ExifSubIFDDirectory.TAG_DATETIME_DIGITIZED, ExifSubIFDDirectory.TAG_TIME_ZONE_DIGITIZED},
            {ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL, ExifSubIFDDirectory.TAG_TIME_ZONE_ORIGINAL}};
        for (int[] pair : pairs) {
            Optional<java.time.LocalDateTime> time = string(metadata, ExifSubIFDDirectory.class, pair[0])
                    .flatMap(ExifDates::parse);
            Optional<java.time.ZoneOffset> offset = string(metadata, ExifSubIFDDirectory.class, pair[1])
                    .flatMap(PhotoMetadataReader::offset);
            if (time.isPresent() && offset.isPresent()) {
                return Optional.of(time.get().atOffset(offset.get())
                        .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            }
        }
        return Optional.empty();
    }

    private static Optional<java.time.ZoneOffset> offset(String text) {
        try {
            return Optional.of(java.time.ZoneOffset.of(text.strip()));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> string(Metadata metadata, Class<? extends Directory> type, int tag) {
        for (Directory directory : metadata.getDirectoriesOfType(type)) {
            String value = directory.getString(tag);
            if (value != null && !value.isBlank() && !value.strip().replace("\0", "").isEmpty()) {
                return Optional.of(value.replace("\0", "").strip());
            }
        }
        return Optional.empty();
    }

    /** Pixel size from the format's own header first (what the decoder will see), EXIF as a fallback. */
    private static Optional<Integer> dimension(Metadata metadata, boolean width) {
        List<DimensionTag> candidates = List.of(
                new DimensionTag(JpegDirectory.class, width ? JpegDirectory.TAG_IMAGE_WIDTH : JpegDirectory.TAG_IMAGE_HEIGHT),
                new DimensionTag(PngDirectory.class, width ? PngDirectory.TAG_IMAGE_WIDTH : PngDirectory.TAG_IMAGE_HEIGHT),
                new DimensionTag(WebpDirectory.class, width ? WebpDirectory.TAG_IMAGE_WIDTH : WebpDirectory.TAG_IMAGE_HEIGHT),
                new DimensionTag(GifHeaderDirectory.class, width ? GifHeaderDirectory.TAG_IMAGE_WIDTH : GifHeaderDirectory.TAG_IMAGE_HEIGHT),
                new DimensionTag(BmpHeaderDirectory.class, width ? BmpHeaderDirectory.TAG_IMAGE_WIDTH : BmpHeaderDirectory.TAG_IMAGE_HEIGHT),
                new DimensionTag(HeifDirectory.class, width ? HeifDirectory.TAG_IMAGE_WIDTH : HeifDirectory.TAG_IMAGE_HEIGHT),
                new DimensionTag(ExifIFD0Directory.class, width ? ExifIFD0Directory.TAG_IMAGE_WIDTH : ExifIFD0Directory.TAG_IMAGE_HEIGHT),
                new DimensionTag(ExifSubIFDDirectory.class, width ? ExifSubIFDDirectory.TAG_EXIF_IMAGE_WIDTH : ExifSubIFDDirectory.TAG_EXIF_IMAGE_HEIGHT));
        for (DimensionTag candidate : candidates) {
            for (Directory directory : metadata.getDirectoriesOfType(candidate.type())) {
                Integer value = directory.getInteger(candidate.tag());
                if (value != null && value >= 0) {
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }

    private record DimensionTag(Class<? extends Directory> type, int tag) {
    }
}
