package org.groundtruth.media.insignia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.groundtruth.core.insignia.MatchMethod;
import org.groundtruth.core.insignia.ScanCandidate;
import org.groundtruth.core.insignia.ScanSettings;
import org.groundtruth.media.SharedMedia;
import org.groundtruth.media.VideoDecoder;
import org.groundtruth.media.VideoFrame;
import org.junit.jupiter.api.Test;

/**
 * OCR of text markings (issue 18): ДСНС, 101, 103, ШВИДКА and RESCUE painted on a vehicle panel in a frame of a real
 * video — in DejaVu Sans Bold and in a stencil cut of it (the gaps of sprayed stencil lettering) — are read back by
 * the scanner at a rate of at least 0.9, in the right place. Needs Tesseract's ukr and eng data
 * ({@code apt-get install tesseract-ocr-ukr tesseract-ocr-eng}).
 */
class TextMarkingOcrTest {
    static final List<String> MARKINGS = List.of("ДСНС", "101", "103", "ШВИДКА", "RESCUE");

    /** One painted marking: the frame and the box it was painted in (pixels). */
    record Painted(String marking, boolean stencil, VideoFrame frame, java.awt.Rectangle box) {
    }

    @Test
    void markingsAreReadBackInTheirPlace() {
        assumeTrue(TessdataLocator.find(List.of("ukr", "eng")).isPresent(), TessdataLocator.howToInstall());
        List<Painted> set = testSet();
        int read = 0;
        List<String> misses = new ArrayList<>();
        try (InsigniaScanner scanner = new InsigniaScanner(List.of(), MARKINGS, ScanSettings.DEFAULT)) {
            for (Painted p : set) {
                List<ScanCandidate> found = scanner.matches(p.frame(), Optional.of(0L));
                boolean right = found.stream().anyMatch(c -> c.method() == MatchMethod.OCR
                        && c.template().equals(p.marking()) && centreInside(c, p));
                if (right) {
                    read++;
                } else {
                    misses.add(p.marking() + (p.stencil() ? " (stencil)" : "") + " read as "
                            + found.stream().map(ScanCandidate::text).toList());
                }
            }
        }
        double rate = (double) read / set.size();
        assertThat(rate).as("read %d of %d; missed %s", read, set.size(), misses).isGreaterThanOrEqualTo(0.9);
    }

    static boolean centreInside(ScanCandidate c, Painted p) {
        double cx = (c.box().x() + c.box().width() / 2) * p.frame().width();
        double cy = (c.box().y() + c.box().height() / 2) * p.frame().height();
        return p.box().contains(cx, cy);
    }

    /** Each marking in both fonts at two sizes, on frames of a real video, 960x540. */
    static List<Painted> testSet() {
        List<BufferedImage> backgrounds = new ArrayList<>();
        try (VideoDecoder d = VideoDecoder.open(SharedMedia.file("video/gopro-max-heromode.mp4"))) {
            backgrounds.add(EmblemComposer.resized(d.frame(0), 960, 540).toBufferedImage());
            backgrounds.add(EmblemComposer.resized(d.frame(d.info().lastFrame() / 2), 960, 540).toBufferedImage());
        }
        Random random = new Random(101);
        List<Painted> set = new ArrayList<>();
        for (String marking : MARKINGS) {
            for (boolean stencil : new boolean[] {false, true}) {
                for (int height : new int[] {28, 44}) {
                    BufferedImage bg = backgrounds.get(random.nextInt(backgrounds.size()));
                    set.add(paint(bg, marking, stencil, height, random));
                }
            }
        }
        return set;
    }

    /** Paints the marking on a light vehicle panel (dark red letters), as rescue vehicles carry them. */
    static Painted paint(BufferedImage background, String marking, boolean stencil, int letterHeight, Random random) {
        BufferedImage image = new BufferedImage(background.getWidth(), background.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.drawImage(background, 0, 0, null);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Font font = new Font("DejaVu Sans", Font.BOLD, 10);
        // capital letters are about 0.72 of the ascent tall
        font = font.deriveFont((float) (10.0 * letterHeight / (g.getFontMetrics(font).getAscent() * 0.72)));
        g.setFont(font);
        FontMetrics m = g.getFontMetrics();
        int textW = m.stringWidth(marking);
        int padX = letterHeight;
        int padY = letterHeight / 2;
        int x = 20 + random.nextInt(Math.max(1, image.getWidth() - textW - 2 * padX - 40));
        int y = 20 + random.nextInt(Math.max(1, image.getHeight() - letterHeight - 2 * padY - 40));
        java.awt.Rectangle panel = new java.awt.Rectangle(x, y, textW + 2 * padX, letterHeight + 2 * padY);
        g.setColor(new Color(236, 236, 230));
        g.fill(panel);
        g.setColor(new Color(170, 20, 30));
        int baseline = y + padY + letterHeight;
        g.drawString(marking, x + padX, baseline);
        if (stencil) {
            // stencil bridges: thin vertical gaps through every letter, as sprayed stencil lettering has
            g.setColor(new Color(236, 236, 230));
            int gap = Math.max(2, letterHeight / 12);
            for (int bx = x + padX + letterHeight / 3; bx < x + padX + textW; bx += letterHeight * 2 / 3) {
                g.fillRect(bx, y + padY, gap, letterHeight + 2);
            }
        }
        g.dispose();
        try (org.bytedeco.opencv.opencv_core.Mat bgr = OpenCvImages.bgr(image)) {
            return new Painted(marking, stencil, EmblemComposer.toFrame(bgr, 0), panel);
        }
    }

    public static void main(String[] args) {
        try (InsigniaScanner scanner = new InsigniaScanner(List.of(), MARKINGS, ScanSettings.DEFAULT)) {
            for (Painted p : testSet()) {
                long t0 = System.nanoTime();
                List<ScanCandidate> found = scanner.matches(p.frame(), Optional.of(0L));
                System.out.printf("%-8s %s -> %s  %.0f ms%n", p.marking(), p.stencil() ? "stencil" : "plain  ",
                        found.stream().map(c -> c.template() + "=" + c.text() + (centreInside(c, p) ? "@right" : "@wrong")).toList(),
                        (System.nanoTime() - t0) / 1e6);
            }
        }
    }
}
