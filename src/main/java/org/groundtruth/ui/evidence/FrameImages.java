package org.groundtruth.ui.evidence;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.groundtruth.media.VideoFrame;

/** Decoded pixels to JavaFX images: video frames are BGRA already, so they are written without conversion. */
final class FrameImages {
    private FrameImages() {
    }

    /** Writes {@code frame} into {@code reuse} when it has the same size (no allocation per frame), else a new image. */
    static WritableImage toImage(VideoFrame frame, WritableImage reuse) {
        WritableImage target = reuse != null && (int) reuse.getWidth() == frame.width()
                && (int) reuse.getHeight() == frame.height() ? reuse : new WritableImage(frame.width(), frame.height());
        target.getPixelWriter().setPixels(0, 0, frame.width(), frame.height(), PixelFormat.getByteBgraInstance(),
                ByteBuffer.wrap(frame.bgra()), frame.width() * 4);
        return target;
    }

    static Image toImage(BufferedImage image) {
        return SwingFXUtils.toFXImage(image, null);
    }
}
