package org.groundtruth.media.insignia;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Rect;
import org.groundtruth.core.insignia.ScanCandidate;
import org.groundtruth.core.insignia.ScanSettings;
import org.groundtruth.core.verify.InsigniaType;
import org.groundtruth.media.VideoDecoder;
import org.groundtruth.media.VideoFrame;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An SVG template behaves like the PNG of the same shape (docs/decisions/1810, 1822): the cross drawn as SVG — in
 * the emblem's crimson or in pure {@code #ff0000} — finds the turned, tilted, blurred crimson cross of a real frame
 * that the starter-set PNG finds.
 */
class SvgTemplateScanTest {
    private static VideoFrame frame;
    private static Rect truth;

    @BeforeAll
    static void compose() {
        VideoFrame background;
        try (VideoDecoder d = VideoDecoder.open(Path.of("..", "shared", "data", "media", "video", "with-gps.mp4"))) {
            background = EmblemComposer.resized(d.frame(0), 640, 360);
        }
        var composed = EmblemComposer.compose(background, StarterEmblems.all().get(0).png(),
                new EmblemComposer.Distortion(48, 20, 0.1, 0.6, 2, 95), new Random(4));
        frame = composed.frame();
        truth = composed.truth();
    }

    private static String cross(String fill) {
        // the starter set's geometry: 192 units, a 10 % margin, five equal squares across
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"192\" height=\"192\" viewBox=\"0 0 192 192\">"
                + "<rect x=\"80.64\" y=\"19.2\" width=\"30.72\" height=\"153.6\" fill=\"" + fill + "\"/>"
                + "<rect x=\"19.2\" y=\"80.64\" width=\"153.6\" height=\"30.72\" fill=\"" + fill + "\"/></svg>";
    }

    private static Optional<ScanCandidate> found(byte[] picture) {
        try (InsigniaScanner scanner = new InsigniaScanner(
                List.of(new InsigniaScanner.TemplateInput("cross", InsigniaType.RED_CROSS, picture)), List.of(), ScanSettings.DEFAULT)) {
            return scanner.matches(frame, Optional.of(0L)).stream().filter(c -> {
                double cx = (c.box().x() + c.box().width() / 2) * frame.width();
                double cy = (c.box().y() + c.box().height() / 2) * frame.height();
                return cx >= truth.x() && cx <= truth.x() + truth.width() && cy >= truth.y() && cy <= truth.y() + truth.height();
            }).findFirst();
        }
    }

    @Test
    void theStarterPngFindsTheTurnedTiltedBlurredCross() {
        assertThat(found(StarterEmblems.all().get(0).png())).isPresent();
    }

    @Test
    void theSameCrossAsSvgFindsItToo() {
        byte[] png = TemplatePictures.fromSvg(cross("#e4001b").getBytes(StandardCharsets.UTF_8));
        assertThat(found(png)).hasValueSatisfying(c -> assertThat(c.score()).isGreaterThanOrEqualTo(0.70));
    }

    @Test
    void aPureRedSvgCrossFindsTheCrimsonEmblem() {
        byte[] png = TemplatePictures.fromSvg(cross("#ff0000").getBytes(StandardCharsets.UTF_8));
        assertThat(found(png)).hasValueSatisfying(c -> assertThat(c.score()).isGreaterThanOrEqualTo(0.70));
    }

    @Test
    void svgTemplatesAreSoftenedAtTheirEdgesAndKeepTheirFlatColours() {
        // a hard step from crimson to white, as a rasteriser draws it
        java.awt.image.BufferedImage step = new java.awt.image.BufferedImage(20, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 20; x++) {
                step.setRGB(x, y, x < 10 ? 0xe4001b : 0xffffff);
            }
        }
        java.awt.image.BufferedImage soft = TemplatePictures.softened(step);
        assertThat(soft.getRGB(2, 1) & 0xffffff).isEqualTo(0xe4001b);
        assertThat(soft.getRGB(17, 1) & 0xffffff).isEqualTo(0xffffff);
        int lastRed = soft.getRGB(9, 1) & 0xff;
        int firstWhite = soft.getRGB(10, 1) & 0xff;
        assertThat(lastRed).isGreaterThan(0x1b + 10);
        assertThat(firstWhite).isLessThan(0xff - 10);
    }
}
