package org.groundtruth.media.insignia;

import static org.assertj.core.api.Assertions.assertThat;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.groundtruth.core.verify.InsigniaType;
import org.junit.jupiter.api.Test;

/** Template rotations resized once per size and kept (docs/decisions/1823). */
class ScaledTemplatesTest {

    private static Mat picture() {
        Mat bgr = new Mat(60, 60, opencv_core.CV_8UC3, new Scalar(255, 255, 255, 0));
        opencv_imgproc.rectangle(bgr, new Rect(24, 6, 12, 48), new Scalar(0, 0, 220, 0), -1, 8, 0);
        opencv_imgproc.rectangle(bgr, new Rect(6, 24, 48, 12), new Scalar(0, 0, 220, 0), -1, 8, 0);
        return bgr;
    }

    @Test
    void aSizeIsMadeOnceAndIsWhatAResizeGives() {
        try (Mat bgr = picture(); Mat mask = new Mat(60, 60, opencv_core.CV_8UC1, new Scalar(255));
                ScaledTemplates sizes = new ScaledTemplates(); Mat expected = new Mat(); Mat difference = new Mat()) {
            ScaledTemplates.Scaled first = sizes.of(bgr, mask, 30, 20);
            ScaledTemplates.Scaled again = sizes.of(bgr, mask, 30, 20);
            assertThat(again).isSameAs(first);
            assertThat(first.owned()).isFalse();
            assertThat(first.full()).isTrue();
            assertThat(first.picture().cols()).isEqualTo(30);
            assertThat(first.picture().rows()).isEqualTo(20);
            opencv_imgproc.resize(bgr, expected, new Size(30, 20), 0, 0, opencv_imgproc.INTER_AREA);
            opencv_core.absdiff(first.picture(), expected, difference);
            assertThat(opencv_core.sumElems(difference).get(0) + opencv_core.sumElems(difference).get(2)).isZero();
            assertThat(sizes.of(bgr, mask, 20, 30)).isNotSameAs(first);
        }
    }

    @Test
    void aMaskWithEmptyCornersIsNotFull() {
        try (Mat bgr = picture(); Mat mask = Mat.zeros(60, 60, opencv_core.CV_8UC1).asMat();
                ScaledTemplates sizes = new ScaledTemplates()) {
            opencv_imgproc.circle(mask, new Point(30, 30), 28, new Scalar(255), -1, 8, 0);
            ScaledTemplates.Scaled s = sizes.of(bgr, mask, 24, 24);
            assertThat(s.full()).isFalse();
            assertThat(opencv_core.countNonZero(s.mask())).isBetween(1, 24 * 24 - 1);
        }
    }

    @Test
    void beyondTheLimitSizesAreMadeForTheCallerToClose() {
        try (Mat bgr = picture(); Mat mask = new Mat(60, 60, opencv_core.CV_8UC1, new Scalar(255));
                ScaledTemplates sizes = new ScaledTemplates()) {
            for (int i = 0; i < ScaledTemplates.MAX_SIZES; i++) {
                sizes.of(bgr, mask, 6 + i % 50, 6 + i / 50);
            }
            try (ScaledTemplates.Scaled extra = sizes.of(bgr, mask, 200, 200)) {
                assertThat(extra.owned()).isTrue();
                assertThat(extra.picture().cols()).isEqualTo(200);
            }
            assertThat(sizes.of(bgr, mask, 6, 6).owned()).isFalse();
        }
    }

    @Test
    void everyRotationOfAPreparedTemplateKeepsItsSizes() {
        try (PreparedTemplate cross = PreparedTemplate.of("Red Cross", InsigniaType.RED_CROSS,
                StarterEmblems.all().get(0).png())) {
            for (PreparedTemplate.Variant v : cross.variants()) {
                assertThat(v.scaled(31, 29)).isSameAs(v.scaled(31, 29));
            }
        }
    }
}
