package org.groundtruth.core.evidence;

import java.util.List;
import java.util.Optional;
import org.groundtruth.core.Require;

/**
 * Everything read from one original: the normalized summary, every raw tag (for the searchable table), the
 * telemetry track of a sidecar, and warnings (damaged or unreadable parts: the file is named by the caller).
 */
public record MediaMetadata(MetadataSummary summary, List<MetadataTag> tags, Optional<TelemetryTrack> telemetry,
        List<String> warnings) {
    public MediaMetadata {
        Require.present(summary, "summary");
        tags = List.copyOf(Require.present(tags, "tags"));
        Require.present(telemetry, "telemetry");
        warnings = List.copyOf(Require.present(warnings, "warnings"));
    }

    public static MediaMetadata unreadable(String warning) {
        return new MediaMetadata(MetadataSummary.EMPTY, List.of(), Optional.empty(), List.of(warning));
    }
}
