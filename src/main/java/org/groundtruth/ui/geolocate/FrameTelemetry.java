package org.groundtruth.ui.geolocate;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.telemetry.CoordinateOrderResolver;
import org.groundtruth.map.gazetteer.GazetteerSettlements;
import org.groundtruth.media.MediaTypes;
import org.groundtruth.media.VideoDecoder;
import org.groundtruth.media.match.TelemetryRectification;
import org.groundtruth.media.telemetry.SidecarItems;
import org.groundtruth.media.telemetry.TelemetryFile;
import org.groundtruth.media.telemetry.TelemetryReader;
import org.groundtruth.store.Investigation;
import org.groundtruth.ui.common.I18n;

/**
 * "Rectify: from telemetry" for a frame in the investigation: the evidence original's telemetry (a photo's DJI XMP; a
 * video's GPMF or its SRT imported beside it), at the video frame's presentation time, through the same
 * {@link TelemetryRectification} as {@code geolocate --from-telemetry}. Runs in the background (reads files).
 */
final class FrameTelemetry implements FindOnMapViewModel.TelemetrySource {
    private final Supplier<Optional<Investigation>> investigation;

    FrameTelemetry(Supplier<Optional<Investigation>> investigation) {
        this.investigation = investigation;
    }

    @Override
    public TelemetryRectification.Outcome rectify(FindOnMapViewModel.FrameToLocate frame) {
        Investigation inv = investigation.get().orElseThrow(() -> new IllegalStateException(I18n.t("findOnMap.rectify.noSource")));
        EvidenceItem item = frame.item();
        Path original = inv.evidence().originalPath(item);
        Optional<Path> sidecar = SidecarItems.sidecarOf(item, inv.evidence().all()).map(s -> inv.evidence().originalPath(s));
        Optional<Double> time = Optional.empty();
        if (MediaTypes.isVideo(item.mediaType())) {
            try (VideoDecoder video = VideoDecoder.open(original)) {
                time = Optional.of(video.frame(frame.frameNumber()).timeSeconds());
            }
        }
        TelemetryFile read;
        try (GazetteerSettlements settlements = GazetteerSettlements.shipped()) {
            read = new TelemetryReader(new CoordinateOrderResolver(settlements)).read(original, sidecar, Optional.empty());
        }
        return TelemetryRectification.of(read, time, frame.image().getWidth(), frame.image().getHeight(), Optional.empty());
    }
}
