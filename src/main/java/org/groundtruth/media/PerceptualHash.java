package org.groundtruth.media;

import java.awt.image.BufferedImage;
import java.util.HexFormat;
import java.util.Optional;

/**
 * 64-bit DCT perceptual hash (the "pHash" construction): the image reduced to 32×32 grey, its 8×8 lowest
 * frequencies compared with their median. Re-encoding, rescaling and mild colour changes flip few bits, so a
 * small Hamming distance means "probably the same picture". Written as 16 lower-case hex digits.
 */
public final class PerceptualHash {
    private static final int SIZE = 32;
    private static final int LOW = 8;
    private static final double[][] COSINES = cosines();

    private PerceptualHash() {
    }

    public static String of(BufferedImage image) {
        return of(greyscale32(image));
    }

    /** Hash of packed BGRA pixels (a decoded video frame or thumbnail). */
    public static String ofBgra(byte[] bgra, int width, int height) {
        double[][] grey = new double[SIZE][SIZE];
        double[][] counts = new double[SIZE][SIZE];
        for (int y = 0; y < height; y++) {
            int gy = y * SIZE / height;
            for (int x = 0; x < width; x++) {
                int p = (y * width + x) * 4;
                int gx = x * SIZE / width;
                grey[gy][gx] += luma(bgra[p + 2] & 0xff, bgra[p + 1] & 0xff, bgra[p] & 0xff);
                counts[gy][gx]++;
            }
        }
        return of(average(grey, counts));
    }

    public static String of(VideoFrame frame) {
        return ofBgra(frame.bgra(), frame.width(), frame.height());
    }

    /** Number of differing bits between two hashes; empty when either is not a 16-digit hex hash. */
    public static Optional<Integer> distance(String a, String b) {
        if (!isHash(a) || !isHash(b)) {
            return Optional.empty();
        }
        return Optional.of(Long.bitCount(Long.parseUnsignedLong(a, 16) ^ Long.parseUnsignedLong(b, 16)));
    }

    public static boolean isHash(String text) {
        return text != null && text.matches("[0-9a-f]{16}");
    }

    private static String of(double[][] grey) {
        double[] coefficients = new double[LOW * LOW];
        for (int u = 0; u < LOW; u++) {
            for (int v = 0; v < LOW; v++) {
                double sum = 0;
                for (int y = 0; y < SIZE; y++) {
                    double cy = COSINES[v][y];
                    for (int x = 0; x < SIZE; x++) {
                        sum += grey[y][x] * COSINES[u][x] * cy;
                    }
                }
                coefficients[v * LOW + u] = sum;
            }
        }
        // the DC term says only how bright the picture is: leave it out of the median
        double[] sorted = java.util.Arrays.copyOfRange(coefficients, 1, coefficients.length);
        java.util.Arrays.sort(sorted);
        double median = (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        long bits = 0;
        for (int i = 0; i < coefficients.length; i++) {
            if (coefficients[i] > median) {
                bits |= 1L << (63 - i);
            }
        }
        return HexFormat.of().toHexDigits(bits);
    }

    private static double[][] greyscale32(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        double[][] grey = new double[SIZE][SIZE];
        double[][] counts = new double[SIZE][SIZE];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            int gy = y * SIZE / height;
            for (int x = 0; x < width; x++) {
                int rgb = row[x];
                int gx = x * SIZE / width;
                grey[gy][gx] += luma((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
                counts[gy][gx]++;
            }
        }
        return average(grey, counts);
    }

    private static double[][] average(double[][] sums, double[][] counts) {
        // images smaller than 32 px in a direction leave empty cells: fill them from the nearest filled cell
        double[][] out = new double[SIZE][SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int sy = y;
                int sx = x;
                while (sy > 0 && counts[sy][sx] == 0) {
                    sy--;
                }
                while (sx > 0 && counts[sy][sx] == 0) {
                    sx--;
                }
                out[y][x] = counts[sy][sx] == 0 ? 0 : sums[sy][sx] / counts[sy][sx];
            }
        }
        return out;
    }

    private static double luma(int r, int g, int b) {
        return 0.299 * r + 0.587 * g + 0.114 * b;
    }

    private static double[][] cosines() {
        double[][] c = new double[LOW][SIZE];
        for (int u = 0; u < LOW; u++) {
            for (int x = 0; x < SIZE; x++) {
                c[u][x] = Math.cos((2 * x + 1) * u * Math.PI / (2.0 * SIZE));
            }
        }
        return c;
    }
}
