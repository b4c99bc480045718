package org.groundtruth.media.match;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.NORM_L2;

import java.nio.FloatBuffer;
import org.bytedeco.opencv.opencv_core.DMatch;
import org.bytedeco.opencv.opencv_core.DMatchVector;
import org.bytedeco.opencv.opencv_core.DMatchVectorVector;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_features2d.BFMatcher;
import org.groundtruth.core.geolocate.CellFeatures;

/**
 * For each frame feature, its nearest and second-nearest descriptor in one reference cell (brute force, L2). Kept
 * per cell so that a window of neighbouring cells can run Lowe's ratio test over all of its features without
 * matching any cell twice.
 */
record NearestNeighbours(float[] cellPoints, float[] bestDistance, int[] bestIndex, float[] secondDistance) {
    static final float NONE = Float.POSITIVE_INFINITY;

    /** RootSIFT (Arandjelović and Zisserman 2012): L1-normalised square roots, compared with L2. */
    static Mat descriptorMat(CellFeatures features) {
        int n = features.count();
        int len = features.descriptorLength();
        byte[] d = features.descriptors();
        float[] out = new float[n * len];
        for (int i = 0; i < n; i++) {
            int sum = 0;
            for (int k = 0; k < len; k++) {
                sum += d[i * len + k] & 0xff;
            }
            double norm = sum == 0 ? 1 : sum;
            for (int k = 0; k < len; k++) {
                out[i * len + k] = (float) Math.sqrt((d[i * len + k] & 0xff) / norm);
            }
        }
        Mat floats = new Mat(Math.max(n, 0), len, CV_32F);
        if (n > 0) {
            FloatBuffer buffer = floats.createBuffer();
            buffer.put(out);
        }
        return floats;
    }

    static NearestNeighbours of(Mat frameDescriptors, int frameCount, CellFeatures cell) {
        float[] best = new float[frameCount];
        float[] second = new float[frameCount];
        int[] index = new int[frameCount];
        java.util.Arrays.fill(best, NONE);
        java.util.Arrays.fill(second, NONE);
        java.util.Arrays.fill(index, -1);
        if (cell.count() > 0 && frameCount > 0) {
            try (Mat train = descriptorMat(cell);
                 BFMatcher matcher = new BFMatcher(NORM_L2, false);
                 DMatchVectorVector matches = new DMatchVectorVector()) {
                matcher.knnMatch(frameDescriptors, train, matches, 2);
                long n = matches.size();
                for (long i = 0; i < n; i++) {
                    DMatchVector pair = matches.get(i);
                    if (pair.size() == 0) {
                        continue;
                    }
                    DMatch first = pair.get(0);
                    int q = first.queryIdx();
                    best[q] = first.distance();
                    index[q] = first.trainIdx();
                    if (pair.size() > 1) {
                        second[q] = pair.get(1).distance();
                    }
                }
            }
        }
        return new NearestNeighbours(cell.points(), best, index, second);
    }
}
