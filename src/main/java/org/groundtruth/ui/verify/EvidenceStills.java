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

    /** The part of {@code image} inside {@code box}, scaled so its longer side is at most {@code maxSide} pixels. */
    static BufferedImage crop(BufferedImage image, org.groundtruth.core.verify.NormalizedBox box, int maxSide) {
        int x = (int) Math.floor(box.x() * image.getWidth());
        int y = (int) Math.floor(box.y() * image.getHeight());
        int w = Math.max(1, Math.min(image.getWidth() - x, (int) Math.ceil(box.width() * image.getWidth())));
        int h = Math.max(1, Math.min(image.getHeight() - y, (int) Math.ceil(box.height() * image.getHeight())));
        BufferedImage part = image.getSubimage(Math.min(x, image.getWidth() - 1), Math.min(y, image.getHeight() - 1), w, h);
        double scale = Math.min(1.0, (double) maxSide / Math.max(w, h));
        BufferedImage small = new BufferedImage(Math.max(1, (int) (w * scale)), Math.max(1, (int) (h * scale)),
                BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = small.createGraphics();
        try {
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                    java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(part, 0, 0, small.getWidth(), small.getHeight(), null);
        } finally {
            g.dispose();
        }
        return small;
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
