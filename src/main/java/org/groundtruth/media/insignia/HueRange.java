package org.groundtruth.media.insignia;

/**
 * A band of hues in OpenCV's units (0..179, two degrees each); {@code low > high} wraps through red.
 * Pixels count when saturated and bright enough to have a hue at all.
 */
record HueRange(int low, int high) {
    /** Saturation and value below which a pixel is grey, white or black rather than coloured (0..255). */
    static final int MIN_SATURATION = 60;
    static final int MIN_VALUE = 50;

    HueRange {
        if (low < 0 || low > 179 || high < 0 || high > 179) {
            throw new IllegalArgumentException("hue out of 0..179: " + low + ".." + high);
        }
    }

    boolean wraps() {
        return low > high;
    }
}
