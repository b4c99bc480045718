package org.groundtruth.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.groundtruth.media.KeyframeScanner;
import org.groundtruth.media.MetadataReader;
import org.groundtruth.media.VideoDecoder;

/**
 * The media benchmarks of issue 4, each beside its reference tool in the same run:
 * <ol>
 * <li>random frame seek in a 60-second 1080p H.264 clip: {@link VideoDecoder#frame} vs one
 * {@code ffmpeg -ss T -i clip -frames:v 1} process per frame (both decode to BGRA pixels);</li>
 * <li>scene-change scan throughput: {@link KeyframeScanner} vs {@code ffmpeg -vf select='gt(scene,0.3)'};</li>
 * <li>metadata of 1,000 photos: {@link MetadataReader} vs {@code exiftool -json} over the same files.</li>
 * </ol>
 * Needs {@code ffmpeg} and {@code exiftool} on the PATH (Debian: ffmpeg, libimage-exiftool-perl).
 * Run: {@code mvn -q test-compile exec:java -Dexec.mainClass=org.groundtruth.bench.MediaBench}
 */
public final class MediaBench {
    private static final int SEEKS = 30;
    private static final int PHOTOS = 1000;

    private MediaBench() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of("target", "media-bench"));
        Path clip = work.resolve("clip-1080p-60s.mp4");
        if (!Files.exists(clip)) {
            System.out.println("making " + clip + " (ffmpeg testsrc2, 1920x1080, 30 fps, 60 s, libx264 defaults)");
            run(List.of("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=30",
                    "-t", "60", "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", clip.toString()));
        }
        Path shortGop = work.resolve("clip-1080p-60s-gop30.mp4");
        if (!Files.exists(shortGop)) {
            System.out.println("making " + shortGop + " (the same with a keyframe every second, as phones and drones write)");
            run(List.of("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=30",
                    "-t", "60", "-c:v", "libx264", "-preset", "veryfast", "-g", "30", "-pix_fmt", "yuv420p",
                    shortGop.toString()));
        }
        seekBenchmark(clip, "libx264 default GOP (keyframe every 250 frames)");
        seekBenchmark(shortGop, "keyframe every 30 frames (1 s)");
        sceneBenchmark(clip);
        metadataBenchmark(work);
    }

    private static void seekBenchmark(Path clip, String label) throws Exception {
        Random random = new Random(4);
        long[] frames = new long[SEEKS];
        try (VideoDecoder decoder = VideoDecoder.open(clip)) {
            long last = decoder.info().lastFrame();
            for (int i = 0; i < SEEKS; i++) {
                frames[i] = 1 + (long) (random.nextDouble() * (last - 1));
            }
            decoder.frame(last / 2); // warm-up: JIT and FFmpeg's first allocations
            double[] ours = new double[SEEKS];
            for (int i = 0; i < SEEKS; i++) {
                long t0 = System.nanoTime();
                decoder.frame(frames[i]);
                ours[i] = (System.nanoTime() - t0) / 1e6;
            }
            double fps = decoder.info().frameRate();
            double[] reference = new double[SEEKS];
            for (int i = 0; i < SEEKS; i++) {
                String seconds = String.format(Locale.ROOT, "%.6f", frames[i] / fps);
                long t0 = System.nanoTime();
                run(List.of("ffmpeg", "-v", "error", "-ss", seconds, "-i", clip.toString(), "-frames:v", "1",
                        "-pix_fmt", "bgra", "-f", "rawvideo", "-y", "/dev/null"));
                reference[i] = (System.nanoTime() - t0) / 1e6;
            }
            System.out.println();
            System.out.printf(Locale.ROOT, "Random frame seek, 1080p H.264, 60 s, %s, %d random frames%n", label, SEEKS);
            System.out.printf(Locale.ROOT, "  %-44s median %7.1f ms   p95 %7.1f ms%n", "Groundtruth VideoDecoder.frame(n)",
                    percentile(ours, 50), percentile(ours, 95));
            System.out.printf(Locale.ROOT, "  %-44s median %7.1f ms   p95 %7.1f ms%n", "ffmpeg -ss T -i clip -frames:v 1 (process)",
                    percentile(reference, 50), percentile(reference, 95));
            System.out.printf(Locale.ROOT, "  ratio (ours / ffmpeg): median %.2fx, p95 %.2fx (goal <= 0.5x)%n",
                    percentile(ours, 50) / percentile(reference, 50), percentile(ours, 95) / percentile(reference, 95));
        }
    }

    private static void sceneBenchmark(Path clip) throws Exception {
        long t0 = System.nanoTime();
        KeyframeScanner.Scan scan = new KeyframeScanner(KeyframeScanner.Settings.DEFAULT).scan(clip, () -> false, k -> { });
        double ours = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        run(List.of("ffmpeg", "-v", "error", "-i", clip.toString(), "-vf", "select='gt(scene,0.3)'", "-f", "null", "-"));
        double reference = (System.nanoTime() - t0) / 1e9;
        System.out.println();
        System.out.printf(Locale.ROOT, "Keyframe (scene-change) scan, same clip, %d frames%n", scan.framesDecoded());
        System.out.printf(Locale.ROOT, "  %-44s %6.2f s  %7.1f frames/s  (%d keyframes)%n", "Groundtruth KeyframeScanner",
                ours, scan.framesDecoded() / ours, scan.keyframes().size());
        System.out.printf(Locale.ROOT, "  %-44s %6.2f s  %7.1f frames/s%n", "ffmpeg -vf select='gt(scene,0.3)' -f null",
                reference, scan.framesDecoded() / reference);
        System.out.printf(Locale.ROOT, "  throughput ratio (ours / ffmpeg): %.2fx%n", reference / ours);
    }

    private static void metadataBenchmark(Path work) throws Exception {
        Path dir = work.resolve("photos");
        List<Path> sources;
        try (Stream<Path> files = Stream.of("jpg", "tif", "webp").flatMap(sub -> list(Path.of("..", "shared", "data", "media", sub)))) {
            sources = files.sorted(Comparator.naturalOrder()).toList();
        }
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            for (int i = 0; i < PHOTOS; i++) {
                Path source = sources.get(i % sources.size());
                String name = String.format(Locale.ROOT, "%04d-%s", i, source.getFileName().toString().replace(' ', '_'));
                Files.createLink(dir.resolve(name), source.toRealPath());
            }
        }
        List<Path> photos;
        try (Stream<Path> files = Files.list(dir)) {
            photos = files.sorted().toList();
        }
        MetadataReader reader = new MetadataReader();
        long t0 = System.nanoTime();
        int withGps = 0;
        for (Path photo : photos) {
            withGps += reader.read(photo).summary().gps().isPresent() ? 1 : 0;
        }
        double cold = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        for (Path photo : photos) {
            reader.read(photo);
        }
        double warm = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        List<String> command = new ArrayList<>(List.of("exiftool", "-json", "-n", "-q"));
        command.add(dir.toString());
        run(command);
        double reference = (System.nanoTime() - t0) / 1e9;
        System.out.println();
        System.out.printf(Locale.ROOT, "Metadata of %d photos (%d distinct JPEG/TIFF/WebP files from ../shared/data/media, hard-linked)%n",
                photos.size(), sources.size());
        System.out.printf(Locale.ROOT, "  %-44s %6.2f s first pass (JVM cold), %6.2f s second pass; %d with GPS%n",
                "Groundtruth MetadataReader (1 thread)", cold, warm, withGps);
        System.out.printf(Locale.ROOT, "  %-44s %6.2f s%n", "exiftool -json -n DIR", reference);
        System.out.printf(Locale.ROOT, "  speed-up vs exiftool: %.1fx cold, %.1fx warm (goal >= 3x)%n", reference / cold, reference / warm);
    }

    private static Stream<Path> list(Path dir) {
        try {
            return Files.list(dir).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int code = process.waitFor();
        if (code != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + code);
        }
    }
}
