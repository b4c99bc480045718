package org.groundtruth.core.geolocate;

import java.util.Arrays;
import java.util.List;
import org.groundtruth.core.Require;
import org.groundtruth.core.geo.LatLon;

/**
 * A place where the frame may have been taken.
 *
 * @param center                    the ground point under the frame's centre
 * @param footprint                 the frame's corners on the ground (top-left, top-right, bottom-right, bottom-left)
 * @param inliers                   matched features that agree with the fitted homography
 * @param inlierSpread              share of the frame covered by the inliers' convex hull, 0..1
 * @param reprojectionErrorMeters   mean residual of the inliers, in ground metres
 * @param score                     inliers weighted by their spread and residuals; compared with the acceptance score
 * @param groundResolutionMeters    metres per pixel of the reference read for this match
 * @param zoom                      the Web Mercator zoom the homography maps to
 * @param frameToWorld              3×3 homography (row-major) from frame pixels to world pixels at {@code zoom}
 * @param frameWidth                frame width in pixels (as decoded)
 * @param frameHeight               frame height in pixels
 * @param matchedPoints             the inliers (frame pixel → ground), for the overlay and the evidence record
 * @param merged                    how many raw candidates of the same place this one stands for
 */
public record MatchCandidate(LatLon center, List<LatLon> footprint, int inliers, double inlierSpread,
        double reprojectionErrorMeters, double score, MatchConfidence confidence, double groundResolutionMeters,
        int zoom, double[] frameToWorld, int frameWidth, int frameHeight, List<MatchedPoint> matchedPoints, int merged) {
    public MatchCandidate {
        Require.present(center, "center");
        footprint = List.copyOf(footprint);
        if (footprint.size() != 4) {
            throw new IllegalArgumentException("a footprint has four corners, not " + footprint.size());
        }
        Require.nonNegative(inliers, "inliers");
        Require.finiteInRange(inlierSpread, 0, 1, "inlier spread");
        Require.finiteInRange(reprojectionErrorMeters, 0, 1e6, "reprojection error");
        Require.finiteInRange(score, 0, 1e9, "score");
        Require.present(confidence, "confidence");
        Require.finiteInRange(groundResolutionMeters, 1e-4, 1e6, "ground resolution");
        if (frameToWorld.length != 9) {
            throw new IllegalArgumentException("a homography has 9 coefficients");
        }
        frameToWorld = frameToWorld.clone();
        if (frameWidth <= 0 || frameHeight <= 0) {
            throw new IllegalArgumentException("frame size must be positive");
        }
        matchedPoints = List.copyOf(matchedPoints);
        if (merged < 1) {
            throw new IllegalArgumentException("a candidate stands for at least itself");
        }
    }

    @Override
    public double[] frameToWorld() {
        return frameToWorld.clone();
    }

    /** The precision an accepted pin gets: three times the residual, but never finer than two reference pixels or 1 m. */
    public double precisionMeters() {
        return Math.max(1, Math.max(3 * reprojectionErrorMeters, 2 * groundResolutionMeters));
    }

    /** Where a frame pixel lands on the ground under this candidate's homography. */
    public LatLon project(double frameX, double frameY) {
        double[] h = frameToWorld;
        double w = h[6] * frameX + h[7] * frameY + h[8];
        return MercatorPixels.latLon((h[0] * frameX + h[1] * frameY + h[2]) / w, (h[3] * frameX + h[4] * frameY + h[5]) / w, zoom);
    }

    public MatchCandidate withMerged(int count) {
        return new MatchCandidate(center, footprint, inliers, inlierSpread, reprojectionErrorMeters, score, confidence,
                groundResolutionMeters, zoom, frameToWorld, frameWidth, frameHeight, matchedPoints, count);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MatchCandidate c && c.center.equals(center) && c.inliers == inliers && c.score == score
                && Arrays.equals(c.frameToWorld, frameToWorld) && c.merged == merged;
    }

    @Override
    public int hashCode() {
        return center.hashCode() * 31 + inliers;
    }

    @Override
    public String toString() {
        return "MatchCandidate[" + center + ", score " + score + ", inliers " + inliers + "]";
    }
}
