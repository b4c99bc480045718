package org.groundtruth.media.match;

import java.awt.image.BufferedImage;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.groundtruth.core.geolocate.CellFeatures;

/**
 * The frame's features, found once per search on the frame scaled down (area average) to the working size.
 *
 * @param workScale working pixels per original pixel (≤ 1)
 */
record FrameFeatures(int originalWidth, int originalHeight, int workWidth, int workHeight, double workScale,
        CellFeatures features) {

    static FrameFeatures of(BufferedImage frame, int maxSide, int maxFeatures) {
        int w = frame.getWidth();
        int h = frame.getHeight();
        double scale = Math.min(1, maxSide / (double) Math.max(w, h));
        int ww = Math.max(1, (int) Math.round(w * scale));
        int wh = Math.max(1, (int) Math.round(h * scale));
        GrayImage full = GrayImage.of(frame);
        GrayImage work = scale < 1 ? resize(full, ww, wh) : full;
        // the exact scale of the rounded size, so working pixels map back to original pixels without drift
        double exact = ww / (double) w;
        return new FrameFeatures(w, h, ww, wh, exact, SiftExtractor.extract(work, maxFeatures));
    }

    private static GrayImage resize(GrayImage image, int w, int h) {
        try (Mat src = SiftExtractor.toMat(image.gray(), image.width(), image.height()); Mat dst = new Mat()) {
            opencv_imgproc.resize(src, dst, new Size(w, h), 0, 0, opencv_imgproc.INTER_AREA);
            byte[] gray = new byte[w * h];
            (dst.isContinuous() ? dst : dst.clone()).data().get(gray);
            byte[] mask = new byte[w * h];
            try (Mat srcMask = SiftExtractor.toMat(image.mask(), image.width(), image.height()); Mat dstMask = new Mat()) {
                // a pixel with any "no data" under it is "no data" (area average below 255)
                opencv_imgproc.resize(srcMask, dstMask, new Size(w, h), 0, 0, opencv_imgproc.INTER_AREA);
                (dstMask.isContinuous() ? dstMask : dstMask.clone()).data().get(mask);
            }
            for (int i = 0; i < mask.length; i++) {
                mask[i] = (mask[i] & 0xff) == 255 ? (byte) 255 : 0;
            }
            return new GrayImage(w, h, gray, mask);
        }
    }

    Mat descriptorMat() {
        return NearestNeighbours.descriptorMat(features);
    }
}
