package org.groundtruth.media.insignia;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.batik.transcoder.SVGAbstractTranscoder;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;
import org.groundtruth.core.BadInputException;
import org.groundtruth.core.verify.NormalizedBox;
import org.groundtruth.media.MediaFormatException;
import org.groundtruth.media.PngFiles;

/**
 * Turns what the analyst gives into a template picture (PNG): a box dragged on a decoded frame or photo is cropped
 * at the picture's full resolution; an SVG emblem is drawn by Batik (already on the classpath for the report's
 * charts), 128 px on its longer side, external resources and scripts refused, on a white ground where the SVG leaves
 * it transparent: a flat single-colour emblem under its own alpha mask has nothing to correlate (its visible pixels
 * do not vary), while on white it matches as the starter set's emblems do (docs/decisions/1810).
 */
public final class TemplatePictures {
    /** A template smaller than this many pixels either way has too little to match on. */
    public static final int MIN_SIDE = 12;
    /** The longer side an SVG template is drawn at. */
    public static final int SVG_SIDE = 128;

    private TemplatePictures() {
    }

    /** The part of {@code picture} inside {@code box} (fractions of the picture), as a PNG. */
    public static byte[] crop(BufferedImage picture, NormalizedBox box) {
        int x = (int) Math.floor(box.x() * picture.getWidth());
        int y = (int) Math.floor(box.y() * picture.getHeight());
        int right = Math.min(picture.getWidth(), (int) Math.ceil((box.x() + box.width()) * picture.getWidth()));
        int bottom = Math.min(picture.getHeight(), (int) Math.ceil((box.y() + box.height()) * picture.getHeight()));
        int w = right - x;
        int h = bottom - y;
        if (w < MIN_SIDE || h < MIN_SIDE) {
            throw new BadInputException(String.format(Locale.ROOT,
                    "the box is %dx%d px of the picture; a template needs at least %d px each way", Math.max(0, w),
                    Math.max(0, h), MIN_SIDE));
        }
        BufferedImage region = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = region.createGraphics();
        try {
            g.drawImage(picture.getSubimage(x, y, w, h), 0, 0, null);
        } finally {
            g.dispose();
        }
        return PngFiles.encode(region);
    }

