package org.groundtruth.media.match;

import java.awt.image.BufferedImage;
import org.groundtruth.core.Require;

/**
 * An 8-bit grey image with a mask of where it has data (255) and where it has none (0: transparent tiles, the black
 * holes of an orthophoto). Plain arrays so it can cross threads and be tested without OpenCV.
 */
record GrayImage(int width, int height, byte[] gray, byte[] mask) {
    GrayImage {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive");
        }
        Require.present(gray, "grey pixels");
        Require.present(mask, "mask");
        if (gray.length != width * height || mask.length != width * height) {
            throw new IllegalArgumentException("pixel arrays do not match " + width + "×" + height);
        }
    }

    /** ARGB pixels: fully transparent and pure black pixels are "no data". */
    static GrayImage ofArgb(int[] argb, int width, int height) {
        byte[] gray = new byte[width * height];
        byte[] mask = new byte[width * height];
        for (int i = 0; i < gray.length; i++) {
            int p = argb[i];
            int r = (p >> 16) & 0xff;
            int g = (p >> 8) & 0xff;
            int b = p & 0xff;
            gray[i] = (byte) ((299 * r + 587 * g + 114 * b) / 1000);
            boolean data = (p >>> 24) > 0 && (r | g | b) != 0;
            mask[i] = data ? (byte) 255 : 0;
        }
        return new GrayImage(width, height, gray, mask);
    }

    static GrayImage of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR
                && image.getRaster().getDataBuffer() instanceof java.awt.image.DataBufferByte bytes
                && image.getRaster().getSampleModel() instanceof java.awt.image.PixelInterleavedSampleModel model
                && model.getPixelStride() == 3 && model.getScanlineStride() == 3 * w && bytes.getNumBanks() == 1
                && image.getRaster().getSampleModelTranslateX() == 0 && image.getRaster().getSampleModelTranslateY() == 0) {
            // decoded JPEGs: read the bytes directly instead of a colour-model call per pixel (same grey values)
            byte[] bgr = bytes.getData();
            byte[] gray = new byte[w * h];
            byte[] mask = new byte[w * h];
            for (int i = 0, k = 0; i < gray.length; i++, k += 3) {
                gray[i] = (byte) ((299 * (bgr[k + 2] & 0xff) + 587 * (bgr[k + 1] & 0xff) + 114 * (bgr[k] & 0xff)) / 1000);
            }
            java.util.Arrays.fill(mask, (byte) 255);
            return new GrayImage(w, h, gray, mask);
        }
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        byte[] gray = new byte[w * h];
        byte[] mask = new byte[w * h];
        boolean alpha = image.getColorModel().hasAlpha(); // a rectified oblique frame: transparent where it has no ground
        for (int i = 0; i < gray.length; i++) {
            int p = argb[i];
            gray[i] = (byte) ((299 * ((p >> 16) & 0xff) + 587 * ((p >> 8) & 0xff) + 114 * (p & 0xff)) / 1000);
            mask[i] = !alpha || (p >>> 24) != 0 ? (byte) 255 : 0;
        }
        return new GrayImage(w, h, gray, mask);
    }

    /** Share of pixels with data, 0..1. */
    double coverage() {
        int n = 0;
        for (byte m : mask) {
            if (m != 0) {
                n++;
            }
        }
        return n / (double) mask.length;
    }
}
