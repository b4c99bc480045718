package org.groundtruth.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.evidence.EvidenceKind;
import org.groundtruth.core.evidence.MediaAnalysis;
import org.groundtruth.core.evidence.MediaInspector;
import org.groundtruth.core.evidence.MediaMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the store asks of the media layer at import. Types are sniffed with Apache Tika's magic bytes (no file name
 * is given to it, so a wrong extension cannot mislead it); analysis reads the metadata (photos, videos, DJI SRT),
 * the technical properties and a perceptual hash — for a video, the hashes of its scene-change keyframes too, so
 * reposts can be found. Damaged media gives less, never an exception: the import of the original must succeed.
 */
public final class ContentInspector implements MediaInspector {
    private static final Logger LOG = LoggerFactory.getLogger(ContentInspector.class);
    /** Photos are hashed from a subsampled decode: 512 px is plenty for a 32×32 hash and bounds memory. */
    private static final int HASH_DECODE_SIDE = 512;

    private final MetadataReader metadataReader = new MetadataReader();

    @Override
    public String detectType(byte[] head) {
        return MediaTypes.detect(head);
    }

    @Override
    public MediaAnalysis analyze(Path original, String mediaType) {
        MediaMetadata metadata;
        try {
            metadata = metadataReader.read(original, mediaType);
        } catch (MediaFormatException e) {
            metadata = MediaMetadata.unreadable(e.getMessage());
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            LOG.warn("reading metadata of {} failed", original, e);
            metadata = MediaMetadata.unreadable("metadata could not be read (" + MediaErrors.describe(e) + ")");
        }
        Optional<String> hash = Optional.empty();
        List<String> keyframeHashes = List.of();
        List<String> warnings = new ArrayList<>(metadata.warnings());
        try {
            if (MediaTypes.isImage(mediaType)) {
                hash = Optional.of(PerceptualHash.of(new StillImageDecoder().decode(original, HASH_DECODE_SIDE).image()));
            } else if (MediaTypes.isVideo(mediaType) && metadata.summary().width().isPresent()) {
                keyframeHashes = keyframeHashes(original);
                hash = representative(keyframeHashes);
            }
        } catch (MediaFormatException e) {
            warnings.add("no perceptual hash: " + e.getMessage());
        } catch (RuntimeException | OutOfMemoryError | LinkageError e) {
            LOG.warn("hashing {} failed", original, e);
            warnings.add("no perceptual hash (" + MediaErrors.describe(e) + ")");
        }
        MediaMetadata withWarnings = new MediaMetadata(metadata.summary(), metadata.tags(), metadata.telemetry(),
                warnings);
        Optional<EvidenceKind> kind = MediaTypes.isTelemetry(mediaType) && metadata.telemetry().isPresent()
                ? Optional.of(EvidenceKind.TELEMETRY) : Optional.empty();
        return new MediaAnalysis(metadata.summary().properties(), MetadataJson.write(withWarnings, keyframeHashes),
                hash, kind);
    }

    private static List<String> keyframeHashes(Path video) {
        KeyframeScanner.Scan scan = new KeyframeScanner(KeyframeScanner.Settings.DEFAULT.forHashing())
                .scan(video, () -> false, k -> { });
        return scan.keyframes().stream().map(Keyframe::perceptualHash).distinct().toList();
    }

    /** The middle keyframe stands for the video: the first is often a fade-in or a title card. */
    private static Optional<String> representative(List<String> hashes) {
        return hashes.isEmpty() ? Optional.empty() : Optional.of(hashes.get(hashes.size() / 2));
    }
}
