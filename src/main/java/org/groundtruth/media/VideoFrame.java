package org.groundtruth.media;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * One decoded video frame: its number counted from 0, its presentation time in seconds from the first frame,
 * and its pixels as packed BGRA bytes (4 per pixel, row stride {@code width * 4}) — the layout JavaFX's
 * {@code PixelFormat.getByteBgraInstance()} writes without conversion.
 */
public record VideoFrame(long frameNumber, double timeSeconds, int width, int height, byte[] bgra) {
    public VideoFrame {
        if (frameNumber < 0 || width <= 0 || height <= 0 || !Double.isFinite(timeSeconds)) {
            throw new IllegalArgumentException("bad frame " + frameNumber + " " + width + "x" + height);
        }
        if (bgra.length != (long) width * height * 4) {
            throw new IllegalArgumentException("pixel buffer holds " + bgra.length + " bytes, expected "
                    + (long) width * height * 4);
        }
    }

    /** The pixels as an opaque RGB image (for PNG files and hashing). */
    public BufferedImage toBufferedImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] rgb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int i = 0, p = 0; i < rgb.length; i++, p += 4) {
            rgb[i] = ((bgra[p + 2] & 0xff) << 16) | ((bgra[p + 1] & 0xff) << 8) | (bgra[p] & 0xff);
        }
        return image;
    }

    /** Bytes held, for cache budgets. */
    public long sizeBytes() {
        return bgra.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VideoFrame f && f.frameNumber == frameNumber && f.width == width && f.height == height
                && java.util.Arrays.equals(f.bgra, bgra);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(frameNumber) * 31 + java.util.Arrays.hashCode(bgra);
    }

    @Override
    public String toString() {
        return "VideoFrame[" + frameNumber + " @ " + timeSeconds + " s, " + width + "x" + height + "]";
    }
}
