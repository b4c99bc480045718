package org.groundtruth.media;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.groundtruth.core.Require;

/**
 * Scene-change detection: decodes every frame, has FFmpeg shrink it to a thumbnail, and scores the change from
 * the previous frame the way FFmpeg's {@code select='gt(scene,T)'} does (mean absolute difference, minus the
 * running difference so that steady camera motion does not count as a cut). Frame 0 is always a keyframe.
 */
public final class KeyframeScanner {
    /**
     * Parameters: score threshold (FFmpeg's usual 0.3), minimum gap between keyframes in seconds, thumbnail width,
     * the most keyframes kept, and the longest gap in seconds before a frame is taken anyway (0 = scene changes
     * only). Continuous drone footage has no cuts at all, so the viewer's strip also samples every few seconds.
     */
    public record Settings(double threshold, double minGapSeconds, int thumbnailWidth, int maxKeyframes,
            double maxGapSeconds, boolean skipNonReferenceFrames) {
        /** Scene changes only, as FFmpeg's {@code select='gt(scene,0.3)'}. */
        public static final Settings DEFAULT = new Settings(0.3, 0.5, 192, 500, 0, false);

        /**
         * For hashing at import: non-reference frames are not decoded (about half of them in H.264 with
         * B-frames), so a cut may be found a frame late; the hashes of the scenes are what matter there.
         */
        public Settings forHashing() {
            return new Settings(threshold, minGapSeconds, 64, maxKeyframes, maxGapSeconds, true);
        }

        public Settings {
            Require.finiteInRange(threshold, 0.01, 1, "scene threshold");
            Require.finiteInRange(minGapSeconds, 0, 3600, "minimum gap");
            if (thumbnailWidth < 16 || thumbnailWidth > 1024) {
                throw new IllegalArgumentException("thumbnail width must be 16..1024, was " + thumbnailWidth);
            }
            if (maxKeyframes < 1) {
                throw new IllegalArgumentException("at least one keyframe, was " + maxKeyframes);
            }
            Require.finiteInRange(maxGapSeconds, 0, 86_400, "maximum gap");
        }

        /** The viewer's strip: scene changes, and at least one frame every {@code seconds}. */
        public Settings sampledEvery(double seconds) {
            return new Settings(threshold, minGapSeconds, thumbnailWidth, maxKeyframes, seconds, skipNonReferenceFrames);
        }
    }

    /** The result: keyframes in order, frames decoded, and whether the scan stopped early (cancelled or limit). */
    public record Scan(List<Keyframe> keyframes, long framesDecoded, boolean complete) {
        public Scan {
            keyframes = List.copyOf(keyframes);
        }
    }

    private final Settings settings;

    public KeyframeScanner(Settings settings) {
        this.settings = Require.present(settings, "settings");
    }

    /**
     * Scans {@code file}. {@code cancelled} is polled between frames; {@code found} hears of each keyframe as soon
     * as it is found (the strip fills while the scan runs). Throws {@link MediaFormatException} when the file is
     * not a decodable video; a stream damaged halfway gives the keyframes before the damage.
     */
    public Scan scan(Path file, BooleanSupplier cancelled, Consumer<Keyframe> found) {
        FFmpegFrameGrabber grabber = Ffmpeg.open(file, Runtime.getRuntime().availableProcessors(), true);
        try {
            if (!grabber.hasVideo() || grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
                throw new MediaFormatException("has no video stream");
            }
            double rate = grabber.getFrameRate() > 0 && grabber.getFrameRate() < 10_000 ? grabber.getFrameRate() : 25;
            int width = settings.thumbnailWidth();
            int height = Math.max(2, (int) Math.round(width * grabber.getImageHeight() / (double) grabber.getImageWidth()));
            // restarting with a fixed output size makes FFmpeg scale in C, once per frame, before Java sees it
            grabber.stop();
            grabber.setImageWidth(width);
            grabber.setImageHeight(height);
            grabber.start();
            if (settings.skipNonReferenceFrames()) {
                Ffmpeg.videoCodecContext(grabber).ifPresent(c -> c.skip_frame(org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_NONREF));
            }
            return scanFrames(grabber, rate, width, height, cancelled, found);
        } catch (MediaFormatException e) {
            throw e;
        } catch (Exception e) {
            throw new MediaFormatException("cannot be scanned (" + MediaErrors.describe(e) + ")", e);
        } finally {
            Ffmpeg.closeQuietly(grabber);
        }
    }

