package org.groundtruth.core.casefile;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.groundtruth.core.Require;

/**
 * One frame for the report: the evidence original (read-only vault file), its sniffed media type, the frame
 * number for a video (none for a photo) and the boxes to draw on it.
 */
public record FrameFigureRequest(Path original, String mediaType, Optional<Long> frameNumber, List<FrameBox> boxes) {
    public FrameFigureRequest {
        Require.present(original, "original");
        Require.nonBlank(mediaType, "media type", 200);
        Require.present(frameNumber, "frame number").ifPresent(n -> Require.nonNegative(n, "frame number"));
        boxes = List.copyOf(Require.present(boxes, "boxes"));
    }
}
