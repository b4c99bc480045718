package org.groundtruth.core.geolocate;

import java.util.Optional;
import org.groundtruth.core.Require;

/**
 * How a search runs; recorded with every search in the custody log.
 *
 * @param groundResolutionMeters the finest reference resolution to read (metres per pixel); empty: the layer's own
 * @param scales                 how many reference scales to search, each half the resolution of the previous (1..4)
 * @param frameMaxSide           the frame is scaled down so its longer side is at most this many pixels
 * @param maxFrameFeatures       features kept from the frame
 * @param maxCellFeatures        features kept per 512-pixel reference cell
 * @param ratio                  Lowe's ratio test threshold (nearest / second nearest descriptor distance)
 * @param ransacThresholdPixels  MAGSAC inlier threshold, in reference pixels
 * @param minInliers             fewer inliers than this is no candidate at all
 * @param acceptanceScore        candidates scoring below this are not reported
 */
public record MatchParameters(Optional<Double> groundResolutionMeters, int scales, int frameMaxSide, int maxFrameFeatures,
        int maxCellFeatures, double ratio, double ransacThresholdPixels, int minInliers, double acceptanceScore) {
    public MatchParameters {
        Require.present(groundResolutionMeters, "ground resolution");
        groundResolutionMeters.ifPresent(r -> Require.finiteInRange(r, 0.01, 1000, "ground resolution (metres per pixel)"));
        if (scales < 1 || scales > 4) {
            throw new IllegalArgumentException("scales must be 1..4, was " + scales);
        }
        if (frameMaxSide < 128 || frameMaxSide > 8192) {
            throw new IllegalArgumentException("frame size must be 128..8192 pixels, was " + frameMaxSide);
        }
        if (maxFrameFeatures < 50 || maxCellFeatures < 50) {
            throw new IllegalArgumentException("keep at least 50 features");
        }
        Require.finiteInRange(ratio, 0.5, 0.95, "ratio");
        Require.finiteInRange(ransacThresholdPixels, 0.5, 20, "RANSAC threshold");
        if (minInliers < 6) {
            throw new IllegalArgumentException("at least 6 inliers are needed for a homography check");
        }
        Require.finiteInRange(acceptanceScore, 0, 1e6, "acceptance score");
    }

    public static MatchParameters defaults() {
        return new MatchParameters(Optional.empty(), 3, 640, 8000, 1500, 0.85, 3.0, 12, 20);
    }

    public MatchParameters withGroundResolution(double metersPerPixel) {
        return new MatchParameters(Optional.of(metersPerPixel), scales, frameMaxSide, maxFrameFeatures, maxCellFeatures,
                ratio, ransacThresholdPixels, minInliers, acceptanceScore);
    }

    public MatchParameters withScales(int count) {
        return new MatchParameters(groundResolutionMeters, count, frameMaxSide, maxFrameFeatures, maxCellFeatures,
                ratio, ransacThresholdPixels, minInliers, acceptanceScore);
    }

    /** Names the feature extraction so cached cell features are only reused with the same settings. */
    public String extractorKey() {
        return "sift-" + maxCellFeatures;
    }
}
