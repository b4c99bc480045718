package org.groundtruth.media.insignia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

/** The moment fit that maps a template's rotation onto a squeezed blob (docs/decisions/1820). */
class ShapeMomentsTest {

    private static Mat rectangle(int w, int h) {
        Mat m = Mat.zeros(h + 20, w + 20, opencv_core.CV_8UC1).asMat();
        opencv_imgproc.rectangle(m, new Rect(10, 10, w, h), new Scalar(255), -1, 8, 0);
        return m;
    }

    @Test
    void centroidIsOffsetAndSpreadIsThatOfTheShape() {
        try (Mat square = rectangle(40, 40)) {
            ShapeMoments m = ShapeMoments.of(square, 100, 200);
            assertThat(m.cx()).isCloseTo(100 + 29.5, within(0.01));
            assertThat(m.cy()).isCloseTo(200 + 29.5, within(0.01));
            // a uniform square of side 40: variance (40^2 - 1) / 12 along each axis, none across
            assertThat(m.xx()).isCloseTo((40 * 40 - 1) / 12.0, within(0.5));
            assertThat(m.xy()).isCloseTo(0, within(0.01));
            assertThat(m.usable()).isTrue();
        }
    }

    @Test
    void aSquareMapsOntoASqueezedSquareByTheSqueeze() {
        try (Mat square = rectangle(40, 40); Mat squeezed = rectangle(80, 20)) {
            double[] a = ShapeMoments.of(square, 0, 0).mapTo(ShapeMoments.of(squeezed, 0, 0));
            assertThat(a[0]).isCloseTo(2.0, within(0.05));
            assertThat(a[3]).isCloseTo(0.5, within(0.05));
            assertThat(a[1]).isCloseTo(0, within(0.01));
            assertThat(a[2]).isCloseTo(0, within(0.01));
        }
    }

    @Test
    void anEmptyOrLineShapeIsNotUsable() {
        try (Mat empty = Mat.zeros(10, 10, opencv_core.CV_8UC1).asMat(); Mat line = rectangle(30, 1)) {
            assertThat(ShapeMoments.of(empty, 0, 0).usable()).isFalse();
            assertThat(ShapeMoments.of(line, 0, 0).usable()).isFalse();
        }
    }
}
