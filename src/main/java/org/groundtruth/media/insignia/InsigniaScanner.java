package org.groundtruth.media.insignia;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.groundtruth.core.insignia.CandidateRuns;
import org.groundtruth.core.insignia.MatchMethod;
import org.groundtruth.core.insignia.ScanCandidate;
import org.groundtruth.core.insignia.ScanSettings;
import org.groundtruth.core.verify.InsigniaType;
import org.groundtruth.core.verify.NormalizedBox;
import org.groundtruth.media.MediaFormatException;
import org.groundtruth.media.SequentialFrames;
import org.groundtruth.media.StillImageDecoder;
import org.groundtruth.media.VideoFrame;

/**
 * Scans a video (every Nth frame and every key frame) or a photo for emblem templates and text markings, and
 * lists candidate boxes for the analyst. In a video, matches of one template in successive sampled frames with
 * overlapping boxes merge into one candidate with its first and last frame; each candidate is reported as soon
 * as its run ends. Not thread-safe: one scanner per scan (a video scan itself uses every core).
 */
public final class InsigniaScanner implements AutoCloseable {
    /** A template to look for: its name (reported with each match), insignia type and picture (PNG, JPEG…). */
    public record TemplateInput(String name, InsigniaType type, byte[] picture) {
        public TemplateInput {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("template name is required");
            }
            if (type == null || picture == null || picture.length == 0) {
                throw new IllegalArgumentException("template " + name + " needs a type and a picture");
            }
        }
    }

    /** What a scan did: its candidates, frames looked at and decoded, and whether it ran to the end. */
    public record Result(List<ScanCandidate> candidates, long framesScanned, long framesDecoded, boolean complete) {
        public Result {
            candidates = List.copyOf(candidates);
        }
    }

    private static final int PHOTO_MAX_SIDE = 4096;
    /** Tesseract's mean word confidence (0..1) a marking that matched the wanted word must also reach. */
    private static final double MIN_OCR_CONFIDENCE = 0.31;

    private final List<PreparedTemplate> templates = new ArrayList<>();
    private final Optional<TextMarkingFinder> markings;
    private final ScanSettings settings;
    private final EmblemMatcher matcher;

    /**
     * Prepares the templates and, when {@code markingWords} is not empty, Tesseract. Throws
     * {@link IllegalArgumentException} naming a template that cannot be used, {@link MediaFormatException} when OCR
     * is asked for and its language data is missing.
     */
    public InsigniaScanner(List<TemplateInput> templateInputs, List<String> markingWords, ScanSettings settings) {
        this(templateInputs, markingWords, settings, FeatureStage.ON);
    }

    /** Whether detailed templates are also looked for by feature matching with a homography check (decision 1830). */
    public enum FeatureStage { ON, OFF }

    /** As {@link #InsigniaScanner(List, List, ScanSettings)}, with the homography stage on or off (for comparison). */
    public InsigniaScanner(List<TemplateInput> templateInputs, List<String> markingWords, ScanSettings settings,
            FeatureStage featureStage) {
        if (templateInputs.isEmpty() && markingWords.isEmpty()) {
            throw new IllegalArgumentException("give at least one template or text marking to look for");
        }
        this.settings = settings;
        this.matcher = new EmblemMatcher(settings, featureStage == FeatureStage.ON);
        try {
            for (TemplateInput input : templateInputs) {
                templates.add(PreparedTemplate.of(input.name(), input.type(), input.picture()));
            }
            this.markings = markingWords.isEmpty() ? Optional.empty()
                    : Optional.of(new TextMarkingFinder(markingWords, settings.minSizePixels()));
        } catch (RuntimeException e) {
            templates.forEach(PreparedTemplate::close);
            throw e;
        }
    }

    /**
     * Scans a video. {@code cancelled} is polled between frames; {@code progress} hears the number of the frame
     * decoded (against {@link SequentialFrames#frameCountEstimate()}); {@code found} hears each candidate as its
     * run ends. Throws {@link MediaFormatException} when the file is not a video.
     */
    public Result scanVideo(Path file, BooleanSupplier cancelled, LongConsumer progress, Consumer<ScanCandidate> found) {
        // frames are decoded once, here, and scanned in parallel over the cores; results are taken in frame order
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "insignia-scan");
            t.setDaemon(true);
            return t;
        });
        try (SequentialFrames frames = SequentialFrames.open(file)) {
            CandidateRuns runs = new CandidateRuns(2L * settings.everyNth());
            ArrayDeque<Pending> pending = new ArrayDeque<>();
            long scanned = 0;
            boolean complete = true;
            while (frames.advance()) {
                if (cancelled.getAsBoolean()) {
                    complete = false;
                    break;
                }
                long n = frames.position();
                progress.accept(n);
                if (n % settings.everyNth() != 0 && !frames.keyFrame()) {
                    continue;
                }
                scanned++;
                VideoFrame frame = frames.current();
                pending.add(new Pending(n, pool.submit(() -> matches(frame, Optional.of(n)))));
                // a few frames ahead per core: enough to keep the cores busy, few enough to bound memory
                while (pending.size() > 2 * threads) {
                    take(pending.poll(), runs, found);
                }
            }
            if (complete) {
                while (!pending.isEmpty()) {
                    take(pending.poll(), runs, found);
                }
            } else {
                // cancelled: frames still waiting are dropped, not counted as scanned
                pending.forEach(p -> p.result().cancel(true));
                scanned -= pending.size();
            }
            List<ScanCandidate> all = runs.finish();
            return new Result(all, scanned, frames.position() + 1, complete);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A frame handed to the pool: its number and its matches to come. */
    private record Pending(long frame, Future<List<ScanCandidate>> result) {
    }

    private void take(Pending p, CandidateRuns runs, Consumer<ScanCandidate> found) {
        List<ScanCandidate> matches;
        try {
            matches = p.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("scan interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
        for (ScanCandidate match : matches) {
            runs.add(match).forEach(found);
        }
        runs.closeBefore(p.frame() - 2L * settings.everyNth()).forEach(found);
    }

    /** Estimated frame count of a video, for progress. */
    public static long frameCountEstimate(Path file) {
        try (SequentialFrames frames = SequentialFrames.open(file)) {
            return frames.frameCountEstimate();
        }
    }

    /** Scans a photo; candidates have no frame numbers. */
    public Result scanPhoto(Path file) {
        VideoFrame picture = toFrame(new StillImageDecoder().decode(file, PHOTO_MAX_SIDE).image());
        return new Result(matches(picture, Optional.empty()), 1, 1, true);
    }

    /** Every match in one frame (before runs are merged), best first per template. */
    public List<ScanCandidate> matches(VideoFrame frame, Optional<Long> frameNumber) {
        List<ScanCandidate> found = new ArrayList<>();
        try (Mat bgr = OpenCvImages.bgr(frame); ColourMasks masks = new ColourMasks()) {
            for (PreparedTemplate template : templates) {
                for (EmblemMatcher.Match m : matcher.find(bgr, template, masks)) {
                    found.add(ScanCandidate.single(frameNumber, box(m.box(), frame), template.name(), m.score(),
                            m.method(), ""));
                }
            }
            markings.ifPresent(reader -> readMarkings(reader, bgr).forEach(r -> {
                if (r.confidence() >= MIN_OCR_CONFIDENCE) {
                    found.add(ScanCandidate.single(frameNumber, box(r.box(), frame), r.marking(),
                            Math.min(1, r.confidence()), MatchMethod.OCR, r.read()));
                }
            }));
        }
        return found;
    }

    /** One Tesseract instance serves all frames: frames scanned in parallel take turns reading. */
    private static List<TextMarkingFinder.Reading> readMarkings(TextMarkingFinder reader, Mat bgr) {
        synchronized (reader) {
            return reader.find(bgr);
        }
    }

    private static NormalizedBox box(Rect r, VideoFrame frame) {
        double x = Math.max(0, Math.min(1, (double) r.x() / frame.width()));
        double y = Math.max(0, Math.min(1, (double) r.y() / frame.height()));
        double w = Math.max(0, Math.min(1 - x, (double) r.width() / frame.width()));
        double h = Math.max(0, Math.min(1 - y, (double) r.height() / frame.height()));
        return new NormalizedBox(x, y, w, h);
    }

    private static VideoFrame toFrame(java.awt.image.BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] bgra = new byte[w * h * 4];
        int[] row = new int[w];
        for (int y = 0, p = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++, p += 4) {
                bgra[p] = (byte) row[x];
                bgra[p + 1] = (byte) (row[x] >> 8);
                bgra[p + 2] = (byte) (row[x] >> 16);
                bgra[p + 3] = (byte) 0xff;
            }
        }
        return new VideoFrame(0, 0, w, h, bgra);
    }

    @Override
    public void close() {
        templates.forEach(PreparedTemplate::close);
        markings.ifPresent(TextMarkingFinder::close);
    }
}
