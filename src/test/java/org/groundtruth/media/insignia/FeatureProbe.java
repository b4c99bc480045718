package org.groundtruth.media.insignia;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/** For the benchmark: how many SIFT keypoints a template picture carries, and whether it gets the homography stage. */
public final class FeatureProbe {
    private FeatureProbe() {
    }

    /** Keypoints found in the picture (0 when below {@link FeatureTemplate#MIN_KEYPOINTS}: no homography stage). */
    public static int keypoints(byte[] picture) {
        try (Mat image = OpenCvImages.decode(picture, "template"); Mat bgr = new Mat()) {
            if (image.channels() == 4) {
                org.bytedeco.opencv.global.opencv_imgproc.cvtColor(image, bgr, org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2BGR);
            } else {
                image.copyTo(bgr);
            }
            try (Mat mask = new Mat(bgr.rows(), bgr.cols(), opencv_core.CV_8UC1, new Scalar(255))) {
                return FeatureTemplate.of(bgr, mask).map(f -> {
                    int n = f.keypointCount();
                    f.close();
                    return n;
                }).orElse(0);
            }
        }
    }
}
