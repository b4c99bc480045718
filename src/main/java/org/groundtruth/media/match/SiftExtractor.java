package org.groundtruth.media.match;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.KeyPoint;
import org.bytedeco.opencv.opencv_core.KeyPointVector;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_features2d.SIFT;
import org.groundtruth.core.geolocate.CellFeatures;

/**
 * SIFT keypoints and 128-byte descriptors (OpenCV). SIFT is invariant to rotation, so a frame whose yaw tag is 180°
 * wrong matches as well as a correctly oriented one, and tolerant to scale over a few octaves, which the 2–3 reference
 * scales cover. The mask is eroded so the edges of holes and of missing tiles give no keypoints.
 */
final class SiftExtractor {
    static final int DESCRIPTOR_LENGTH = 128;
    private static final int MASK_MARGIN = 9;

    private SiftExtractor() {
    }

    static CellFeatures extract(GrayImage image, int maxFeatures) {
        if (image.coverage() < 0.02) {
            return CellFeatures.empty(DESCRIPTOR_LENGTH);
        }
        try (Mat gray = toMat(image.gray(), image.width(), image.height());
             Mat rawMask = toMat(image.mask(), image.width(), image.height());
             Mat mask = new Mat();
             Mat kernel = opencv_imgproc.getStructuringElement(opencv_imgproc.MORPH_RECT, new Size(MASK_MARGIN, MASK_MARGIN));
             KeyPointVector keypoints = new KeyPointVector();
             Mat descriptors = new Mat();
             SIFT sift = SIFT.create(maxFeatures, 3, 0.03, 10, 1.6, CV_8U)) {
            opencv_imgproc.erode(rawMask, mask, kernel);
            sift.detectAndCompute(gray, mask, keypoints, descriptors);
            int n = (int) keypoints.size();
            if (n == 0 || descriptors.rows() != n) {
                return CellFeatures.empty(DESCRIPTOR_LENGTH);
            }
            float[] points = new float[2 * n];
            for (int i = 0; i < n; i++) {
                KeyPoint k = keypoints.get(i);
                points[2 * i] = k.pt().x();
                points[2 * i + 1] = k.pt().y();
            }
            byte[] bytes = new byte[n * DESCRIPTOR_LENGTH];
            Mat continuous = descriptors.isContinuous() ? descriptors : descriptors.clone();
            continuous.data().get(bytes);
            return new CellFeatures(n, points, bytes, DESCRIPTOR_LENGTH);
        }
    }

    static Mat toMat(byte[] pixels, int width, int height) {
        Mat mat = new Mat(height, width, CV_8UC1);
        BytePointer data = mat.data();
        data.put(pixels);
        return mat;
    }
}
