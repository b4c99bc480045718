package org.groundtruth.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.groundtruth.core.evidence.MediaMetadata;
import org.groundtruth.core.evidence.MetadataSummary;
import org.groundtruth.core.evidence.MetadataTag;
import org.groundtruth.core.evidence.TelemetryFix;
import org.groundtruth.core.evidence.TelemetryTrack;

/**
 * Reads the metadata of any original: photos through metadata-extractor, videos through FFmpeg, DJI SRT
 * telemetry through {@link DjiSrtParser}; the kind is sniffed from content, so a wrong extension does not matter.
 */
public final class MetadataReader {
    /** SRT sidecars of even very long flights stay far below this. */
    static final long MAX_SRT_BYTES = 256L * 1024 * 1024;
    private static final int MAX_FIX_TAGS = 5_000;

    /**
     * Reads {@code file}. Throws {@link MediaFormatException} (a short reason, without the file name) when the file
     * is missing, empty, or nothing in it can be read; damage that still leaves something readable is reported in
     * {@link MediaMetadata#warnings()}.
     */
    public MediaMetadata read(Path file) {
        MediaFiles.requireReadable(file);
        String type = MediaTypes.detect(MediaFiles.head(file, 8 * 1024));
        return read(file, type);
    }

    /** As {@link #read(Path)} with the media type already sniffed. */
    public MediaMetadata read(Path file, String mediaType) {
        MediaFiles.requireReadable(file);
        if (MediaTypes.isTelemetry(mediaType)) {
            return readTelemetry(file);
        }
        if (MediaTypes.isImage(mediaType)) {
            MediaMetadata photo = new PhotoMetadataReader().read(file);
            if (photo.tags().isEmpty()) {
                throw new MediaFormatException("is " + mediaType + " but " + String.join("; ", photo.warnings()));
            }
            return photo;
        }
        if (MediaTypes.isVideo(mediaType)) {
            return new VideoMetadataReader().read(file);
        }
        // Tika did not recognise it: the two readers may still (a rare container, a headerless stream)
        MediaMetadata photo = new PhotoMetadataReader().read(file);
        if (!photo.tags().isEmpty()) {
            return photo;
        }
        try {
            MediaMetadata video = new VideoMetadataReader().read(file);
            if (video.summary().width().isPresent()) {
                return video;
            }
        } catch (MediaFormatException e) {
            // fall through to the plain message below
        }
        throw new MediaFormatException("is not a photo, video or SRT telemetry file (content looks like "
                + mediaType + ")");
    }

    private MediaMetadata readTelemetry(Path file) {
        byte[] content;
        try {
            if (Files.size(file) > MAX_SRT_BYTES) {
                throw new MediaFormatException("is larger than " + MAX_SRT_BYTES / (1024 * 1024)
                        + " MB, too large for an SRT telemetry file");
            }
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new MediaFormatException("cannot be read (" + MediaErrors.describe(e) + ")", e);
        }
        TelemetryTrack track = new DjiSrtParser().parse(content);
        List<MetadataTag> tags = new ArrayList<>();
        tags.add(new MetadataTag("Telemetry", "format", "DJI SRT"));
        tags.add(new MetadataTag("Telemetry", "blocks", Integer.toString(track.blocks())));
        tags.add(new MetadataTag("Telemetry", "fixes", Integer.toString(track.fixes().size())));
        for (TelemetryFix fix : track.fixes().subList(0, Math.min(MAX_FIX_TAGS, track.fixes().size()))) {
            tags.add(new MetadataTag("Telemetry fix", "#" + fix.sequence(), describe(fix)));
        }
        Optional<TelemetryFix> first = track.fixes().stream().findFirst();
        MetadataSummary summary = new MetadataSummary(first.map(TelemetryFix::position),
                first.flatMap(TelemetryFix::deviceTime).map(Object::toString), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(track.fixes().size()));
        return new MediaMetadata(summary, tags, Optional.of(track), track.warnings());
    }

    private static String describe(TelemetryFix fix) {
        return String.format(Locale.ROOT, "%.6f, %.6f%s at %.3f s%s", fix.position().latitudeDegrees(),
                fix.position().longitudeDegrees(),
                fix.position().altitudeMetres().map(a -> String.format(Locale.ROOT, ", %.1f m", a)).orElse(""),
                fix.videoTimeSeconds(), fix.deviceTime().map(t -> " (" + t + ")").orElse(""));
    }
}
