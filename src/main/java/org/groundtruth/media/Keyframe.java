package org.groundtruth.media;

/**
 * A frame where the picture changes (scene change), found by {@link KeyframeScanner}: its number and time, the
 * scene-change score in 0..1 (1 for the first frame), a small thumbnail and its perceptual hash.
 */
public record Keyframe(long frameNumber, double timeSeconds, double score, VideoFrame thumbnail, String perceptualHash) {
    public Keyframe {
        if (frameNumber < 0 || !Double.isFinite(timeSeconds) || timeSeconds < 0) {
            throw new IllegalArgumentException("bad keyframe " + frameNumber + " at " + timeSeconds);
        }
        if (!Double.isFinite(score) || score < 0 || score > 1) {
            throw new IllegalArgumentException("scene score must be in 0..1, was " + score);
        }
        if (!PerceptualHash.isHash(perceptualHash)) {
            throw new IllegalArgumentException("not a perceptual hash: " + perceptualHash);
        }
    }
}
