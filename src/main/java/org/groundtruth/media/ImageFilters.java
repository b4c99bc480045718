package org.groundtruth.media;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/** Viewing aids computed on a copy of a picture (never on the original file). */
public final class ImageFilters {
    private ImageFilters() {
    }

    /**
     * Unsharp mask: {@code out = in + amount × (in − blur3×3(in))}, per channel, clamped. {@code amount} 0 returns
     * an unchanged copy; 1 is a strong sharpening; up to 3 is allowed.
     */
    public static BufferedImage sharpen(BufferedImage source, double amount) {
        if (!Double.isFinite(amount) || amount < 0 || amount > 3) {
            throw new IllegalArgumentException("sharpen amount must be 0..3, was " + amount);
        }
        int w = source.getWidth();
        int h = source.getHeight();
        BufferedImage in = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        in.getGraphics().drawImage(source, 0, 0, null);
        int[] src = ((DataBufferInt) in.getRaster().getDataBuffer()).getData();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int center = src[y * w + x];
                if (amount == 0 || x == 0 || y == 0 || x == w - 1 || y == h - 1) {
                    dst[y * w + x] = center;
                    continue;
                }
                int rgb = 0;
                for (int shift = 16; shift >= 0; shift -= 8) {
                    int sum = 0;
                    for (int dy = -1; dy <= 1; dy++) {
                        int row = (y + dy) * w + x;
                        sum += ((src[row - 1] >> shift) & 0xff) + ((src[row] >> shift) & 0xff) + ((src[row + 1] >> shift) & 0xff);
                    }
                    int c = (center >> shift) & 0xff;
                    int v = (int) Math.round(c + amount * (c - sum / 9.0));
                    rgb |= Math.max(0, Math.min(255, v)) << shift;
                }
                dst[y * w + x] = rgb;
            }
        }
        return out;
    }
}
