package org.groundtruth.media;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/** Opening files with FFmpeg (through JavaCV) the same way everywhere: quiet logging, checked input. */
final class Ffmpeg {
    private static volatile boolean initialized;

    private Ffmpeg() {
    }

    /** FFmpeg writes decoder complaints to stderr by default; the CLI promises one line per error, so silence it. */
    static void init() {
        if (!initialized) {
            synchronized (Ffmpeg.class) {
                if (!initialized) {
                    avutil.av_log_set_level(avutil.AV_LOG_QUIET);
                    initialized = true;
                }
            }
        }
    }

    /** A started grabber on {@code file}; throws {@link MediaFormatException} when FFmpeg cannot open it. */
    static FFmpegFrameGrabber open(Path file, int decoderThreads) {
        return open(file, decoderThreads, false);
    }

    /** As {@link #open(Path, int)}; with {@code bgra} decoded images come as packed BGRA bytes. */
    static FFmpegFrameGrabber open(Path file, int decoderThreads, boolean bgra) {
        init();
        MediaFiles.requireReadable(file);
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        if (decoderThreads > 0) {
            grabber.setVideoOption("threads", Integer.toString(decoderThreads));
        }
        if (bgra) {
            grabber.setPixelFormat(avutil.AV_PIX_FMT_BGRA);
        }
        try {
            grabber.start();
            return grabber;
        } catch (Exception | LinkageError e) {
            closeQuietly(grabber);
            throw new MediaFormatException("not a readable video: " + MediaErrors.unreadableVideo(file, e), e);
        }
    }

    static void closeQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (Exception e) {
            // closing after a failure: nothing more to report than the failure itself
        }
    }

    static boolean exists(Path file) {
        return Files.exists(file);
    }

    /**
     * FFmpeg's video decoder context, which JavaCV keeps private; used to skip non-reference frames (which no
     * other frame is predicted from, so skipping them leaves every decoded frame bit-exact). Empty if JavaCV
     * changes: callers then simply decode every frame.
     */
    static java.util.Optional<org.bytedeco.ffmpeg.avcodec.AVCodecContext> videoCodecContext(FFmpegFrameGrabber grabber) {
        try {
            java.lang.reflect.Field field = FFmpegFrameGrabber.class.getDeclaredField("video_c");
            field.setAccessible(true);
            return java.util.Optional.ofNullable((org.bytedeco.ffmpeg.avcodec.AVCodecContext) field.get(grabber));
        } catch (ReflectiveOperationException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Ffmpeg.class).debug("no access to the video decoder context", e);
            return java.util.Optional.empty();
        }
    }
}
