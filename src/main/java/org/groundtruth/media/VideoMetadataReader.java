package org.groundtruth.media;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.mov.QuickTimeDirectory;
import com.drew.metadata.mp4.Mp4Directory;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.groundtruth.core.evidence.GpsFix;
import org.groundtruth.core.evidence.MediaMetadata;
import org.groundtruth.core.evidence.MetadataSummary;
import org.groundtruth.core.evidence.MetadataTag;

/**
 * Container and stream tags of videos read through FFmpeg ({@code location} from QuickTime {@code ©xyz} and 3GPP
 * {@code loci}, Apple's ISO 6709 key, {@code creation_time}, codec, frame rate, duration), the {@code udta} boxes
 * FFmpeg rounds or drops ({@code loci} at full precision, the local capture time with its offset: {@link Mp4UserData}),
 * plus whatever metadata-extractor finds in the same file (XMP, QuickTime atoms) for the raw table.
 */
final class VideoMetadataReader {
    static final String GROUP_CONTAINER = "Container";
    static final String GROUP_VIDEO = "Video stream";
    static final String GROUP_AUDIO = "Audio stream";
    private static final List<String> LOCATION_KEYS =
            List.of("com.apple.quicktime.location.ISO6709", "location", "location-eng");
    private static final List<String> MAKE_KEYS = List.of("com.apple.quicktime.make", "make", "com.android.manufacturer");
    private static final List<String> MODEL_KEYS = List.of("com.apple.quicktime.model", "model", "com.android.model");

