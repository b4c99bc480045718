package org.groundtruth.media;

/**
 * What the player needs to know before decoding: pixel size, frame rate in frames per second, duration in seconds,
 * the number of frames (counted from the stream when the container states it, otherwise estimated from duration
 * and rate) and the codec.
 */
public record VideoInfo(int width, int height, double frameRate, double durationSeconds, long frameCount,
        String codec) {
    public VideoInfo {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("video size must be positive, was " + width + "x" + height);
        }
        if (!Double.isFinite(frameRate) || frameRate <= 0 || frameRate > 10_000) {
            throw new IllegalArgumentException("frame rate must be positive, was " + frameRate);
        }
        if (!Double.isFinite(durationSeconds) || durationSeconds < 0) {
            throw new IllegalArgumentException("duration must not be negative, was " + durationSeconds);
        }
        if (frameCount < 1) {
            throw new IllegalArgumentException("a video has at least one frame, was " + frameCount);
        }
        codec = codec == null ? "" : codec;
    }

    /** The last valid frame number. */
    public long lastFrame() {
        return frameCount - 1;
    }
}
