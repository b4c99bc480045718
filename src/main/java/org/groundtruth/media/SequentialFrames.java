package org.groundtruth.media;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Optional;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * Reads a video front to back, frame by frame, for scans that look at many frames (decoding in order is several
 * times faster than seeking to each). Frames are numbered from 0 in order of presentation, as {@link VideoDecoder}
 * numbers them; {@link #advance()} decodes a frame and {@link #current()} copies its pixels only when wanted.
 * Not thread-safe.
 */
public final class SequentialFrames implements AutoCloseable {
    private final FFmpegFrameGrabber grabber;
    private final Path file;
    private final double frameRate;
    private final long frameCountEstimate;
    private long position = -1;
    private Frame current;

    private SequentialFrames(Path file, FFmpegFrameGrabber grabber) {
        this.file = file;
        this.grabber = grabber;
        double rate = grabber.getFrameRate();
        this.frameRate = Double.isFinite(rate) && rate > 0 && rate < 10_000 ? rate : 25;
        this.frameCountEstimate = Math.max(1, Math.round(Math.max(0, grabber.getLengthInTime()) / 1e6 * frameRate));
    }

    /** Opens {@code file}; throws {@link MediaFormatException} when it is not a video with a picture stream. */
    public static SequentialFrames open(Path file) {
        FFmpegFrameGrabber grabber = Ffmpeg.open(file, Runtime.getRuntime().availableProcessors(), true);
        if (!grabber.hasVideo() || grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
            Ffmpeg.closeQuietly(grabber);
            throw new MediaFormatException("has no video stream");
        }
        return new SequentialFrames(file, grabber);
    }

    public double frameRate() {
        return frameRate;
    }

    /** The frame count the container's duration implies (for progress; the real count may differ by a few). */
    public long frameCountEstimate() {
        return frameCountEstimate;
    }

    /** Decodes the next frame; false at the end (or where the stream is damaged). */
    public boolean advance() {
        Optional<Frame> frame = grab();
        if (frame.isEmpty()) {
            current = null;
            return false;
        }
        current = frame.get();
        position++;
        return true;
    }

    /** The number of the frame decoded last (-1 before the first). */
    public long position() {
        return position;
    }

    /** Whether the frame decoded last is a key frame of the stream (a scan always looks at those). */
    public boolean keyFrame() {
        return current != null && current.keyFrame;
    }

    /** The pixels of the frame decoded last. */
    public VideoFrame current() {
        if (current == null) {
            throw new IllegalStateException("no frame decoded");
        }
        Frame f = current;
        int w = f.imageWidth;
        int h = f.imageHeight;
        ByteBuffer source = ((ByteBuffer) f.image[0]).duplicate();
        byte[] bgra = new byte[w * h * 4];
        for (int y = 0; y < h; y++) {
            source.position(y * f.imageStride);
            source.get(bgra, y * w * 4, w * 4);
        }
        return new VideoFrame(position, position / frameRate, w, h, bgra);
    }

    private Optional<Frame> grab() {
        try {
            Frame frame = grabber.grabImage();
            return frame == null || frame.image == null ? Optional.empty() : Optional.of(frame);
        } catch (Exception e) {
            // a stream damaged halfway ends the scan there; the frames before it stand
            return Optional.empty();
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        Ffmpeg.closeQuietly(grabber);
    }
}
