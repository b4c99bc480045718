package org.groundtruth.media.insignia;

import java.awt.image.BufferedImage;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.groundtruth.media.MediaFormatException;
import org.groundtruth.media.VideoFrame;

/** Pixels into OpenCV matrices: frames (BGRA), AWT images and encoded pictures become 8-bit BGR. */
final class OpenCvImages {
    private OpenCvImages() {
    }

    static Mat bgr(VideoFrame frame) {
        try (Mat bgra = new Mat(frame.height(), frame.width(), opencv_core.CV_8UC4)) {
            bgra.data().put(frame.bgra());
            Mat bgr = new Mat();
            opencv_imgproc.cvtColor(bgra, bgr, opencv_imgproc.COLOR_BGRA2BGR);
            return bgr;
        }
    }

    static Mat bgr(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] bgr = new byte[w * h * 3];
        int[] row = new int[w];
        for (int y = 0, p = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++, p += 3) {
                int rgb = row[x];
                bgr[p] = (byte) rgb;
                bgr[p + 1] = (byte) (rgb >> 8);
                bgr[p + 2] = (byte) (rgb >> 16);
            }
        }
        Mat mat = new Mat(h, w, opencv_core.CV_8UC3);
        mat.data().put(bgr);
        return mat;
    }

    /** An encoded picture (PNG, JPEG…) with its alpha channel when it has one (then 4 channels, BGRA). */
    static Mat decode(byte[] encoded, String name) {
        try (BytePointer bytes = new BytePointer(encoded); Mat buffer = new Mat(1, encoded.length, opencv_core.CV_8UC1, bytes)) {
            Mat image = opencv_imgcodecs.imdecode(buffer, opencv_imgcodecs.IMREAD_UNCHANGED);
            if (image == null || image.empty()) {
                throw new MediaFormatException(name + " is not a picture OpenCV can read");
            }
            return image;
        }
    }

    /** Encodes a BGR or BGRA matrix as PNG. */
    static byte[] png(Mat image) {
        try (BytePointer out = new BytePointer()) {
            if (!opencv_imgcodecs.imencode(".png", image, out)) {
                throw new IllegalStateException("PNG encoding failed");
            }
            byte[] bytes = new byte[(int) out.limit()];
            out.get(bytes);
            return bytes;
        }
    }
}
