package org.groundtruth.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Rect;
import org.groundtruth.core.insignia.ScanCandidate;
import org.groundtruth.core.insignia.ScanSettings;
import org.groundtruth.media.SequentialFrames;
import org.groundtruth.media.VideoDecoder;
import org.groundtruth.media.VideoFrame;
import org.groundtruth.media.insignia.EmblemComposer;
import org.groundtruth.media.insignia.InsigniaScanner;
import org.groundtruth.media.insignia.FeatureProbe;
import org.groundtruth.media.insignia.MissDiagnosis;
import org.groundtruth.media.insignia.RescueBadge;
import org.groundtruth.media.insignia.StarterEmblems;
import org.groundtruth.media.insignia.SyntheticVideo;

/**
 * The insignia scan measurements of issue 18, in one run:
 * <ol>
 * <li>recall and precision per template and size: the three starter emblems composited onto frames of the real
 * videos in {@code ../shared/data/media/video} and onto generated scenes — scaled (16..96 px across), rotated,
 * tilted in perspective, blurred, noised — then H.264-encoded at a low bit rate and decoded back; plus frames
 * without any emblem. A hit is a candidate of the right template whose centre lies in the true box;</li>
 * <li>speed: a 60-second 1920x1080 30 fps H.264 clip scanned at every 5th frame with the three templates, beside a
 * decode-only pass over the same clip (the floor no scan can beat) and, when it is installed, {@code ffmpeg -f null};</li>
 * <li>the homography stage (decision 1830): a detailed badge ({@link RescueBadge}) strongly tilted (0.4..0.7) and
 * turned, 48..128 px across, plus the frames without an emblem, scanned with and without feature matching side by
 * side, with the matching CPU time of each ({@code features-only} runs this part alone).</li>
 * </ol>
 * Run: {@code mvn -q test-compile exec:java -Dexec.mainClass=org.groundtruth.bench.InsigniaScanBench
 * [-Dexec.args="PER_SIZE [accuracy-only|speed-only [MAX_FRAMES]|features-only]"]} (default 6 frames per template and size).
 */
public final class InsigniaScanBench {
    private static final int[] SIZES = {16, 20, 24, 32, 48, 64, 96};
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 720;
    /** Each composed picture is held for this many frames; the last copy is scanned (the encoder has settled). */
    private static final int HOLD = 2;
    private static final int TEST_SET_BITRATE = 1_500_000;

    private record Truth(String template, int size, Rect box, EmblemComposer.Distortion distortion) {
    }

    private InsigniaScanBench() {
    }

    public static void main(String[] args) throws Exception {
        int perSize = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        String only = args.length > 1 ? args[1] : "";
        Path work = Files.createDirectories(Path.of("target", "insignia-bench"));
        // -Dsoften=SIGMA: the templates drawn at the SVG size (128 px) and blurred by SIGMA px, as an SVG template with
        // camera-like soft edges would be (task item of decision 1830: measured, not adopted)
        double soften = Double.parseDouble(System.getProperty("soften", "-1"));
        List<InsigniaScanner.TemplateInput> templates = StarterEmblems.all().stream()
                .map(s -> new InsigniaScanner.TemplateInput(s.name(), s.type(), soften >= 0 ? softened(s.png(), soften) : s.png())).toList();
        if (soften >= 0) {
            System.out.printf(Locale.ROOT, "templates drawn at 128 px and blurred, sigma %.2f px%n", soften);
        }
        if (!only.equals("speed-only") && !only.equals("features-only")) {
            accuracy(work, templates, perSize);
        }
        if (!only.equals("speed-only") && !only.equals("accuracy-only")) {
            featureStage(work, templates, perSize);
        }
        if (!only.equals("accuracy-only") && !only.equals("features-only")) {
            speed(work, templates, args.length > 2 ? Long.parseLong(args[2]) : Long.MAX_VALUE);
        }
    }

