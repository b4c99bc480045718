package org.groundtruth.media.telemetry;

import java.util.List;
import java.util.Optional;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.evidence.EvidenceKind;
import org.groundtruth.media.MediaTypes;

/**
 * Which evidence item holds a video's SRT telemetry: the telemetry item imported with it under the same base name
 * ({@code DJI_0042.MP4} ↔ {@code DJI_0042.SRT}); the vault names originals by hash, so names are matched, not
 * paths. The window and {@code telemetry EVIDENCE} use the same rule, so an order recorded on the SRT item applies
 * to both.
 */
public final class SidecarItems {
    private SidecarItems() {
    }

    public static boolean isTelemetry(EvidenceItem item) {
        return item.kind() == EvidenceKind.TELEMETRY || MediaTypes.isTelemetry(item.mediaType());
    }

    /** The telemetry item imported with {@code video} (same base name, any case), if any. */
    public static Optional<EvidenceItem> sidecarOf(EvidenceItem video, List<EvidenceItem> all) {
        String base = base(video.originalName());
        return all.stream().filter(i -> !i.id().equals(video.id())).filter(SidecarItems::isTelemetry)
                .filter(i -> base(i.originalName()).equalsIgnoreCase(base)).findFirst();
    }

    /** The item whose SRT lines a track of {@code item} is read from: itself when it is telemetry, else its sidecar. */
    public static Optional<EvidenceItem> srtItemOf(EvidenceItem item, List<EvidenceItem> all) {
        return isTelemetry(item) ? Optional.of(item) : sidecarOf(item, all);
    }

    private static String base(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
