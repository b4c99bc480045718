package org.groundtruth.media.insignia;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.groundtruth.core.insignia.MatchMethod;
import org.groundtruth.core.insignia.ScanCandidate;
import org.groundtruth.core.insignia.ScanSettings;
import org.groundtruth.core.verify.InsigniaType;
import org.groundtruth.media.PngFiles;
import org.groundtruth.media.VideoDecoder;
import org.groundtruth.media.VideoFrame;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The homography stage (docs/decisions/1830): a detailed badge strongly tilted and turned in a real frame is found at
 * its true box by feature matching where the correlation path misses it; a frame without it gives nothing; an
 * implausible homography is refused; a template without keypoints falls back to the correlation path.
 */
class HomographyMatcherTest {
    private static VideoFrame background;

    @BeforeAll
    static void background() {
        try (VideoDecoder d = VideoDecoder.open(Path.of("..", "shared", "data", "media", "video", "with-gps.mp4"))) {
            background = EmblemComposer.resized(d.frame(0), 1280, 720);
        }
    }

    private static List<ScanCandidate> scan(byte[] template, VideoFrame frame, InsigniaScanner.FeatureStage stage) {
        try (InsigniaScanner scanner = new InsigniaScanner(List.of(new InsigniaScanner.TemplateInput("badge",
                InsigniaType.DSNS_EMBLEM, template)), List.of(), ScanSettings.DEFAULT, stage)) {
            return scanner.matches(frame, Optional.of(0L));
        }
    }

    private static double iou(ScanCandidate c, Rect truth, VideoFrame frame) {
        Rect box = new Rect((int) Math.round(c.box().x() * frame.width()), (int) Math.round(c.box().y() * frame.height()),
                (int) Math.round(c.box().width() * frame.width()), (int) Math.round(c.box().height() * frame.height()));
        return EmblemMatcher.iou(box, truth);
    }

    @Test
    void findsAStronglyTiltedTurnedBadgeAtItsBoxWhereCorrelationMissesIt() {
        var composed = EmblemComposer.compose(background, RescueBadge.png(),
                new EmblemComposer.Distortion(110, 35, 0.65, 0.5, 2, 95), new Random(7));
        List<ScanCandidate> withFeatures = scan(RescueBadge.png(), composed.frame(), InsigniaScanner.FeatureStage.ON);
        assertThat(withFeatures).hasSize(1);
        assertThat(withFeatures.get(0).method()).isEqualTo(MatchMethod.FEATURES);
        assertThat(withFeatures.get(0).score()).isBetween(ScanSettings.DEFAULT.minScore(), 1.0);
        assertThat(iou(withFeatures.get(0), composed.truth(), composed.frame())).isGreaterThanOrEqualTo(0.8);
        assertThat(scan(RescueBadge.png(), composed.frame(), InsigniaScanner.FeatureStage.OFF)).isEmpty();
    }

    @Test
    void aFrameWithoutTheBadgeGivesNoCandidate() {
        assertThat(scan(RescueBadge.png(), background, InsigniaScanner.FeatureStage.ON)).isEmpty();
    }

    @Test
    void theDetailedBadgeCarriesFeaturesAndTheStarterSymbolsDoNot() {
        assertThat(FeatureProbe.keypoints(RescueBadge.png())).isGreaterThanOrEqualTo(FeatureTemplate.MIN_KEYPOINTS);
        for (StarterEmblems.Starter e : StarterEmblems.all()) {
            assertThat(FeatureProbe.keypoints(e.png())).as(e.name()).isZero();
        }
    }

    @Test
    void aTemplateWithoutKeypointsFallsBackToCorrelation() {
        // a flat orange disc on white: no corners, no keypoints, so no feature stage — correlation still finds it
        BufferedImage disc = new BufferedImage(96, 96, BufferedImage.TYPE_INT_RGB);
        var g = disc.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 96, 96);
        g.setColor(new Color(240, 110, 20));
        g.fillOval(8, 8, 80, 80);
        g.dispose();
        byte[] png = PngFiles.encode(disc);
        assertThat(FeatureProbe.keypoints(png)).isZero();
        var composed = EmblemComposer.compose(background, png, new EmblemComposer.Distortion(64, 0, 0.1, 0.4, 1, 95), new Random(3));
        List<ScanCandidate> found = scan(png, composed.frame(), InsigniaScanner.FeatureStage.ON);
        assertThat(found).anySatisfy(c -> {
            assertThat(c.method()).isEqualTo(MatchMethod.TEMPLATE);
            assertThat(iou(c, composed.truth(), composed.frame())).isGreaterThanOrEqualTo(0.5);
        });
    }

    @Test
    void aPlausibleViewIsAcceptedAndDegenerateOnesAreRefused() {
        // a tilted, turned view of a 100 px square: fine
        assertThat(HomographyMatcher.plausible(new double[] {100, 100, 200, 110, 190, 170, 105, 180}, 1280, 720, 16)).isTrue();
        // mirrored (corners run the other way round)
        assertThat(HomographyMatcher.plausible(new double[] {200, 100, 100, 100, 100, 200, 200, 200}, 1280, 720, 16)).isFalse();
        // a bow tie (two corners swapped): not convex
        assertThat(HomographyMatcher.plausible(new double[] {100, 100, 200, 100, 100, 200, 200, 200}, 1280, 720, 16)).isFalse();
        // a sliver: a corner of 10 degrees
        assertThat(HomographyMatcher.plausible(new double[] {100, 100, 300, 100, 300, 135, 290, 135}, 1280, 720, 16)).isFalse();
        // one side more than three times its opposite
        assertThat(HomographyMatcher.plausible(new double[] {100, 100, 500, 100, 300, 200, 200, 200}, 1280, 720, 16)).isFalse();
        // mostly outside the frame
        assertThat(HomographyMatcher.plausible(new double[] {1200, 100, 1400, 100, 1400, 300, 1200, 300}, 1280, 720, 16)).isFalse();
        // smaller than the smallest emblem size
        assertThat(HomographyMatcher.plausible(new double[] {100, 100, 108, 100, 108, 108, 100, 108}, 1280, 720, 16)).isFalse();
        // not finite
        assertThat(HomographyMatcher.plausible(new double[] {Double.NaN, 100, 200, 100, 200, 200, 100, 200}, 1280, 720, 16)).isFalse();
    }

    @Test
    void aHomographyThatSendsACornerBehindTheCameraIsRefused() {
        try (Mat h = new Mat(3, 3, opencv_core.CV_64FC1)) {
            DoubleIndexer idx = h.createIndexer();
            double[] m = {1, 0, 0, 0, 1, 0, -0.02, 0, 1};
            for (int i = 0; i < 9; i++) {
                idx.put(i / 3, i % 3, m[i]);
            }
            idx.close();
            double[] quad = HomographyMatcher.project(h, 256, 256);
            assertThat(HomographyMatcher.plausible(quad, 1280, 720, 16)).isFalse();
        }
    }
}
