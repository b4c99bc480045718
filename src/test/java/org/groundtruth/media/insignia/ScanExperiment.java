package org.groundtruth.media.insignia;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.groundtruth.core.insignia.ScanCandidate;
import org.groundtruth.core.insignia.ScanSettings;
import org.groundtruth.media.VideoDecoder;
import org.groundtruth.media.VideoFrame;

public class ScanExperiment {
    public static void main(String[] args) {
        List<VideoFrame> backgrounds = new ArrayList<>();
        for (String name : List.of("gopro-max-heromode.mp4", "Issue 515 (java).mp4", "with-gps.mp4")) {
            try (VideoDecoder d = VideoDecoder.open(Path.of("../shared/data/media/video/" + name))) {
                for (long n : new long[] {0, 30, 90}) {
                    backgrounds.add(d.frame(Math.min(n, d.info().lastFrame())));
                }
            }
        }
        System.out.println("backgrounds " + backgrounds.size() + " " + backgrounds.get(0));
        double minScore = args.length > 0 ? Double.parseDouble(args[0]) : 0.62;
        ScanSettings settings = new ScanSettings(5, 16, minScore);
        List<InsigniaScanner.TemplateInput> inputs = StarterEmblems.all().stream()
                .map(s -> new InsigniaScanner.TemplateInput(s.name(), s.type(), s.png())).toList();
        Random random = new Random(7);
        try (InsigniaScanner scanner = new InsigniaScanner(inputs, List.of(), settings)) {
            for (var starter : StarterEmblems.all()) {
                for (int size : new int[] {16, 20, 24, 32, 48, 96}) {
                    int hit = 0, trials = 0, falsePos = 0;
                    long t0 = System.nanoTime();
                    for (VideoFrame bg : backgrounds) {
                        for (int k = 0; k < 2; k++) {
                            var d = new EmblemComposer.Distortion(size, random.nextDouble() * 360, random.nextDouble() * 0.3,
                                    random.nextDouble() * 1.0, random.nextDouble() * 6, 40 + random.nextInt(50));
                            var composed = EmblemComposer.compose(bg, starter.png(), d, random);
                            trials++;
                            boolean found = false;
                            for (ScanCandidate c : scanner.matches(composed.frame(), Optional.of(0L))) {
                                var t = composed.truth();
                                var b = c.box();
                                double bx = b.x() * bg.width(), by = b.y() * bg.height();
                                double cxx = bx + b.width() * bg.width() / 2, cyy = by + b.height() * bg.height() / 2;
                                boolean inside = cxx >= t.x() && cxx <= t.x() + t.width() && cyy >= t.y() && cyy <= t.y() + t.height();
                                if (inside && c.template().equals(starter.name())) {
                                    found = true;
                                } else {
                                    falsePos++;
                                }
                            }
                            if (found) hit++;
                        }
                    }
                    System.out.printf("%-13s %3d px: recall %d/%d  false %d  %.0f ms/frame%n", starter.name(), size, hit, trials,
                            falsePos, (System.nanoTime() - t0) / 1e6 / trials);
                }
            }
            int falsePos = 0;
            for (VideoFrame bg : backgrounds) {
                falsePos += scanner.matches(bg, Optional.of(0L)).size();
            }
            System.out.println("false candidates on clean frames: " + falsePos);
        }
    }
}
