package org.groundtruth.core.evidence;

import java.util.Optional;
import org.groundtruth.core.Require;

/**
 * What was read from an original: technical properties, all extracted metadata as a JSON object, a perceptual
 * hash (hex) for duplicate detection, and the kind when content says more than the media type (telemetry).
 */
public record MediaAnalysis(MediaProperties properties, String metadataJson, Optional<String> perceptualHash,
        Optional<EvidenceKind> kind) {
    public static final MediaAnalysis NOTHING =
            new MediaAnalysis(MediaProperties.UNKNOWN, "{}", Optional.empty(), Optional.empty());

    public MediaAnalysis {
        Require.present(properties, "media properties");
        Require.nonBlank(metadataJson, "metadata", 10_000_000);
        Require.present(perceptualHash, "perceptual hash");
        Require.present(kind, "kind");
    }
}
