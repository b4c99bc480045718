package org.groundtruth.media.insignia;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.groundtruth.core.insignia.ScanSettings;
import org.groundtruth.media.VideoDecoder;
import org.groundtruth.media.VideoFrame;

/**
 * Where a scanned 1080p frame's time goes (thread CPU time, so a busy shared machine does not distort it): the frame
 * into OpenCV, the colour split, the masks, blob finding, and the whole scan with three templates.
 * Run: {@code java -cp ... org.groundtruth.media.insignia.ScanStageProfile [REPEATS]}.
 */
public final class ScanStageProfile {
    private ScanStageProfile() {
    }

    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        VideoFrame frame;
        try (VideoDecoder d = VideoDecoder.open(Path.of("..", "shared", "data", "media", "video", "gopro-max-heromode.mp4"))) {
            frame = EmblemComposer.resized(d.frame(d.info().lastFrame() / 3), 1920, 1080);
        }
        frame = EmblemComposer.compose(frame, StarterEmblems.all().get(0).png(),
                new EmblemComposer.Distortion(40, 20, 0.1, 0.5, 2, 95), new Random(5)).frame();
        List<InsigniaScanner.TemplateInput> inputs = StarterEmblems.all().stream()
                .map(s -> new InsigniaScanner.TemplateInput(s.name(), s.type(), s.png())).toList();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        EmblemMatcher matcher = new EmblemMatcher(ScanSettings.DEFAULT);
        try (InsigniaScanner scanner = new InsigniaScanner(inputs, List.of(), ScanSettings.DEFAULT);
                PreparedTemplate cross = PreparedTemplate.of("c", org.groundtruth.core.verify.InsigniaType.RED_CROSS,
                        inputs.get(0).picture())) {
            long[] t = new long[5];
            for (int r = 0; r < repeats + 2; r++) {
                boolean count = r >= 2;
                long c0 = cpu.getCurrentThreadCpuTime();
                try (Mat bgr = OpenCvImages.bgr(frame); ColourMasks masks = new ColourMasks(); Mat closed = new Mat()) {
                    long c1 = cpu.getCurrentThreadCpuTime();
                    Mat red = masks.of(bgr, cross.hues());
                    long c2 = cpu.getCurrentThreadCpuTime();
                    int blobs = matcher.blobs(red, closed).size();
                    long c3 = cpu.getCurrentThreadCpuTime();
                    scanner.matches(frame, Optional.of(0L));
                    long c4 = cpu.getCurrentThreadCpuTime();
                    if (count) {
                        t[0] += c1 - c0;
                        t[1] += c2 - c1;
                        t[2] += c3 - c2;
                        t[3] += c4 - c3;
                        t[4] = blobs;
                    }
                }
            }
            System.out.printf(Locale.ROOT, "per 1920x1080 frame, thread CPU ms: to OpenCV %.1f, colour split + red mask %.1f, "
                    + "red blobs %.1f (%d), whole scan 3 templates %.1f%n", t[0] / 1e6 / repeats, t[1] / 1e6 / repeats,
                    t[2] / 1e6 / repeats, t[4], t[3] / 1e6 / repeats);
        }
    }
}
