package org.groundtruth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.bytedeco.opencv.opencv_core.Rect;
import org.groundtruth.media.SharedMedia;
import org.groundtruth.media.VideoDecoder;
import org.groundtruth.media.VideoFrame;
import org.groundtruth.media.insignia.EmblemComposer;
import org.groundtruth.media.insignia.StarterEmblems;
import org.groundtruth.media.insignia.SyntheticVideo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InsigniaScanCommandTest {
    private static final int W = 640;
    private static final int H = 360;

    @TempDir
    static Path tmp;
    static Path video;
    static Path template;
    static Rect truth;

    /** 40 frames of a real scene; a 48 px Red Cross, turned 20°, is in frames 10..29 only. */
    @BeforeAll
    static void makeVideo() throws Exception {
        VideoFrame background;
        try (VideoDecoder d = VideoDecoder.open(SharedMedia.file("video/with-gps.mp4"))) {
            background = EmblemComposer.resized(d.frame(0), W, H);
        }
        byte[] cross = StarterEmblems.all().get(0).png();
        var composed = EmblemComposer.compose(background, cross,
                new EmblemComposer.Distortion(48, 20, 0.1, 0.6, 2, 95), new Random(4));
        truth = composed.truth();
        video = tmp.resolve("drone.mp4");
        try (SyntheticVideo out = new SyntheticVideo(video, W, H, 25, 1_000_000)) {
            for (int n = 0; n < 40; n++) {
                out.add(n >= 10 && n < 30 ? composed.frame() : background);
            }
        }
        template = tmp.resolve("red-cross.png");
        Files.write(template, cross);
    }

    @Test
    void findsTheEmblemInItsRunOfFrames() {
        CliRun run = CliRun.of("insignia", "scan", video.toString(), "--template", template.toString(), "--every", "2", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.isArray()).isTrue();
        assertThat(json).hasSize(1);
        JsonNode c = json.get(0);
        assertThat(c.get("template").asText()).isEqualTo("red-cross.png");
        assertThat(c.get("score").asDouble()).isBetween(0.70, 1.0);
        assertThat(c.get("firstFrame").asLong()).isBetween(10L, 12L);
        assertThat(c.get("lastFrame").asLong()).isBetween(28L, 29L);
        assertThat(c.get("frame").asLong()).isBetween(c.get("firstFrame").asLong(), c.get("lastFrame").asLong());
        JsonNode box = c.get("box");
        assertThat(box).hasSize(4);
        double cx = (box.get(0).asDouble() + box.get(2).asDouble() / 2) * W;
        double cy = (box.get(1).asDouble() + box.get(3).asDouble() / 2) * H;
        assertThat(cx).isBetween((double) truth.x(), (double) truth.x() + truth.width());
        assertThat(cy).isBetween((double) truth.y(), (double) truth.y() + truth.height());
        assertThat(box.get(2).asDouble() * W).isBetween(truth.width() * 0.6, truth.width() * 1.4);
    }

    @Test
    void aBrokenSvgTemplateIsOneLineAndExitTwo() throws Exception {
        Path broken = Files.writeString(tmp.resolve("broken.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"><path d=");
        expectBadInput(CliRun.of("insignia", "scan", video.toString(), "--template", broken.toString()),
                "groundtruth: " + broken + ": the SVG cannot be drawn: ");
    }

    @Test
    void scansAPhotoWithoutFrameNumbers() throws Exception {
        VideoFrame frame;
        try (VideoDecoder d = VideoDecoder.open(video)) {
            frame = d.frame(15);
        }
        Path photo = tmp.resolve("still.png");
        ImageIO.write(frame.toBufferedImage(), "png", photo.toFile());
        CliRun run = CliRun.of("insignia", "scan", photo.toString(), "--template", template.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.json()).hasSize(1);
        assertThat(run.json().get(0).get("frame").isNull()).isTrue();
        assertThat(run.json().get(0).get("firstFrame").isNull()).isTrue();
    }

    @Test
    void readsATextMarkingByOcr() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.groundtruth.media.insignia.TessdataLocator
                .find(java.util.List.of("ukr", "eng")).isPresent());
        java.awt.image.BufferedImage image;
        try (VideoDecoder d = VideoDecoder.open(SharedMedia.file("video/with-gps.mp4"))) {
            image = EmblemComposer.resized(d.frame(0), 960, 540).toBufferedImage();
        }
        java.awt.Graphics2D g = image.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new java.awt.Color(238, 238, 232));
        g.fillRect(300, 200, 300, 80);
        g.setColor(new java.awt.Color(160, 20, 30));
        g.setFont(new java.awt.Font("DejaVu Sans", java.awt.Font.BOLD, 48));
        g.drawString("ДСНС", 330, 258);
        g.dispose();
        Path photo = tmp.resolve("panel.png");
        ImageIO.write(image, "png", photo.toFile());
        CliRun run = CliRun.of("insignia", "scan", photo.toString(), "--marking", "ДСНС", "--marking", "ШВИДКА", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.json()).hasSize(1);
        assertThat(run.json().get(0).get("template").asText()).isEqualTo("ДСНС");
        double cx = (run.json().get(0).get("box").get(0).asDouble() + run.json().get(0).get("box").get(2).asDouble() / 2) * 960;
        assertThat(cx).isBetween(300.0, 600.0);
    }

    @Test
    void humanOutputSaysWhatWasScanned() {
        CliRun run = CliRun.of("insignia", "scan", video.toString(), "--template", template.toString(), "--every", "10");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("red-cross.png").contains("1 candidates;");
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        String t = template.toString();
        expectBadInput(CliRun.of("insignia", "scan", "src/test/resources/media/truncated-in-header.mp4", "--template", t),
                "groundtruth: src/test/resources/media/truncated-in-header.mp4: ");
        expectBadInput(CliRun.of("insignia", "scan", "src/test/resources/media/empty.mp4", "--template", t),
                "groundtruth: src/test/resources/media/empty.mp4: ");
        expectBadInput(CliRun.of("insignia", "scan", tmp.resolve("missing.mp4").toString(), "--template", t),
                "groundtruth: " + tmp.resolve("missing.mp4") + ": no such file");
        Path text = Files.writeString(tmp.resolve("notes.png"), "not a picture");
        expectBadInput(CliRun.of("insignia", "scan", video.toString(), "--template", text.toString()),
                "groundtruth: " + text + ": --template is not a picture");
        expectBadInput(CliRun.of("insignia", "scan", video.toString(), "--template", tmp.resolve("none.png").toString()),
                "groundtruth: " + tmp.resolve("none.png") + ": no such file");
        expectBadInput(CliRun.of("insignia", "scan", video.toString(), "--template", t, "--every", "0"), "groundtruth: --every");
        expectBadInput(CliRun.of("insignia", "scan", video.toString()), "groundtruth: give at least one --template");
        Path tiny = tmp.resolve("tiny.png");
        ImageIO.write(new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", tiny.toFile());
        expectBadInput(CliRun.of("insignia", "scan", video.toString(), "--template", tiny.toString()), "groundtruth: template tiny.png is 4x4");
    }

    @Test
    void corruptDataEndsTheScanAtTheDamageAndKeepsWhatCameBefore() {
        CliRun run = CliRun.of("insignia", "scan", "src/test/resources/media/corrupt-data.mp4", "--template", template.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.json().isArray()).isTrue();
        assertThat(run.json()).isEmpty();
    }

    private static void expectBadInput(CliRun run, String errorStart) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith(errorStart);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.out()).isEmpty();
    }
}