    private Scan scanFrames(FFmpegFrameGrabber grabber, double rate, int width, int height, BooleanSupplier cancelled,
            Consumer<Keyframe> found) {
        List<Keyframe> keyframes = new ArrayList<>();
        int[] previous = null;
        double previousMafd = 0;
        long count = 0;
        long firstTs = Long.MIN_VALUE;
        long lastKey = Long.MIN_VALUE;
        long minGapFrames = Math.round(settings.minGapSeconds() * rate);
        long maxGapFrames = settings.maxGapSeconds() > 0 ? Math.max(1, Math.round(settings.maxGapSeconds() * rate))
                : Long.MAX_VALUE;
        while (!cancelled.getAsBoolean()) {
            Frame frame;
            try {
                frame = grabber.grabImage();
            } catch (Exception e) {
                break; // damaged stream: keep what was found before the damage
            }
            if (frame == null || frame.image == null) {
                return new Scan(keyframes, count, true);
            }
            if (firstTs == Long.MIN_VALUE) {
                firstTs = grabber.getTimestamp();
            }
            long number = Math.max(count, Math.round((grabber.getTimestamp() - firstTs) / 1_000_000.0 * rate));
            count++;
            byte[] bgra = copy(frame, width, height);
            int[] luma = luma(bgra);
            double score;
            if (previous == null) {
                score = 1;
            } else {
                double mafd = meanAbsoluteDifference(previous, luma);
                double diff = Math.abs(mafd - previousMafd);
                previousMafd = mafd;
                score = Math.max(0, Math.min(1, Math.min(mafd, diff) / 100.0));
            }
            previous = luma;
            boolean sceneChange = score > settings.threshold() && number - lastKey >= minGapFrames;
            boolean overdue = number - lastKey >= maxGapFrames;
            if (keyframes.isEmpty() || sceneChange || overdue) {
                VideoFrame thumbnail = new VideoFrame(number, number / rate, width, height, bgra);
                Keyframe keyframe = new Keyframe(number, number / rate, score, thumbnail,
                        PerceptualHash.ofBgra(bgra, width, height));
                keyframes.add(keyframe);
                found.accept(keyframe);
                lastKey = number;
                if (keyframes.size() >= settings.maxKeyframes()) {
                    return new Scan(keyframes, count, false);
                }
            }
        }
        return new Scan(keyframes, count, false);
    }

    private static byte[] copy(Frame frame, int width, int height) {
        ByteBuffer source = ((ByteBuffer) frame.image[0]).duplicate();
        byte[] bgra = new byte[width * height * 4];
        int w = Math.min(width, frame.imageWidth);
        for (int y = 0; y < Math.min(height, frame.imageHeight); y++) {
            source.position(y * frame.imageStride);
            source.get(bgra, y * width * 4, w * 4);
        }
        return bgra;
    }

    private static int[] luma(byte[] bgra) {
        int[] luma = new int[bgra.length / 4];
        for (int i = 0, p = 0; i < luma.length; i++, p += 4) {
            luma[i] = (29 * (bgra[p] & 0xff) + 150 * (bgra[p + 1] & 0xff) + 77 * (bgra[p + 2] & 0xff)) >> 8;
        }
        return luma;
    }

    private static double meanAbsoluteDifference(int[] a, int[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        // FFmpeg scales the per-pixel difference to 0..100 for 8-bit frames
        return sum * 100.0 / (255.0 * a.length);
    }
}