    private static void accuracy(Path work, List<InsigniaScanner.TemplateInput> templates, int perSize) throws Exception {
        Random random = new Random(18);
        List<VideoFrame> backgrounds = backgrounds(random);
        List<Optional<Truth>> truths = new ArrayList<>();
        Path video = work.resolve("test-set.mp4");
        long t0 = System.nanoTime();
        String encoder;
        try (SyntheticVideo out = new SyntheticVideo(video, WIDTH, HEIGHT, 25, TEST_SET_BITRATE)) {
            for (InsigniaScanner.TemplateInput template : templates) {
                for (int size : SIZES) {
                    for (int k = 0; k < perSize; k++) {
                        VideoFrame bg = backgrounds.get(random.nextInt(backgrounds.size()));
                        var d = new EmblemComposer.Distortion(size, random.nextDouble() * 360, random.nextDouble() * 0.3,
                                random.nextDouble() * 0.8, random.nextDouble() * 5, 95);
                        // the emblem in the picture is always the starter drawing, whatever the template was made from
                        byte[] drawn = StarterEmblems.all().stream().filter(x -> x.name().equals(template.name())).findFirst()
                                .map(StarterEmblems.Starter::png).orElse(template.picture());
                        var composed = EmblemComposer.compose(bg, drawn, d, random);
                        for (int h = 0; h < HOLD; h++) {
                            out.add(composed.frame());
                        }
                        truths.add(Optional.of(new Truth(template.name(), size, composed.truth(), d)));
                    }
                }
            }
            for (VideoFrame bg : backgrounds) {
                for (int h = 0; h < HOLD; h++) {
                    out.add(bg);
                }
                truths.add(Optional.empty());
            }
            encoder = out.encoder();
        }
        System.out.printf(Locale.ROOT, "test set: %d pictures (%d without emblem), %dx%d, %s at %.1f Mbit/s, made in %.0f s%n",
                truths.size(), backgrounds.size(), WIDTH, HEIGHT, encoder, TEST_SET_BITRATE / 1e6, (System.nanoTime() - t0) / 1e9);

        Map<String, int[]> bySize = new LinkedHashMap<>(); // template|size -> hits, trials
        Map<String, int[]> precision = new LinkedHashMap<>(); // template -> true, false candidates
        templates.forEach(t -> precision.put(t.name(), new int[2]));
        int cleanFalse = 0;
        List<String> rightScores = new ArrayList<>();
        List<String> wrongScores = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        boolean explainMisses = Boolean.getBoolean("explainMisses");
        long scanNanos = 0;
        long scanCpuNanos = 0;
        int scanned = 0;
        ScanSettings settings = ScanSettings.DEFAULT;
        try (InsigniaScanner scanner = new InsigniaScanner(templates, List.of(), settings);
                SequentialFrames frames = SequentialFrames.open(video)) {
            while (frames.advance()) {
                if (frames.position() % HOLD != HOLD - 1) {
                    continue;
                }
                int picture = (int) (frames.position() / HOLD);
                if (picture >= truths.size()) {
                    break;
                }
                VideoFrame frame = frames.current();
                long s0 = System.nanoTime();
                long c0 = cpuNanos();
                List<ScanCandidate> found = scanner.matches(frame, Optional.of(frames.position()));
                scanNanos += System.nanoTime() - s0;
                scanCpuNanos += cpuNanos() - c0;
                scanned++;
                Optional<Truth> truth = truths.get(picture);
                boolean hit = false;
                for (ScanCandidate c : found) {
                    boolean right = truth.isPresent() && c.template().equals(truth.get().template()) && inside(c, truth.get().box(), frame);
                    precision.get(c.template())[right ? 0 : 1]++;
                    (right ? rightScores : wrongScores).add(String.format(Locale.ROOT, "%.2f", c.score()));
                    if (!right && explainMisses) {
                        misses.add(String.format(Locale.ROOT, "  wrong: %s %.2f at %.3f,%.3f on a picture of %s", c.template(), c.score(),
                                c.box().x(), c.box().y(), truth.map(t -> t.template() + " " + t.size() + " px at "
                                        + t.box().x() + "," + t.box().y()).orElse("no emblem")));
                    }
                    hit |= right;
                    if (truth.isEmpty()) {
                        cleanFalse++;
                    }
                }
                truth.ifPresent(t -> {
                    int[] counts = bySize.computeIfAbsent(t.template() + "|" + t.size(), k -> new int[2]);
                    counts[1]++;
                });
                if (hit) {
                    bySize.get(truth.get().template() + "|" + truth.get().size())[0]++;
                } else if (truth.isPresent() && explainMisses && truth.get().size() >= 24) {
                    Truth t = truth.get();
                    byte[] emblem = templates.stream().filter(x -> x.name().equals(t.template())).findFirst().orElseThrow().picture();
                    misses.add(String.format(Locale.ROOT, "  %s %d px, turned %.0f°, tilt %.2f, blur %.2f, noise %.1f: %s",
                            t.template(), t.size(), t.distortion().rotationDegrees(), t.distortion().tilt(),
                            t.distortion().blurSigma(), t.distortion().noiseSigma(),
                            MissDiagnosis.explain(frame, emblem, t.template(), t.box())));
                }
            }
        }
        System.out.printf(Locale.ROOT, "scan: %d frames, %.0f ms wall, %.0f ms CPU per %dx%d frame (3 templates, matching only; load average %.1f)%n",
                scanned, scanNanos / 1e6 / Math.max(1, scanned), scanCpuNanos / 1e6 / Math.max(1, scanned), WIDTH, HEIGHT,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.print("recall by size (px)  ");
        for (int size : SIZES) {
            System.out.printf(Locale.ROOT, "%7d", size);
        }
        System.out.println("   recall>=24px  precision");
        for (InsigniaScanner.TemplateInput t : templates) {
            System.out.printf(Locale.ROOT, "%-20s", t.name());
            int hits24 = 0;
            int trials24 = 0;
            for (int size : SIZES) {
                int[] c = bySize.getOrDefault(t.name() + "|" + size, new int[2]);
                System.out.printf(Locale.ROOT, "  %2d/%-2d", c[0], c[1]);
                if (size >= 24) {
                    hits24 += c[0];
                    trials24 += c[1];
                }
            }
            int[] p = precision.get(t.name());
            System.out.printf(Locale.ROOT, "   %.2f          %.2f (%d right, %d wrong)%n", (double) hits24 / Math.max(1, trials24),
                    (double) p[0] / Math.max(1, p[0] + p[1]), p[0], p[1]);
        }
        System.out.println("candidates on frames without an emblem: " + cleanFalse);
        rightScores.sort(null);
        wrongScores.sort(null);
        System.out.println("scores of right candidates: " + rightScores);
        System.out.println("scores of wrong candidates: " + wrongScores);
        if (explainMisses) {
            System.out.println("misses at >= 24 px, and the stage that lost them:");
            misses.forEach(System.out::println);
        }
    }

    private static byte[] softened(byte[] png, double sigma) {
        try (org.bytedeco.opencv.opencv_core.Mat m = org.bytedeco.opencv.global.opencv_imgcodecs.imdecode(
                new org.bytedeco.opencv.opencv_core.Mat(new org.bytedeco.javacpp.BytePointer(png)), org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR);
                org.bytedeco.opencv.opencv_core.Mat small = new org.bytedeco.opencv.opencv_core.Mat();
                org.bytedeco.javacpp.BytePointer out = new org.bytedeco.javacpp.BytePointer()) {
            double f = 128.0 / Math.max(m.cols(), m.rows());
            org.bytedeco.opencv.global.opencv_imgproc.resize(m, small, new org.bytedeco.opencv.opencv_core.Size(
                    (int) Math.round(m.cols() * f), (int) Math.round(m.rows() * f)), 0, 0, org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA);
            if (sigma > 0) {
                org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur(small, small, new org.bytedeco.opencv.opencv_core.Size(0, 0), sigma);
            }
            org.bytedeco.opencv.global.opencv_imgcodecs.imencode(".png", small, out);
            byte[] bytes = new byte[(int) out.limit()];
            out.get(bytes);
            return bytes;
        }
    }

    private static final int[] FEATURE_SIZES = {48, 64, 96, 128};

    /**
     * The homography stage: the detailed badge tilted 0.4..0.7 and turned 0..360°, 48..128 px across, blurred and
     * noised, through H.264 at the test set's bit rate, plus the emblem-free frames; every frame is scanned by two
     * scanners, without and with feature matching, and each one's recall by size, precision and matching CPU time
     * (thread CPU, so the other engineers' load does not count) are printed side by side.
     */
    private static void featureStage(Path work, List<InsigniaScanner.TemplateInput> starter, int perSize) throws Exception {
        Random random = new Random(1830);
        List<VideoFrame> backgrounds = backgrounds(random);
        byte[] badge = RescueBadge.png();
        System.out.print("keypoints per template (homography stage needs 100):");
        for (InsigniaScanner.TemplateInput t : starter) {
            System.out.print(" " + t.name() + " " + FeatureProbe.keypoints(t.picture()) + ";");
        }
        System.out.println(" rescue badge " + FeatureProbe.keypoints(badge));
        List<InsigniaScanner.TemplateInput> templates = List.of(new InsigniaScanner.TemplateInput("rescue badge",
                org.groundtruth.core.verify.InsigniaType.DSNS_EMBLEM, badge));
        List<Optional<Truth>> truths = new ArrayList<>();
        Path video = work.resolve("feature-set.mp4");
        try (SyntheticVideo out = new SyntheticVideo(video, WIDTH, HEIGHT, 25, TEST_SET_BITRATE)) {
            for (int size : FEATURE_SIZES) {
                for (int k = 0; k < perSize; k++) {
                    VideoFrame bg = backgrounds.get(random.nextInt(backgrounds.size()));
                    var d = new EmblemComposer.Distortion(size, random.nextDouble() * 360, 0.4 + random.nextDouble() * 0.3,
                            random.nextDouble() * 0.8, random.nextDouble() * 5, 95);
                    var composed = EmblemComposer.compose(bg, badge, d, random);
                    for (int h = 0; h < HOLD; h++) {
                        out.add(composed.frame());
                    }
                    truths.add(Optional.of(new Truth("rescue badge", size, composed.truth(), d)));
                }
            }
            for (VideoFrame bg : backgrounds) {
                for (int h = 0; h < HOLD; h++) {
                    out.add(bg);
                }
                truths.add(Optional.empty());
            }
        }
        int[][][] hits = new int[2][FEATURE_SIZES.length][2];
        int[][] precision = new int[2][2];
        int[] clean = new int[2];
        long[] cpu = new long[2];
        List<List<String>> scores = List.of(new ArrayList<>(), new ArrayList<>());
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int scanned = 0;
        try (InsigniaScanner with = new InsigniaScanner(templates, List.of(), ScanSettings.DEFAULT, InsigniaScanner.FeatureStage.ON);
                InsigniaScanner without = new InsigniaScanner(templates, List.of(), ScanSettings.DEFAULT, InsigniaScanner.FeatureStage.OFF);
                SequentialFrames frames = SequentialFrames.open(video)) {
            InsigniaScanner[] scanners = {without, with};
            while (frames.advance()) {
                if (frames.position() % HOLD != HOLD - 1) {
                    continue;
                }
                int picture = (int) (frames.position() / HOLD);
                if (picture >= truths.size()) {
                    break;
                }
                VideoFrame frame = frames.current();
                Optional<Truth> truth = truths.get(picture);
                scanned++;
                for (int s = 0; s < 2; s++) {
                    long c0 = threads.getCurrentThreadCpuTime();
                    List<ScanCandidate> found = scanners[s].matches(frame, Optional.of(frames.position()));
                    cpu[s] += threads.getCurrentThreadCpuTime() - c0;
                    boolean hit = false;
                    for (ScanCandidate c : found) {
                        boolean right = truth.isPresent() && inside(c, truth.get().box(), frame);
                        precision[s][right ? 0 : 1]++;
                        scores.get(s).add(String.format(Locale.ROOT, "%s%.2f%s", right ? "" : "WRONG ", c.score(),
                                c.method().name().equals("FEATURES") ? "f" : ""));
                        hit |= right;
                        if (truth.isEmpty()) {
                            clean[s]++;
                        }
                    }
                    if (truth.isPresent()) {
                        int i = java.util.Arrays.binarySearch(FEATURE_SIZES, truth.get().size());
                        hits[s][i][1]++;
                        hits[s][i][0] += hit ? 1 : 0;
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "homography stage: rescue badge, tilt 0.4-0.7, turned 0-360°, %d per size, %d frames without (load average %.1f)%n",
                perSize, backgrounds.size(), java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.print("recall by size (px)    ");
        for (int size : FEATURE_SIZES) {
            System.out.printf(Locale.ROOT, "%7d", size);
        }
        System.out.println("   recall   precision   false on clean   matching CPU per frame");
        String[] names = {"without features", "with features"};
        for (int s = 0; s < 2; s++) {
            System.out.printf(Locale.ROOT, "%-22s", names[s]);
            int h = 0;
            int t = 0;
            for (int i = 0; i < FEATURE_SIZES.length; i++) {
                System.out.printf(Locale.ROOT, "  %2d/%-2d", hits[s][i][0], hits[s][i][1]);
                h += hits[s][i][0];
                t += hits[s][i][1];
            }
            System.out.printf(Locale.ROOT, "   %.2f     %.2f        %d                %.1f ms%n", (double) h / Math.max(1, t),
                    (double) precision[s][0] / Math.max(1, precision[s][0] + precision[s][1]), clean[s], cpu[s] / 1e6 / Math.max(1, scanned));
            scores.get(s).sort(null);
            System.out.println("   scores (f = by features): " + scores.get(s));
        }
        System.out.println("   (both compared on the same " + scanned + " frames)");
    }

    private static boolean inside(ScanCandidate c, Rect t, VideoFrame frame) {
        double cx = (c.box().x() + c.box().width() / 2) * frame.width();
        double cy = (c.box().y() + c.box().height() / 2) * frame.height();
        return cx >= t.x() && cx <= t.x() + t.width() && cy >= t.y() && cy <= t.y() + t.height();
    }

    /** Frames of the three real videos (six places each) and six generated scenes, all at 1280x720. */
    private static List<VideoFrame> backgrounds(Random random) {
        List<VideoFrame> out = new ArrayList<>();
        for (String name : List.of("gopro-max-heromode.mp4", "Issue 515 (java).mp4", "with-gps.mp4")) {
            try (VideoDecoder d = VideoDecoder.open(Path.of("..", "shared", "data", "media", "video", name))) {
                long last = d.info().lastFrame();
                for (int i = 0; i < 6; i++) {
                    out.add(EmblemComposer.resized(d.frame(last * i / 6), WIDTH, HEIGHT));
                }
            }
        }
        for (int i = 0; i < 6; i++) {
            out.add(EmblemComposer.syntheticScene(WIDTH, HEIGHT, random, i));
        }
        return out;
    }

    /** Scans the clip (its first {@code maxFrames} frames when given: on a shared machine a full run takes long). */
    private static void speed(Path work, List<InsigniaScanner.TemplateInput> templates, long maxFrames) throws Exception {
        Path clip = work.resolve("clip-1080p-60s-emblem.mp4");
        if (!Files.exists(clip)) {
            long t0 = System.nanoTime();
            makeClip(clip, templates.get(0).picture());
            System.out.printf(Locale.ROOT, "made %s in %.0f s%n", clip, (System.nanoTime() - t0) / 1e9);
        }
        long t0 = System.nanoTime();
        long decodeCpu0 = cpuNanos();
        long decoded = 0;
        try (SequentialFrames frames = SequentialFrames.open(clip)) {
            while (decoded < maxFrames && frames.advance()) {
                decoded++;
            }
        }
        double decodeSeconds = (System.nanoTime() - t0) / 1e9;
        double decodeCpu = (cpuNanos() - decodeCpu0) / 1e9;
        t0 = System.nanoTime();
        long cpu0 = cpuNanos();
        InsigniaScanner.Result result;
        try (InsigniaScanner scanner = new InsigniaScanner(templates, List.of(), ScanSettings.DEFAULT)) {
            long[] at = {0};
            result = scanner.scanVideo(clip, () -> at[0] >= maxFrames - 1, n -> at[0] = n, c -> { });
        }
        double scanSeconds = (System.nanoTime() - t0) / 1e9;
        double scanCpu = (cpuNanos() - cpu0) / 1e9;
        System.out.printf(Locale.ROOT, "speed, 60 s 1920x1080 30 fps clip%s, every 5th frame, 3 templates:%n",
                maxFrames == Long.MAX_VALUE ? "" : " (first " + maxFrames + " frames)");
        System.out.printf(Locale.ROOT, "  (wall clock; CPU time of this process beside it, as the machine is shared; load average %.1f)%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "  groundtruth scan      %6.1f s wall  %6.1f s CPU  (%d frames decoded, %d scanned, %d candidates)%n", scanSeconds,
                scanCpu, result.framesDecoded(), result.framesScanned(), result.candidates().size());
        for (ScanCandidate c : result.candidates()) {
            System.out.printf(Locale.ROOT, "     %s frames %d..%d score %.2f%n", c.template(), c.firstFrame().orElse(-1L),
                    c.lastFrame().orElse(-1L), c.score());
        }
        System.out.printf(Locale.ROOT, "  decode only (JavaCV)  %6.1f s wall  %6.1f s CPU  (%d frames)%n", decodeSeconds, decodeCpu, decoded);
        ffmpegNull(clip);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void ffmpegNull(Path clip) {
        try {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-i", clip.toString(), "-f", "null", "-")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            int code = p.waitFor();
            System.out.printf(Locale.ROOT, "  ffmpeg -f null        %6.1f s  (exit %d)%n", (System.nanoTime() - t0) / 1e9, code);
        } catch (Exception e) {
            System.out.println("  ffmpeg -f null        (ffmpeg not installed)");
        }
    }

    /**
     * A real frame scaled to 2240x1260 with a 40 px Red Cross composited onto it; the clip pans across it by a pixel
     * per frame, so the emblem is in view for part of the minute and H.264 has real motion to code.
     */
    private static void makeClip(Path clip, byte[] emblem) throws Exception {
        VideoFrame big;
        try (VideoDecoder d = VideoDecoder.open(Path.of("..", "shared", "data", "media", "video", "gopro-max-heromode.mp4"))) {
            big = EmblemComposer.resized(d.frame(0), 2240, 1260);
        }
        big = EmblemComposer.compose(big, emblem, new EmblemComposer.Distortion(40, 20, 0.1, 0.5, 2, 95), new Random(5)).frame();
        try (SyntheticVideo out = new SyntheticVideo(clip, 1920, 1080, 30, 6_000_000)) {
            for (int n = 0; n < 1800; n++) {
                int x = (int) Math.round(320 * (0.5 - 0.5 * Math.cos(Math.PI * n / 1800.0)));
                int y = (int) Math.round(180 * Math.abs(Math.sin(Math.PI * n / 1800.0)));
                out.add(EmblemComposer.crop(big, x, y, 1920, 1080, n));
            }
        }
    }
}
