package org.groundtruth.media;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frame-exact access to one video through FFmpeg: {@link #frame(long)} seeks to the keyframe before frame N and
 * decodes forward to it, so the pixels are those of frame N (the same as {@code ffmpeg -vf select=eq(n\,N)});
 * {@link #next()} decodes the following frame without seeking. Frames are numbered from 0 by presentation time.
 * Recently shown frames are kept in a small cache so stepping back and forth does not decode again.
 * Not thread-safe: one decoder per thread (the player owns one on its decoding thread).
 */
public final class VideoDecoder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VideoDecoder.class);
    private static final long CACHE_BUDGET_BYTES = 96L * 1024 * 1024;
    private static final int MAX_PIXELS = 8192 * 8192;
    private static final long UNKNOWN = -2;
    /** Frames before the target decoded in full (covers B-frame reordering and frame-thread delay). */
    private static final long APPROACH_FRAMES = 8;

    private final Path file;
    private final FFmpegFrameGrabber grabber;
    private final VideoInfo info;
    private final long firstTimestampMicros;
    private final Optional<AVCodecContext> codec;
    private final Map<Long, VideoFrame> cache = new LinkedHashMap<>(64, 0.75f, true);
    private long cacheBytes;
    /** The number of the frame the grabber decoded last; -1 before the first. */
    private long grabberPosition = -1;
    /** The number of the frame returned last. */
    private long current = -1;

    private VideoDecoder(Path file, FFmpegFrameGrabber grabber, VideoInfo info, long firstTimestampMicros) {
        this.file = file;
        this.grabber = grabber;
        this.info = info;
        this.firstTimestampMicros = firstTimestampMicros;
        this.codec = Ffmpeg.videoCodecContext(grabber);
    }

    /**
     * Opens {@code file}; throws {@link MediaFormatException} (message without the file name, the caller adds it)
     * when it is not a video FFmpeg can decode.
     */
    public static VideoDecoder open(Path file) {
        FFmpegFrameGrabber grabber = Ffmpeg.open(file, Runtime.getRuntime().availableProcessors(), true);
        try {
            if (!grabber.hasVideo() || grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
                throw new MediaFormatException("has no video stream");
            }
            if ((long) grabber.getImageWidth() * grabber.getImageHeight() > MAX_PIXELS) {
                throw new MediaFormatException("declares a frame size of " + grabber.getImageWidth() + "x"
                        + grabber.getImageHeight() + " pixels, beyond the " + MAX_PIXELS / 1_000_000 + " megapixel limit");
            }
            Frame first = grabber.grabImage();
            if (first == null || first.image == null) {
                throw new MediaFormatException("has no decodable video frame (truncated or corrupt?)");
            }
            long firstTs = grabber.getTimestamp();
            double rate = grabber.getFrameRate();
            if (!Double.isFinite(rate) || rate <= 0 || rate > 10_000) {
                throw new MediaFormatException("has no usable frame rate");
            }
            double duration = Math.max(0, grabber.getLengthInTime() / 1_000_000.0);
            long count = frameCount(grabber, duration, rate);
            VideoInfo info = new VideoInfo(grabber.getImageWidth(), grabber.getImageHeight(), rate, duration, count,
                    grabber.getVideoCodecName());
            VideoDecoder decoder = new VideoDecoder(file, grabber, info, firstTs);
            decoder.remember(decoder.toVideoFrame(first, 0));
            decoder.grabberPosition = 0;
            decoder.current = 0;
            return decoder;
        } catch (MediaFormatException e) {
            Ffmpeg.closeQuietly(grabber);
            throw e;
        } catch (Exception | LinkageError e) {
            Ffmpeg.closeQuietly(grabber);
            throw new MediaFormatException("cannot be decoded (" + MediaErrors.describe(e) + ")", e);
        }
    }

    /** The stream's own frame count when the container states it (MP4 does); otherwise duration × rate. */
    private static long frameCount(FFmpegFrameGrabber grabber, double duration, double rate) {
        try {
            int index = grabber.getVideoStream();
            if (index >= 0 && grabber.getFormatContext() != null && index < grabber.getFormatContext().nb_streams()) {
                long stated = grabber.getFormatContext().streams(index).nb_frames();
                if (stated > 0) {
                    return stated;
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("no frame count in the container", e);
        }
        return Math.max(1, Math.round(duration * rate));
    }

    public VideoInfo info() {
        return info;
    }

    public Path file() {
        return file;
    }

    /** The number of the frame decoded last (-1 before any). */
    /** The number of the frame returned last (-1 before any). */
    public long position() {
        return current;
    }

    /**
     * Frame {@code n} exactly. Beyond the last frame the last decodable frame is returned (containers often
     * overstate the frame count by one or two).
     */
    public VideoFrame frame(long n) {
        long target = Math.max(0, Math.min(n, info.lastFrame()));
        VideoFrame cached = cache.get(target);
        if (cached != null) {
            current = target;
            return cached;
        }
        try {
            if (target == grabberPosition + 1) {
                Optional<VideoFrame> next = grabNext();
                if (next.isPresent() && next.get().frameNumber() == target) {
                    current = target;
                    return next.get();
                }
            }
            if (target < current && target > 0) {
                prefetchBefore(target);
                VideoFrame prefetched = cache.get(target);
                if (prefetched != null) {
                    current = target;
                    return prefetched;
                }
            }
            VideoFrame decoded = seekAndDecode(target);
            current = decoded.frameNumber();
            return decoded;
        } catch (MediaFormatException e) {
            throw e;
        } catch (Exception e) {
            throw new MediaFormatException("cannot decode frame " + target + " (" + MediaErrors.describe(e) + ")", e);
        }
    }

    /** The frame shown at {@code seconds} from the start. */
    public VideoFrame frameAtTime(double seconds) {
        return frame(Timecode.frameAt(Math.max(0, seconds), info.frameRate()));
    }

    /** The frame after the one returned last, or empty at the end of the stream. */
    public Optional<VideoFrame> next() {
        if (current >= 0 && grabberPosition != current) {
            if (current >= info.lastFrame()) {
                return Optional.empty();
            }
            long wanted = current + 1;
            VideoFrame following = frame(wanted);
            return following.frameNumber() == wanted ? Optional.of(following) : Optional.empty();
        }
        Optional<VideoFrame> next = grabNext();
        next.ifPresent(f -> current = f.frameNumber());
        return next;
    }

    private Optional<VideoFrame> grabNext() {
        try {
            Frame frame = grabber.grabImage();
            if (frame == null || frame.image == null) {
                return Optional.empty();
            }
            long number = numberOf(grabber.getTimestamp());
            // when timestamps are unreliable, fall back to counting
            if (number <= grabberPosition) {
                number = grabberPosition + 1;
            }
            VideoFrame decoded = toVideoFrame(frame, number);
            grabberPosition = number;
            remember(decoded);
            return Optional.of(decoded);
        } catch (Exception e) {
            LOG.debug("decoding stopped in {}", file, e);
            return Optional.empty();
        }
    }

    /**
     * Stepping backwards: decodes the few frames before {@code target} with their pixels, so the next steps back
     * come from the cache instead of a seek each.
     */
    private void prefetchBefore(long target) throws Exception {
        long frameBytes = (long) info.width() * info.height() * 4;
        long count = Math.max(1, Math.min(30, CACHE_BUDGET_BYTES / frameBytes / 2));
        long from = Math.max(0, target - count + 1);
        VideoFrame first = seekAndDecode(from);
        if (first.frameNumber() != from) {
            return;
        }
        for (long n = from + 1; n <= target; n++) {
            Optional<VideoFrame> next = grabNext();
            if (next.isEmpty() || next.get().frameNumber() != n) {
                return;
            }
        }
    }

    /**
     * Seeks with FFmpeg skipping non-reference frames (no other frame is predicted from them, so every frame
     * decoded stays bit-exact) up to a few frames before the target, then decodes everything, converting only
     * the target's pixels. Empty when the stream does not cooperate; the caller then seeks the plain way.
     */
    private Optional<VideoFrame> seekSkippingNonReference(long target) throws Exception {
        if (codec.isEmpty() || target <= APPROACH_FRAMES) {
            return Optional.empty();
        }
        long aim = target - APPROACH_FRAMES;
        grabberPosition = UNKNOWN;
        codec.get().skip_frame(avcodec.AVDISCARD_NONREF);
        try {
            grabber.setVideoTimestamp(firstTimestampMicros + Math.round((aim + 0.5) * 1_000_000.0 / info.frameRate()));
        } finally {
            codec.get().skip_frame(avcodec.AVDISCARD_DEFAULT);
        }
        while (true) {
            Frame frame = grabber.grabFrame(false, true, false, false, false);
            if (frame == null || frame.image == null) {
                return Optional.empty();
            }
            long number = numberOf(grabber.getTimestamp());
            grabberPosition = number;
            if (number >= target - 1) {
                if (number != target - 1) {
                    return Optional.empty();
                }
                break;
            }
        }
        Frame frame = grabber.grabImage();
        if (frame == null || frame.image == null) {
            return Optional.empty();
        }
        long number = numberOf(grabber.getTimestamp());
        grabberPosition = number;
        if (number != target) {
            return Optional.empty();
        }
        VideoFrame decoded = toVideoFrame(frame, target);
        remember(decoded);
        return Optional.of(decoded);
    }

    private VideoFrame seekAndDecode(long target) throws Exception {
        Optional<VideoFrame> fast = seekSkippingNonReference(target);
        if (fast.isPresent()) {
            return fast.get();
        }
        // aim at the middle of the frame's display interval so rounding cannot land on the previous frame
        long micros = firstTimestampMicros + Math.round((target + 0.5) * 1_000_000.0 / info.frameRate());
        for (int attempt = 0; attempt < 3; attempt++) {
            grabberPosition = UNKNOWN;
            grabber.setVideoTimestamp(Math.max(0, micros - 1_000_000L * attempt));
            Frame frame = grabber.grabImage();
            while (frame != null && frame.image != null) {
                long number = numberOf(grabber.getTimestamp());
                grabberPosition = number;
                if (number == target || (number > target && attempt == 2)) {
                    VideoFrame decoded = toVideoFrame(frame, target);
                    grabberPosition = target;
                    remember(decoded);
                    return decoded;
                }
                if (number > target) {
                    break; // landed after the target: seek earlier
                }
                frame = grabber.grabImage();
            }
            if (frame == null || frame.image == null) {
                // the stream ended before the target: the container overstated its length
                return lastDecodable(target);
            }
        }
        throw new MediaFormatException("cannot reach frame " + target);
    }

    /** The stream ended before {@code target}: look further and further back for the last frame there is. */
    private VideoFrame lastDecodable(long target) throws Exception {
        long back = Math.max(1, Math.round(info.frameRate()));
        while (true) {
            long earlier = Math.max(0, target - back);
            grabberPosition = UNKNOWN;
            grabber.setVideoTimestamp(firstTimestampMicros + Math.round(earlier * 1_000_000.0 / info.frameRate()));
            VideoFrame last = null;
            Frame frame;
            while ((frame = grabber.grabImage()) != null && frame.image != null) {
                long number = numberOf(grabber.getTimestamp());
                grabberPosition = number;
                if (number > target) {
                    break;
                }
                last = toVideoFrame(frame, number);
            }
            if (last != null) {
                remember(last);
                return last;
            }
            if (earlier == 0) {
                throw new MediaFormatException("cannot decode frame " + target);
            }
            back *= 2;
        }
    }

    private long numberOf(long timestampMicros) {
        double seconds = (timestampMicros - firstTimestampMicros) / 1_000_000.0;
        return Math.max(0, Math.round(seconds * info.frameRate()));
    }

    private VideoFrame toVideoFrame(Frame frame, long number) {
        int width = frame.imageWidth;
        int height = frame.imageHeight;
        int stride = frame.imageStride;
        ByteBuffer source = ((ByteBuffer) frame.image[0]).duplicate();
        byte[] bgra = new byte[width * height * 4];
        if (stride == width * 4) {
            source.position(0);
            source.get(bgra, 0, bgra.length);
        } else {
            for (int y = 0; y < height; y++) {
                source.position(y * stride);
                source.get(bgra, y * width * 4, width * 4);
            }
        }
        return new VideoFrame(number, number / info().frameRate(), width, height, bgra);
    }

    private void remember(VideoFrame frame) {
        VideoFrame previous = cache.put(frame.frameNumber(), frame);
        if (previous != null) {
            cacheBytes -= previous.sizeBytes();
        }
        cacheBytes += frame.sizeBytes();
        var it = cache.entrySet().iterator();
        while (cacheBytes > CACHE_BUDGET_BYTES && cache.size() > 1 && it.hasNext()) {
            cacheBytes -= it.next().getValue().sizeBytes();
            it.remove();
        }
    }

    static int bgraPixelFormat() {
        return avutil.AV_PIX_FMT_BGRA;
    }

    @Override
    public void close() {
        cache.clear();
        Ffmpeg.closeQuietly(grabber);
    }
}
