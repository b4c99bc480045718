package org.groundtruth.core.insignia;

import org.groundtruth.core.Require;

/**
 * What a scan looks at: every {@code everyNth} frame (scene changes always), emblems whose box is at least
 * {@code minSizePixels} across, and candidates scoring at least {@code minScore} (0..1).
 */
public record ScanSettings(int everyNth, int minSizePixels, double minScore) {
    /**
     * Every 5th frame, emblems from 16 px, and the acceptance score calibrated on {@code InsigniaScanBench}: every
     * wrong candidate there scored 0.62..0.68, 91 % of the right ones 0.70 or more.
     */
    public static final ScanSettings DEFAULT = new ScanSettings(5, 16, 0.70);

    public ScanSettings {
        if (everyNth < 1 || everyNth > 100_000) {
            throw new IllegalArgumentException("--every must be 1..100000, was " + everyNth);
        }
        if (minSizePixels < 8 || minSizePixels > 4096) {
            throw new IllegalArgumentException("smallest emblem size must be 8..4096 pixels, was " + minSizePixels);
        }
        Require.finiteInRange(minScore, 0, 1, "minimum score");
    }

    public ScanSettings withEveryNth(int n) {
        return new ScanSettings(n, minSizePixels, minScore);
    }
}