    /** Whether {@code bytes} look like an SVG document (an XML or svg element at the start). */
    public static boolean isSvg(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.UTF_8).stripLeading()
                .toLowerCase(Locale.ROOT);
        if (head.startsWith("\ufeff")) {
            head = head.substring(1);
        }
        return head.startsWith("<svg") || (head.startsWith("<?xml") || head.startsWith("<!--")
                || head.startsWith("<!doctype svg")) && head.contains("<svg");
    }

    /**
     * Draws an SVG emblem as a PNG on white, {@value #SVG_SIDE} px on its longer side. Throws
     * {@link MediaFormatException} when it is not an SVG that can be drawn.
     */
    public static byte[] fromSvg(byte[] svg) {
        if (!isSvg(svg)) {
            throw new MediaFormatException("not an SVG document");
        }
        BufferedImage drawn = decode(draw(svg, SVGAbstractTranscoder.KEY_WIDTH));
        if (drawn.getHeight() > drawn.getWidth()) {
            drawn = decode(draw(svg, SVGAbstractTranscoder.KEY_HEIGHT));
        }
        if (drawn.getWidth() < MIN_SIDE || drawn.getHeight() < MIN_SIDE) {
            throw new MediaFormatException(String.format(Locale.ROOT, "the SVG draws as %dx%d px, too thin for a template",
                    drawn.getWidth(), drawn.getHeight()));
        }
        // opaque on white: with Batik's all-opaque alpha channel kept, the template was prepared as a masked one
        BufferedImage opaque = new BufferedImage(drawn.getWidth(), drawn.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = opaque.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, opaque.getWidth(), opaque.getHeight());
            g.drawImage(drawn, 0, 0, null);
        } finally {
            g.dispose();
        }
        return PngFiles.encode(softened(inEmblemColours(opaque)));
    }

    /** Gaussian softening of an SVG template's edges, in pixels of the {@value #SVG_SIDE}-px drawing (decision 1830). */
    static final double SVG_SOFTENING_SIGMA = 0.5;

    /**
     * The drawing blurred by {@link #SVG_SOFTENING_SIGMA}, so its edges resemble a camera's rather than a
     * rasteriser's: on the bench (starter emblems drawn at 128 px) it kept recall and precision, and gave back the one
     * Star of Life the unsoftened 128 px drawing lost (decision 1830). Separable, border pixels repeated.
     */
    static BufferedImage softened(BufferedImage image) {
        int r = 2;
        double[] kernel = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            kernel[i + r] = Math.exp(-(i * i) / (2 * SVG_SOFTENING_SIGMA * SVG_SOFTENING_SIGMA));
            sum += kernel[i + r];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= sum;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int[] in = image.getRGB(0, 0, w, h, null, 0, w);
        double[][] across = new double[3][w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    double v = 0;
                    for (int k = -r; k <= r; k++) {
                        int p = in[y * w + Math.max(0, Math.min(w - 1, x + k))];
                        v += kernel[k + r] * ((p >> (16 - 8 * c)) & 0xff);
                    }
                    across[c][y * w + x] = v;
                }
            }
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = 0;
                for (int c = 0; c < 3; c++) {
                    double v = 0;
                    for (int k = -r; k <= r; k++) {
                        v += kernel[k + r] * across[c][Math.max(0, Math.min(h - 1, y + k)) * w + x];
                    }
                    rgb |= Math.max(0, Math.min(255, (int) Math.round(v))) << (16 - 8 * c);
                }
                out.setRGB(x, y, rgb);
            }
        }
        return out;
    }

    /**
     * A flat SVG colour replaced by the emblem colour of its hue family: reds by the starter set's crimson, blues by
     * its Star-of-Life blue, other saturated hues kept but with the value and saturation a camera records of paint
     * (at most 0.9 each), each pixel's blend with the white ground kept. A pure {@code #ff0000} cross scored below
     * the crimson emblem it is meant to find, while the same cross drawn in crimson matched (docs/decisions/1822).
     */
    static BufferedImage inEmblemColours(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        int fullChroma = 1;
        for (int p : rgb) {
            fullChroma = Math.max(fullChroma, chroma(p));
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        float[] hsb = new float[3];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            int chroma = chroma(p);
            if (chroma < 24) {
                continue;
            }
            java.awt.Color.RGBtoHSB((p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff, hsb);
            double hue = hsb[0] * 360;
            java.awt.Color family = hue <= 20 || hue >= 330 ? StarterEmblems.EMBLEM_RED
                    : hue >= 190 && hue <= 250 ? StarterEmblems.STAR_BLUE
                    : new java.awt.Color(java.awt.Color.HSBtoRGB(hsb[0], 0.9f * Math.min(1f, hsb[1] / Math.max(0.01f,
                            (float) chroma / fullChroma)), 0.9f));
            // the pixel's share of the fill colour (anti-aliased edges blend it with the white ground)
            double a = Math.min(1, (double) chroma / fullChroma);
            rgb[i] = blend(family.getRed(), a) << 16 | blend(family.getGreen(), a) << 8 | blend(family.getBlue(), a);
        }
        out.setRGB(0, 0, w, h, rgb, 0, w);
        return out;
    }

    private static int chroma(int p) {
        int r = (p >> 16) & 0xff;
        int g = (p >> 8) & 0xff;
        int b = p & 0xff;
        return Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
    }

    private static int blend(int channel, double a) {
        return (int) Math.round(a * channel + (1 - a) * 255);
    }

    private static byte[] draw(byte[] svg, org.apache.batik.transcoder.TranscodingHints.Key side) {
        PNGTranscoder transcoder = new PNGTranscoder();
        transcoder.addTranscodingHint(side, (float) SVG_SIDE);
        transcoder.addTranscodingHint(SVGAbstractTranscoder.KEY_ALLOW_EXTERNAL_RESOURCES, Boolean.FALSE);
        transcoder.addTranscodingHint(PNGTranscoder.KEY_BACKGROUND_COLOR, java.awt.Color.WHITE);
        transcoder.addTranscodingHint(SVGAbstractTranscoder.KEY_EXECUTE_ONLOAD, Boolean.FALSE);
        TranscoderInput input = new TranscoderInput(new ByteArrayInputStream(svg));
        // a base URI Batik needs for relative references; nothing is fetched (external resources are refused)
        input.setURI("file:///template.svg");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            transcoder.transcode(input, new TranscoderOutput(out));
        } catch (Exception e) {
            // Batik reports malformed documents as TranscoderException and unknown elements as runtime exceptions
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new MediaFormatException("the SVG cannot be drawn: " + why, e);
        }
        return out.toByteArray();
    }

    private static BufferedImage decode(byte[] png) {
        try {
            BufferedImage image = javax.imageio.ImageIO.read(new ByteArrayInputStream(png));
            if (image == null) {
                throw new MediaFormatException("the SVG drew nothing");
            }
            return image;
        } catch (java.io.IOException e) {
            throw new MediaFormatException("the SVG drew nothing readable", e);
        }
    }
}
