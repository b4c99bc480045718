package org.groundtruth.ui.verify;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.groundtruth.core.evidence.EvidenceItem;
import org.groundtruth.core.evidence.EvidenceKind;
import org.groundtruth.media.StillImageDecoder;
import org.groundtruth.media.VideoDecoder;

/** A still picture of an evidence item for comparison: the photo itself, or one frame of a video. */
final class EvidenceStills {
    private static final int MAX_SIDE = 4096;

    private EvidenceStills() {
    }

    /** Decodes off the FX thread; bad media fails with a one-line message naming the item. */
    static BufferedImage load(EvidenceItem item, Path original, long frame) {
        if (item.kind() == EvidenceKind.VIDEO) {
            try (VideoDecoder video = VideoDecoder.open(original)) {
                return video.frame(frame).toBufferedImage();
            }
        }
        return new StillImageDecoder().decode(original, MAX_SIDE).image();
    }
}
