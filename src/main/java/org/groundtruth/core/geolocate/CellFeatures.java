package org.groundtruth.core.geolocate;

import java.util.Arrays;
import org.groundtruth.core.Require;

/**
 * Image features found in one reference cell: keypoint positions in cell pixels (x, y interleaved) and one
 * descriptor of {@code descriptorLength} bytes per keypoint (SIFT: 128, values 0..255).
 */
public record CellFeatures(int count, float[] points, byte[] descriptors, int descriptorLength) {
    public CellFeatures {
        Require.nonNegative(count, "feature count");
        Require.present(points, "points");
        Require.present(descriptors, "descriptors");
        if (descriptorLength <= 0 || points.length != 2 * count || descriptors.length != count * descriptorLength) {
            throw new IllegalArgumentException("feature arrays do not match the count " + count);
        }
    }

    public static CellFeatures empty(int descriptorLength) {
        return new CellFeatures(0, new float[0], new byte[0], descriptorLength);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CellFeatures f && f.count == count && f.descriptorLength == descriptorLength
                && Arrays.equals(f.points, points) && Arrays.equals(f.descriptors, descriptors);
    }

    @Override
    public int hashCode() {
        return 31 * count + Arrays.hashCode(points);
    }

    @Override
    public String toString() {
        return "CellFeatures[" + count + "]";
    }
}