    MediaMetadata read(Path file) {
        FFmpegFrameGrabber grabber = Ffmpeg.open(file, 1);
        try {
            List<MetadataTag> tags = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            Map<String, String> container = grabber.getMetadata();
            Map<String, String> video = grabber.getVideoMetadata();
            addAll(tags, GROUP_CONTAINER, container);
            tags.add(new MetadataTag(GROUP_CONTAINER, "format", Texts.clip(nonNull(grabber.getFormat()))));
            boolean hasVideo = grabber.hasVideo();
            Optional<Double> frameRate = Optional.empty();
            Optional<String> codec = Optional.empty();
            Optional<Integer> width = Optional.empty();
            Optional<Integer> height = Optional.empty();
            if (hasVideo) {
                addAll(tags, GROUP_VIDEO, video);
                codec = Optional.ofNullable(grabber.getVideoCodecName()).filter(s -> !s.isBlank());
                codec.ifPresent(c -> tags.add(new MetadataTag(GROUP_VIDEO, "codec", c)));
                width = Optional.of(grabber.getImageWidth()).filter(w -> w > 0);
                height = Optional.of(grabber.getImageHeight()).filter(h -> h > 0);
                frameRate = Optional.of(grabber.getFrameRate()).filter(f -> Double.isFinite(f) && f > 0 && f < 10_000);
                width.ifPresent(w -> tags.add(new MetadataTag(GROUP_VIDEO, "width", Integer.toString(w))));
                height.ifPresent(h -> tags.add(new MetadataTag(GROUP_VIDEO, "height", Integer.toString(h))));
                frameRate.ifPresent(f -> tags.add(new MetadataTag(GROUP_VIDEO, "frame rate", String.format(Locale.ROOT, "%.3f", f))));
                double rotation = grabber.getDisplayRotation();
                if (rotation != 0 && Double.isFinite(rotation)) {
                    tags.add(new MetadataTag(GROUP_VIDEO, "display rotation", String.format(Locale.ROOT, "%.0f", rotation)));
                }
            } else {
                warnings.add("no video stream");
            }
            if (grabber.hasAudio()) {
                addAll(tags, GROUP_AUDIO, grabber.getAudioMetadata());
                Optional.ofNullable(grabber.getAudioCodecName()).filter(s -> !s.isBlank())
                        .ifPresent(c -> tags.add(new MetadataTag(GROUP_AUDIO, "codec", c)));
            }
            Optional<Metadata> extracted = extractorMetadata(file);
            extracted.ifPresent(m -> tags.addAll(new PhotoMetadataReader().summarize(m).tags()));
            long micros = grabber.getLengthInTime();
            Optional<Double> duration = extracted.flatMap(VideoMetadataReader::movieHeaderDuration)
                    .or(() -> micros > 0 ? Optional.of(micros / 1_000_000.0) : Optional.empty());
            duration.ifPresent(d -> tags.add(new MetadataTag(GROUP_CONTAINER, "duration (s)", String.format(Locale.ROOT, "%.3f", d))));
            Mp4UserData.Found userData = Mp4UserData.read(file);
            userData.location().ifPresent(fix -> tags.add(new MetadataTag(GROUP_CONTAINER, userData.locationBox()
                    + " (full precision)", String.format(Locale.ROOT, "%.6f, %.6f", fix.latitudeDegrees(),
                            fix.longitudeDegrees()) + fix.altitudeMetres().map(a -> String.format(Locale.ROOT,
                                    ", %.2f m", a)).orElse(""))));
            Optional<String> local = userData.localTime().map(t -> t.format(
                    java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            local.ifPresent(t -> tags.add(new MetadataTag(GROUP_CONTAINER, "local time", t)));
            MetadataSummary summary = new MetadataSummary(location(container, userData), creationTime(container, video)
                    .or(() -> userData.localTime().map(t -> t.toInstant().toString())),
                    first(container, MAKE_KEYS), first(container, MODEL_KEYS), width, height, duration, frameRate,
                    codec, Optional.empty(), local);
            return new MediaMetadata(summary, tags, Optional.empty(), warnings);
        } finally {
            Ffmpeg.closeQuietly(grabber);
        }
    }

    /**
     * Apple's ISO 6709 key first (FFmpeg passes its text whole), then {@code ©xyz} or {@code loci} read from the
     * file at full precision (FFmpeg rounds {@code loci} to 4 decimals), then FFmpeg's {@code location} tag.
     */
    private static Optional<GpsFix> location(Map<String, String> container, Mp4UserData.Found userData) {
        String apple = container.get(LOCATION_KEYS.get(0));
        if (apple != null) {
            Optional<GpsFix> fix = Iso6709.parse(apple, "QuickTime ISO6709");
            if (fix.isPresent()) {
                return fix;
            }
        }
        return userData.location().or(() -> location(container));
    }

    private static Optional<GpsFix> location(Map<String, String> container) {
        for (String key : LOCATION_KEYS) {
            String value = container.get(key);
            if (value != null) {
                String source = key.startsWith("com.apple") ? "QuickTime ISO6709" : "container location";
                Optional<GpsFix> fix = Iso6709.parse(value, source);
                if (fix.isPresent()) {
                    return fix;
                }
            }
        }
        return Optional.empty();
    }

    /** {@code creation_time} is UTC in MP4/MOV; written as ISO-8601 with Z, to the second. */
    static Optional<String> creationTime(Map<String, String> container, Map<String, String> video) {
        for (String value : new String[] {container.get("com.apple.quicktime.creationdate"),
                container.get("creation_time"), video.get("creation_time")}) {
            if (value == null || value.isBlank()) {
                continue;
            }
            try {
                Instant instant = Instant.parse(value.strip());
                if (instant.getEpochSecond() > 0) {
                    return Optional.of(instant.truncatedTo(ChronoUnit.SECONDS).toString());
                }
            } catch (DateTimeParseException e) {
                try {
                    return Optional.of(java.time.OffsetDateTime.parse(value.strip()).toInstant()
                            .truncatedTo(ChronoUnit.SECONDS).toString());
                } catch (DateTimeParseException ignored) {
                    // not a date this reader knows: keep it in the raw table only
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> first(Map<String, String> tags, List<String> keys) {
        return keys.stream().map(tags::get).filter(v -> v != null && !v.isBlank()).findFirst().map(String::strip);
    }

    private static void addAll(List<MetadataTag> tags, String group, Map<String, String> values) {
        values.entrySet().stream().sorted(Map.Entry.comparingByKey()).filter(e -> !e.getKey().isBlank())
                .forEach(e -> tags.add(new MetadataTag(group, e.getKey(), Texts.clip(nonNull(e.getValue())))));
    }

    /** metadata-extractor's view of the same file: optional extras, so its failures are not warnings. */
    private static Optional<Metadata> extractorMetadata(Path file) {
        try {
            return Optional.of(ImageMetadataReader.readMetadata(file.toFile()));
        } catch (Exception | StackOverflowError e) {
            return Optional.empty(); // FFmpeg has read the container; the extra tags are a bonus
        }
    }

    /**
     * The movie header's own duration (MP4/MOV {@code mvhd}), as exiftool reports it. FFmpeg's container duration
     * is the longest stream, which GoPro's timecode and telemetry tracks stretch past the picture.
     */
    private static Optional<Double> movieHeaderDuration(Metadata metadata) {
        for (Class<? extends Directory> type : List.of(Mp4Directory.class, QuickTimeDirectory.class)) {
            for (Directory d : metadata.getDirectoriesOfType(type)) {
                Long duration = d.getLongObject(Mp4Directory.TAG_DURATION);
                Long scale = d.getLongObject(Mp4Directory.TAG_TIME_SCALE);
                if (duration != null && scale != null && duration > 0 && scale > 0) {
                    return Optional.of(duration / (double) scale);
                }
            }
        }
        return Optional.empty();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
