package org.groundtruth.core.evidence;

import java.time.Instant;
import java.util.Optional;
import org.groundtruth.core.DateRange;
import org.groundtruth.core.Ids;
import org.groundtruth.core.Require;
import org.groundtruth.core.Sensitivity;

/**
 * An original file held in the vault under its SHA-256, or a still derived from one. The original is never
 * modified; {@code metadataJson} holds what was extracted from it.
 */
public record EvidenceItem(
        String id,
        EvidenceKind kind,
        String originalName,
        String mediaType,
        long sizeBytes,
        Sha256 sha256,
        Optional<String> perceptualHash,
        String collectedBy,
        Instant collectedAt,
        String acquisitionTool,
        String metadataJson,
        MediaProperties media,
        Sensitivity sensitivity,
        Optional<String> sourceId,
        Optional<FrameReference> derivedFrom) {

    public static final String ID_PREFIX = "ev";

    public EvidenceItem {
        Ids.require(id, ID_PREFIX, "evidence id");
        Require.present(kind, "kind");
        originalName = Require.nonBlank(originalName, "original name", 1000);
        mediaType = Require.nonBlank(mediaType, "media type", 200);
        Require.nonNegative(sizeBytes, "size");
        Require.present(sha256, "SHA-256");
        Require.present(perceptualHash, "perceptual hash");
        collectedBy = Require.nonBlank(collectedBy, "collected by", 200);
        DateRange.require(collectedAt, "collected at");
        acquisitionTool = Require.text(acquisitionTool, "acquisition tool", 200);
        Require.nonBlank(metadataJson, "metadata", 10_000_000);
        Require.present(media, "media properties");
        Require.present(sensitivity, "sensitivity");
        Require.present(sourceId, "source id").ifPresent(s -> Ids.require(s, Source.ID_PREFIX, "source id"));
        Require.present(derivedFrom, "derived from");
    }
}
