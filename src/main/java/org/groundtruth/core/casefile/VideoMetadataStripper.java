package org.groundtruth.core.casefile;

import java.io.IOException;
import java.nio.file.Path;
import org.groundtruth.core.ProgressMonitor;

/**
 * Makes a publishable copy of a video: the audio and video streams copied packet for packet, without container
 * or stream tags (recording place and time, device, owner) and without data streams (GPS telemetry). Lives
 * where FFmpeg lives; the exporter gets it injected so the store does not depend on media code.
 */
public interface VideoMetadataStripper {
    /** For exports that carry no videos in public versions (tests that do not decode media). */
    VideoMetadataStripper NONE = new VideoMetadataStripper() {
        @Override
        public boolean canStrip(String mediaType) {
            return false;
        }

        @Override
        public void strip(Path source, String mediaType, Path target, ProgressMonitor progress) throws IOException {
            throw new IOException("this export cannot strip video metadata: " + source);
        }
    };

    boolean canStrip(String mediaType);

    /** Writes the stripped copy of {@code source} to {@code target}; stops with CancellationException on cancel. */
    void strip(Path source, String mediaType, Path target, ProgressMonitor progress) throws IOException;
}
